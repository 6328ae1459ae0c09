// What the emulator saw: every request, the busiest second per AccessKeyId, and traffic figures per
// action and overall (requests, accepted, throttled, busy period, busiest second per account).
import { accountOf } from './accounts';
import { SlidingWindow } from './slidingWindow';
import type { StatsSummary } from './statsSummary';
import { TrafficTally } from './trafficTally';
import type { RecordedRequest } from './types';

export type { StatsSummary } from './statsSummary';

/** Params are kept for this many recent requests only; older records keep their summary fields. */
export const RECORDED_PARAMS_LIMIT = 10_000;

/** Requests without an AccessKeyId are counted under this label. */
const NO_KEY = '';
/** Requests without an Action are counted under this label. */
const NO_ACTION = '(none)';


export class RequestStats {
	readonly requests: RecordedRequest[] = [];
	private readonly receivedByKey = new Map<string, SlidingWindow>();
	private readonly peakByKey = new Map<string, number>();
	private overall = new TrafficTally();
	private readonly byAction = new Map<string, TrafficTally>();

	/** Records a request at its arrival; `monotonicNow` (ms) drives the per-second windows. */
	record(request: RecordedRequest, monotonicNow: number): RecordedRequest {
		this.requests.push(request);
		const stale = this.requests.length - 1 - RECORDED_PARAMS_LIMIT;
		if (stale >= 0) this.requests[stale].params = {};

		const key = request.accessKeyId ?? NO_KEY;
		let window = this.receivedByKey.get(key);
		if (!window) {
			window = new SlidingWindow(1000);
			this.receivedByKey.set(key, window);
		}
		window.add(monotonicNow);
		const inWindow = window.countAt(monotonicNow);
		if (inWindow > (this.peakByKey.get(key) ?? 0)) this.peakByKey.set(key, inWindow);

		const account = accountOf(key);
		this.overall.receive(account, request.at, monotonicNow);
		this.tallyOf(request.action).receive(account, request.at, monotonicNow);
		return request;
	}

	/** Once the answer is decided: `accepted` when flow control let the request through. */
	settle(request: RecordedRequest, accepted: boolean, monotonicNow: number): void {
		const account = accountOf(request.accessKeyId ?? NO_KEY);
		const throttled = request.code?.startsWith('Throttling') === true;
		this.overall.settle(account, accepted, throttled, monotonicNow);
		this.tallyOf(request.action).settle(account, accepted, throttled, monotonicNow);
	}

	private tallyOf(action: string | undefined): TrafficTally {
		const label = action || NO_ACTION;
		let tally = this.byAction.get(label);
		if (!tally) {
			tally = new TrafficTally();
			this.byAction.set(label, tally);
		}
		return tally;
	}

	peak(accessKeyId?: string): number {
		if (accessKeyId !== undefined) return this.peakByKey.get(accessKeyId) ?? 0;
		let max = 0;
		for (const peak of this.peakByKey.values()) max = Math.max(max, peak);
		return max;
	}

	summary(): StatsSummary {
		const outcomes: Record<string, number> = {};
		for (const request of this.requests) {
			const label = request.code ?? String(request.httpStatus);
			outcomes[label] = (outcomes[label] ?? 0) + 1;
		}
		return {
			requestCount: this.requests.length,
			peakRequestsPerSecond: this.peak(),
			peakRequestsPerSecondByAccessKeyId: Object.fromEntries(this.peakByKey),
			outcomes,
			overall: this.overall.summary(),
			byAction: Object.fromEntries([...this.byAction].map(([action, tally]) => [action, tally.summary()])),
		};
	}

	/** Clears in place, so a reference to `requests` held by a test stays live. */
	reset(): void {
		this.requests.length = 0;
		this.receivedByKey.clear();
		this.peakByKey.clear();
		this.overall = new TrafficTally();
		this.byAction.clear();
	}
}
