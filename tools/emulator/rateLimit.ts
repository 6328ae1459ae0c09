// Flow control: at most an action's quota of accepted requests in any sliding 1000 ms window, counted
// per (account, action) as Alibaba documents it, or per (AccessKeyId, action) in 'key' scope.
import { accountOf } from './accounts';
import { checkQuotaScope, documentedQps, type QuotaScope } from './quotas';
import { SlidingWindow } from './slidingWindow';

export { DEFAULT_QPS } from './quotas';

export class RateLimiter {
	private readonly acceptedByBucket = new Map<string, SlidingWindow>();

	/**
	 * `qps`: when set, overrides every action's documented quota (0 = no limit); unset = the documented
	 * quota of each action (quotas.ts).
	 */
	constructor(
		private qps?: number,
		private scope: QuotaScope = 'account',
	) {
		checkQuotaScope(scope);
	}

	/** `undefined` goes back to each action's documented quota. */
	setQps(qps: number | undefined): void {
		this.qps = qps;
	}

	setScope(scope: QuotaScope): void {
		this.scope = checkQuotaScope(scope);
	}

	getScope(): QuotaScope {
		return this.scope;
	}

	/** The override, if one is set. */
	getQpsOverride(): number | undefined {
		return this.qps;
	}

	quotaOf(action?: string): number {
		return this.qps ?? documentedQps(action);
	}

	/** 0 when the request is admitted (and counted); otherwise the milliseconds until a slot frees. */
	admit(accessKeyId: string, now: number, action?: string): number {
		const quota = this.quotaOf(action);
		if (quota <= 0) return 0;
		const holder = this.scope === 'account' ? accountOf(accessKeyId) : accessKeyId;
		const bucket = `${holder}\u0000${action ?? ''}`;
		let window = this.acceptedByBucket.get(bucket);
		if (!window) {
			window = new SlidingWindow(1000);
			this.acceptedByBucket.set(bucket, window);
		}
		if (window.countAt(now) < quota) {
			window.add(now);
			return 0;
		}
		// With the window full, the oldest accepted request is the next to leave it.
		const oldest = window.oldest() ?? now;
		return Math.max(1, Math.ceil(oldest + 1000 - now));
	}
}
