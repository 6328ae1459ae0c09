// Per-AccessKeyId flow control: at most `qps` accepted requests in any sliding 1000 ms window.
// (The documented limit is per Alibaba Cloud account; the emulator has one key per account.)
import { SlidingWindow } from './slidingWindow';

export const DEFAULT_QPS = 10;

export class RateLimiter {
	private readonly acceptedByKey = new Map<string, SlidingWindow>();

	constructor(private qps: number = DEFAULT_QPS) {}

	setQps(qps: number): void {
		this.qps = qps;
	}

	/** 0 when the request is admitted (and counted); otherwise the milliseconds until a slot frees. */
	admit(accessKeyId: string, now: number): number {
		if (this.qps <= 0) return 0;
		let window = this.acceptedByKey.get(accessKeyId);
		if (!window) {
			window = new SlidingWindow(1000);
			this.acceptedByKey.set(accessKeyId, window);
		}
		if (window.countAt(now) < this.qps) {
			window.add(now);
			return 0;
		}
		// With the window full, the oldest accepted request is the next to leave it.
		const oldest = window.oldest() ?? now;
		return Math.max(1, Math.ceil(oldest + 1000 - now));
	}
}
