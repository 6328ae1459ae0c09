/**
 * The send rate of an adaptive limiter, after the AWS SDKs' `adaptive` retry mode (CUBIC, as in
 * TCP): a throttled answer cuts the rate to `beta` times W, what the server was accepting from us;
 * then the rate climbs back along rate = W + scale * (t - K)^3, flat around W (where the quota ran
 * out last time) and steeper past it, up to the maximum. K, the time back to W, is
 * cbrt(W * (1 - beta) / scale). The climb is the same in absolute terms for every client, so a
 * client with a small share gains on one with a large share: shares even out. Rates per second.
 */
export interface CubicTuning {
	/** The share of the rate kept after a throttle. */
	beta: number;
	/**
	 * How fast the curve climbs (requests per second, per second cubed). The AWS SDKs use 0.4 for
	 * long-lived clients; a listing of a few seconds needs the faster 1.5 to get back to a 10/s
	 * quota within about 2 s once the others stop (measured with test/unit/sharedQuota.test.ts).
	 */
	scale: number;
	/** W is never taken below this, so a client the server let nothing through still probes. */
	minRateAtCut: number;
}

export const CUBIC_TUNING: CubicTuning = { beta: 0.7, scale: 1.5, minRateAtCut: 1 };

export class CubicRate {
	private throttled = false;
	/** W: the rate that was throttled at the last cut. */
	private rateAtCut = 0;
	private cutAt = 0;
	/** Seconds after the last cut at which the curve is back at W. */
	private k = 0;

	constructor(
		readonly maxPerSecond: number,
		private readonly tuning: CubicTuning = CUBIC_TUNING,
	) {}

	/** The rate allowed now: the maximum until the first throttle, then the cubic curve. */
	at(now: number): number {
		if (!this.throttled) return this.maxPerSecond;
		const seconds = (now - this.cutAt) / 1000 - this.k;
		return Math.min(this.maxPerSecond, this.rateAtCut + this.tuning.scale * seconds ** 3);
	}

	/** When the last cut happened; throttles of requests sent before it do not cut again. */
	get lastCutAt(): number | undefined {
		return this.throttled ? this.cutAt : undefined;
	}

	/** A throttle: W becomes `acceptedPerSecond` (or the rate now, if lower), and the rate beta * W. */
	cut(now: number, acceptedPerSecond: number): void {
		const floor = Math.min(this.tuning.minRateAtCut, this.maxPerSecond);
		this.rateAtCut = Math.max(floor, Math.min(acceptedPerSecond, this.at(now)));
		this.cutAt = now;
		this.k = Math.cbrt((this.rateAtCut * (1 - this.tuning.beta)) / this.tuning.scale);
		this.throttled = true;
	}
}

/**
 * How many answers per second the server accepted from us: a moving count over the last
 * `spanMs`. Under a quota shared with unseen others, what the server let through is our share of
 * it, and the shares of all clients add up to the quota at most: so when each cuts to beta times
 * its share, together they fall under the quota. (The AWS SDKs measure their own send rate;
 * counting the requests the server refused would take the excess for our share.)
 */
export class AcceptedRate {
	private times: number[] = [];

	constructor(private readonly spanMs = 1000) {}

	record(now: number): void {
		this.times.push(now);
		this.evict(now);
	}

	at(now: number): number {
		this.evict(now);
		return this.times.length / (this.spanMs / 1000);
	}

	private evict(now: number): void {
		const fresh = this.times.findIndex((time) => time > now - this.spanMs);
		this.times = fresh === -1 ? [] : this.times.slice(fresh);
	}
}
