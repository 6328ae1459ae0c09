import { AlibabaApiError } from '../../nodes/AlibabaCloudIot/transport/errors';
import { RateLimiter } from '../../nodes/AlibabaCloudIot/transport/rateLimiter';
import { withRetries, DEFAULT_RETRY_POLICY } from '../../nodes/AlibabaCloudIot/transport/retry';
import type { FakeClock } from './fakeClock';

/**
 * A simulated Alibaba quota on the fake clock: at most `quota` accepted requests in any sliding
 * 1000 ms, decided at arrival as the emulator does; a refused request is answered `Throttling.User`
 * with the emulator's hint (ms until the oldest accepted request leaves the window). Every answer
 * comes `latencyMs` after the request.
 */
export class SimulatedQuota {
	readonly arrivals: Array<{ at: number; accepted: boolean; sender: string }> = [];
	private readonly acceptedTimes: number[] = [];

	constructor(
		private readonly clock: FakeClock,
		readonly quota: number,
		private readonly latencyMs: number,
	) {}

	async request(sender: string): Promise<void> {
		const now = this.clock.now();
		const inWindow = this.acceptedTimes.filter((time) => time > now - 1000);
		const accepted = inWindow.length < this.quota;
		this.arrivals.push({ at: now, accepted, sender });
		if (accepted) this.acceptedTimes.push(now);
		await this.clock.sleep(this.latencyMs);
		if (!accepted) {
			throw new AlibabaApiError({
				kind: 'throttling',
				code: 'Throttling.User',
				apiMessage: 'Request was denied due to user flow control.',
				httpStatus: 400,
				retryAfterMs: Math.max(1, Math.ceil(Math.min(...inWindow) + 1000 - now)),
			});
		}
	}

	/** Figures over the arrivals of `sender` (or all): requests, throttled share, busy period. */
	figures(sender?: string): { requests: number; accepted: number; throttled: number; throttledShare: number; busyMs: number } {
		const arrivals = this.arrivals.filter((arrival) => sender === undefined || arrival.sender === sender);
		const accepted = arrivals.filter((arrival) => arrival.accepted).length;
		const throttled = arrivals.length - accepted;
		return {
			requests: arrivals.length,
			accepted,
			throttled,
			throttledShare: arrivals.length === 0 ? 0 : throttled / arrivals.length,
			busyMs: arrivals.length === 0 ? 0 : arrivals[arrivals.length - 1].at - arrivals[0].at,
		};
	}

	/** Most accepted requests in any sliding 1000 ms. */
	peakAcceptedPerSecond(): number {
		const times = this.arrivals.filter((arrival) => arrival.accepted).map((arrival) => arrival.at);
		let peak = 0;
		for (const start of times) peak = Math.max(peak, times.filter((time) => time >= start && time < start + 1000).length);
		return peak;
	}
}

/** A small deterministic PRNG for the retry jitter. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * One simulated n8n process listing `pages` pages the way the node does (page 1 alone, then 10
 * at once), each request through its own limiter and the real retry loop. Resolves when every
 * page was answered; rejects if one gave up.
 */
export async function simulateListing(options: {
	clock: FakeClock;
	server: SimulatedQuota;
	limiter: RateLimiter;
	sender: string;
	pages: number;
	seed: number;
	startAt?: number;
}): Promise<number> {
	const { clock, server, limiter, sender } = options;
	const random = seededRandom(options.seed);
	if (options.startAt) await clock.sleep(options.startAt);
	const fetchPage = async () =>
		await withRetries(async () => await limiter.schedule(async () => await server.request(sender)), DEFAULT_RETRY_POLICY, clock, random);
	await fetchPage();
	let next = 2;
	await Promise.all(
		Array.from({ length: Math.min(10, options.pages - 1) }, async () => {
			while (next <= options.pages) {
				next++;
				await fetchPage();
			}
		}),
	);
	return clock.now();
}

export function newLimiter(clock: FakeClock, maxPerSecond = 10): RateLimiter {
	return new RateLimiter(maxPerSecond, clock);
}
