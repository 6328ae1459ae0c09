/**
 * At most `maxPerSecond` grants in any window of `secondMs` (a sliding log). Alibaba counts QPS
 * over any second; a plain token bucket would allow a double burst at its refill edge, a sliding
 * log never does.
 */
export class GrantWindow {
	/** Times of the last `maxPerWindow` grants (a ring buffer; `next` is the oldest once full). */
	private readonly grants: number[] = [];
	private next = 0;
	private readonly maxPerWindow: number;
	private readonly windowMs: number;

	/** `maxPerSecond` may be fractional: 2.5 per second becomes 2 grants per 0.8 window. */
	constructor(maxPerSecond: number, secondMs: number) {
		this.maxPerWindow = Math.max(1, Math.floor(maxPerSecond));
		this.windowMs = (secondMs * this.maxPerWindow) / maxPerSecond;
	}

	/** Milliseconds until one more grant fits; 0 or less when it fits now. */
	waitMs(now: number): number {
		if (this.grants.length < this.maxPerWindow) return 0;
		return this.grants[this.next] + this.windowMs - now;
	}

	add(now: number): void {
		if (this.grants.length < this.maxPerWindow) this.grants.push(now);
		else this.grants[this.next] = now;
		this.next = (this.next + 1) % this.maxPerWindow;
	}
}
