// Traffic figures for one slice of the requests (one action, or all): how many came, how many flow
// control accepted, how many were throttled, the busy period, and the busiest second per account.
import { SlidingWindow } from './slidingWindow';

export interface TrafficStats {
	/** Every request received, whatever its answer. */
	requests: number;
	/** Requests flow control let through that were not then answered with a throttle. */
	accepted: number;
	/** Requests answered with a `Throttling*` Code (by flow control or a forced fault). */
	throttled: number;
	/** throttled / requests; 0 when there were none. */
	throttledShare: number;
	/** Wall clock (ms since epoch) of the first and last request; null when there were none. */
	firstRequestAt: number | null;
	lastRequestAt: number | null;
	/** From the first request to the last, on the monotonic clock (ms). */
	busyPeriodMs: number;
	/** Most requests received in any sliding 1000 ms, per account. */
	peakPerSecondByAccount: Record<string, number>;
	/** Most accepted requests in any sliding 1000 ms, per account: what the quota allowed. */
	peakAcceptedPerSecondByAccount: Record<string, number>;
}

/** Counts in O(1) per request; windows hold at most a second of times per account. */
export class TrafficTally {
	private requests = 0;
	private accepted = 0;
	private throttled = 0;
	private firstAt: number | null = null;
	private lastAt: number | null = null;
	private firstMonotonic = 0;
	private lastMonotonic = 0;
	private readonly received = new PeakTracker();
	private readonly admitted = new PeakTracker();

	receive(account: string, at: number, monotonicNow: number): void {
		this.requests++;
		if (this.firstAt === null) {
			this.firstAt = at;
			this.firstMonotonic = monotonicNow;
		}
		this.lastAt = at;
		this.lastMonotonic = monotonicNow;
		this.received.add(account, monotonicNow);
	}

	settle(account: string, accepted: boolean, throttled: boolean, monotonicNow: number): void {
		if (throttled) this.throttled++;
		else if (accepted) {
			this.accepted++;
			this.admitted.add(account, monotonicNow);
		}
	}

	summary(): TrafficStats {
		return {
			requests: this.requests,
			accepted: this.accepted,
			throttled: this.throttled,
			throttledShare: this.requests === 0 ? 0 : this.throttled / this.requests,
			firstRequestAt: this.firstAt,
			lastRequestAt: this.lastAt,
			busyPeriodMs: Math.round(this.lastMonotonic - this.firstMonotonic),
			peakPerSecondByAccount: this.received.peaks(),
			peakAcceptedPerSecondByAccount: this.admitted.peaks(),
		};
	}
}

class PeakTracker {
	private readonly windows = new Map<string, SlidingWindow>();
	private readonly peakByAccount = new Map<string, number>();

	add(account: string, monotonicNow: number): void {
		let window = this.windows.get(account);
		if (!window) {
			window = new SlidingWindow(1000);
			this.windows.set(account, window);
		}
		window.add(monotonicNow);
		const inWindow = window.countAt(monotonicNow);
		if (inWindow > (this.peakByAccount.get(account) ?? 0)) this.peakByAccount.set(account, inWindow);
	}

	peaks(): Record<string, number> {
		return Object.fromEntries(this.peakByAccount);
	}
}
