import type { Clock } from './clock';
import { systemClock } from './clock';

/**
 * A sliding-window limiter: at most `maxPerWindow` grants in any window of `windowMs`.
 * Alibaba counts QPS per account over any second; a token bucket would allow a double burst at
 * its refill edge, a sliding log never does.
 */
export class RateLimiter {
	/** Grant times of the last `maxPerWindow` grants, oldest first (a ring buffer). */
	private readonly grants: number[] = [];
	private next = 0;
	/** Callers wait in arrival order, so a request never starves behind later ones. */
	private queue: Promise<void> = Promise.resolve();

	constructor(
		readonly maxPerWindow: number,
		readonly windowMs: number,
		private readonly clock: Clock = systemClock,
	) {}

	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	private async waitForSlot(): Promise<void> {
		if (this.grants.length === this.maxPerWindow) {
			const oldest = this.grants[this.next];
			const wait = oldest + this.windowMs - this.clock.now();
			if (wait > 0) await this.clock.sleep(wait);
		}
		const now = this.clock.now();
		if (this.grants.length < this.maxPerWindow) this.grants.push(now);
		else this.grants[this.next] = now;
		this.next = (this.next + 1) % this.maxPerWindow;
	}
}

/**
 * Margin over Alibaba's one-second window: requests granted exactly 1000 ms apart can arrive
 * closer than that when one of them waits longer for a socket.
 */
const QPS_WINDOW_MS = 1050;

const limiters = new Map<string, RateLimiter>();

/**
 * The limiter for one AccessKey, shared by every node, execution and credential test in this
 * process, since Alibaba's quota is per account, not per workflow.
 */
export function rateLimiterFor(accessKeyId: string, maxPerSecond: number): RateLimiter | undefined {
	if (maxPerSecond <= 0) return undefined;
	let limiter = limiters.get(accessKeyId);
	// A changed setting takes effect from the next request on.
	if (!limiter || limiter.maxPerWindow !== maxPerSecond) {
		limiter = new RateLimiter(maxPerSecond, QPS_WINDOW_MS);
		limiters.set(accessKeyId, limiter);
	}
	return limiter;
}
