import type { Clock } from './clock';
import { systemClock } from './clock';
import { AcceptedRate, CUBIC_TUNING, CubicRate, type CubicTuning } from './cubicRate';
import { AlibabaApiError } from './errors';
import { GrantWindow } from './grantWindow';
import { QUOTA_WINDOW_MS } from './quotaWindow';


/**
 * After a throttle, grants stay paced one by one (no bursts, even back at the maximum rate) until
 * this long has passed without another: a burst into a quota others are using is mostly refused.
 */
const PACED_AFTER_THROTTLE_MS = 60_000;

/** How often a paced wait looks at the (climbing) rate again. */
const PACING_RECHECK_MS = 100;

/**
 * A throttle hint pauses every request of the limiter for this long at most: Alibaba's quotas are
 * per second, so a longer hint is about something else; the throttled request itself still waits
 * out its whole hint before its retry.
 */
const MAX_PAUSE_MS = 2_000;

interface RateLimiterOptions {
	windowMs?: number;
	tuning?: CubicTuning;
}

/**
 * A client-side limiter for a quota shared with others we cannot see (other n8n processes, other
 * programs of the account). Until a throttle it grants up to `maxPerSecond` in any window, bursts
 * included, exactly as a lone client may. A throttled answer cuts its rate (see CubicRate) and
 * from then on grants are paced one by one at that rate, which climbs back to the maximum; a
 * throttle's wait hint also holds back every grant until it has passed, so the requests queued
 * behind it do not all run into the same wall. Grants never exceed the window's maximum.
 */
export class RateLimiter {
	private readonly window: GrantWindow;
	private readonly rate: CubicRate;
	private readonly accepted: AcceptedRate;
	/** The pacing bucket, used after a throttle: one token at most, so no bursts. */
	private tokens = 1;
	private refilledAt: number;
	private pausedUntil = 0;
	/** Callers wait in arrival order, so a request never starves behind later ones. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		readonly maxPerSecond: number,
		private readonly clock: Clock = systemClock,
		options: RateLimiterOptions = {},
	) {
		this.window = new GrantWindow(maxPerSecond, options.windowMs ?? QUOTA_WINDOW_MS);
		this.rate = new CubicRate(maxPerSecond, options.tuning ?? CUBIC_TUNING);
		this.accepted = new AcceptedRate();
		this.refilledAt = clock.now();
	}

	/** Sends once a slot is granted, and learns from the answer (every attempt takes a slot: Alibaba counts them all). */
	async schedule<T>(send: () => Promise<T>): Promise<T> {
		const grantedAt = await this.acquire();
		try {
			const answer = await send();
			this.recordAccepted();
			return answer;
		} catch (error) {
			if (error instanceof AlibabaApiError && error.kind === 'throttling') {
				this.recordThrottled(grantedAt, error.retryAfterMs);
			} else if (error instanceof AlibabaApiError && error.httpStatus !== undefined) {
				// Any other answer got past flow control, so it counts as accepted.
				this.recordAccepted();
			}
			throw error;
		}
	}

	/** Waits for a slot; resolves with the grant time, to be handed back with the answer's outcome. */
	async acquire(): Promise<number> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	/** The answer to a request was not a throttle. */
	recordAccepted(): void {
		this.accepted.record(this.clock.now());
	}

	/** The answer to a request granted at `grantedAt` was a throttle, with the wait it asked for, if any. */
	recordThrottled(grantedAt: number, waitHintMs?: number): void {
		const now = this.clock.now();
		if (waitHintMs !== undefined && waitHintMs > 0) {
			// The server counted from when the request arrived, about when it was granted.
			this.pausedUntil = Math.max(this.pausedUntil, grantedAt + Math.min(waitHintMs, MAX_PAUSE_MS));
		}
		// A request sent before the last cut was sent at the old rate: it says nothing new.
		const lastCutAt = this.rate.lastCutAt;
		if (lastCutAt !== undefined && grantedAt < lastCutAt) return;
		this.refill(now);
		this.rate.cut(now, this.accepted.at(now));
	}

	/** The rate the limiter allows now (per second). */
	ratePerSecond(): number {
		return this.rate.at(this.clock.now());
	}

	private async waitForSlot(): Promise<number> {
		for (;;) {
			const now = this.clock.now();
			const pacing = this.pacingWaitMs(now);
			const wait = Math.max(this.pausedUntil - now, this.window.waitMs(now), pacing);
			if (wait <= 0) break;
			// While pacing, the rate climbs as we wait: look again soon rather than sleep at the old rate.
			await this.clock.sleep(pacing === wait ? Math.min(wait, PACING_RECHECK_MS) : wait);
		}
		const now = this.clock.now();
		this.window.add(now);
		if (this.paced(now)) this.tokens -= 1;
		return now;
	}

	/** Until the first throttle, and long after the last, only the window applies: a lone client may burst. */
	private paced(now: number): boolean {
		const lastCutAt = this.rate.lastCutAt;
		return lastCutAt !== undefined && now - lastCutAt < PACED_AFTER_THROTTLE_MS;
	}

	private pacingWaitMs(now: number): number {
		this.refill(now);
		if (!this.paced(now) || this.tokens >= 1) return 0;
		return Math.ceil(((1 - this.tokens) / this.rate.at(now)) * 1000);
	}

	private refill(now: number): void {
		const gained = ((now - this.refilledAt) / 1000) * this.rate.at(now);
		this.tokens = this.paced(now) ? Math.min(1, this.tokens + gained) : 1;
		this.refilledAt = now;
	}
}

const limiters = new Map<string, RateLimiter>();

/**
 * The limiter for one AccessKey and one API action, shared by every node, execution and
 * credential test in this process: Alibaba's quotas are per account and per action, not per
 * workflow. `maxPerSecond` is the credential's setting, `quotaPerSecond` the action's documented
 * quota (when known): the limiter never goes past the lower of the two. 0 means no limiter.
 */
export function rateLimiterFor(
	accessKeyId: string,
	action: string,
	maxPerSecond: number,
	quotaPerSecond?: number,
): RateLimiter | undefined {
	if (maxPerSecond <= 0) return undefined;
	const ceiling = quotaPerSecond !== undefined && quotaPerSecond > 0 ? Math.min(maxPerSecond, quotaPerSecond) : maxPerSecond;
	const key = `${accessKeyId}\u0000${action}`;
	let limiter = limiters.get(key);
	// A changed setting takes effect from the next request on.
	if (!limiter || limiter.maxPerSecond !== ceiling) {
		limiter = new RateLimiter(ceiling);
		limiters.set(key, limiter);
	}
	return limiter;
}
