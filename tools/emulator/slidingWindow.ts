// Event times within the last `windowMs`, kept as a queue: each time is added once and evicted once,
// so counting is O(1) amortised however long the emulator runs.

export class SlidingWindow {
	private times: number[] = [];
	private head = 0;

	constructor(private readonly windowMs = 1000) {}

	/** Two events share a window when they are less than `windowMs` apart. */
	countAt(now: number): number {
		this.evictBefore(now);
		return this.times.length - this.head;
	}

	add(now: number): void {
		this.times.push(now);
	}

	/** The earliest event still inside the window (call `countAt` first to evict). */
	oldest(): number | undefined {
		return this.head < this.times.length ? this.times[this.head] : undefined;
	}

	private evictBefore(now: number): void {
		const cutoff = now - this.windowMs;
		while (this.head < this.times.length && this.times[this.head] <= cutoff) this.head++;
		if (this.head > 1024 && this.head * 2 > this.times.length) {
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}
}
