// What the flow control applies right now, for tests and the control API.
import { DOCUMENTED_QPS, type QuotaScope } from './quotas';
import type { RateLimiter } from './rateLimit';

export interface QuotaReport {
	scope: QuotaScope;
	/** Set when `qps` overrides every action's quota. */
	qpsOverride: number | null;
	/** Quota per action in force (0 = no limit). */
	qpsByAction: Record<string, number>;
}

export function quotaReport(limiter: RateLimiter): QuotaReport {
	return {
		scope: limiter.getScope(),
		qpsOverride: limiter.getQpsOverride() ?? null,
		qpsByAction: Object.fromEntries(Object.keys(DOCUMENTED_QPS).map((action) => [action, limiter.quotaOf(action)])),
	};
}
