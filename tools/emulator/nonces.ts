// SignatureNonce replay protection: a nonce may be used once per AccessKeyId within the timestamp window.

export class NonceRegistry {
	private readonly expiresAt = new Map<string, number>();
	/** Insertion order is expiry order (constant window), so expired entries are dropped from the front. */
	private readonly queue: string[] = [];
	private head = 0;

	constructor(private readonly windowMs: number) {}

	/** Records the nonce and returns true, or returns false when the key already used it within the window. */
	claim(accessKeyId: string, nonce: string, now: number): boolean {
		this.evictExpired(now);
		const id = `${accessKeyId}\n${nonce}`;
		if (this.expiresAt.has(id)) return false;
		this.expiresAt.set(id, now + this.windowMs);
		this.queue.push(id);
		return true;
	}

	private evictExpired(now: number): void {
		while (this.head < this.queue.length) {
			const id = this.queue[this.head];
			if ((this.expiresAt.get(id) ?? 0) > now) break;
			this.expiresAt.delete(id);
			this.head++;
		}
		if (this.head > 1024 && this.head * 2 > this.queue.length) {
			this.queue.splice(0, this.head);
			this.head = 0;
		}
	}
}
