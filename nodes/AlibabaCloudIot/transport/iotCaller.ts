import { AlibabaApiError } from './errors';
import type { IotCredentials } from './iotCredentials';
import type { IotAnswer, IotHttpMethod, IotParams } from './popRequest';
import { sendIotRequest } from './popRequest';
import { rateLimiterFor } from './rateLimiter';
import type { RetryPolicy } from './retry';
import { penaliseSharedQuota, waitForSharedQuota } from './sharedQuota';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry';

/** pop-core's own default is 3 s, too short for a loaded gateway. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** What one action call may ask of the retry loop. */
export interface IotCallSettings {
	/** False for an action that changes the fleet (see RetryPolicy). */
	retryUnknownOutcome?: boolean;
	/** POST for the actions that change something; GET (the default) for reads. */
	method?: IotHttpMethod;
}

/** One RPC action call as the rest of the code sees it: signed, rate limited and retried. */
export type IotCaller = (action: string, params: IotParams, settings?: IotCallSettings) => Promise<IotAnswer>;

export interface IotCallOptions {
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	/**
	 * An action's documented quota (requests per second per account), when there is one: the
	 * action's limiter stays under it as well as under the credential's Max Requests per Second.
	 * The api layer knows the quotas (api/limits.ts `otaActionQuota`); transport only applies them.
	 */
	quotaPerSecondOf?: (action: string) => number | undefined;
}

export function createIotCaller(credentials: IotCredentials, options: IotCallOptions = {}): IotCaller {
	const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
	// One account, one quota: the account's UID when the credential gives it (STS AccessKey IDs change with every token).
	const quotaGroup = credentials.accountId ?? credentials.accessKeyId;
	return async (action, params, settings = {}) => {
		const limiter = rateLimiterFor(
			credentials.accessKeyId,
			action,
			credentials.maxRequestsPerSecond,
			options.quotaPerSecondOf?.(action),
		);
		return await withRetries(
			async () => {
				// The local adaptive limiter grants first, then the shared slot (off unless ALIBABA_CLOUD_IOT_QUOTA_REDIS
				// is set) is reserved and waited for: the request leaves at its shared slot, not whenever a local
				// queue lets it go, so the slots of all workers stay the order in which requests reach Alibaba.
				const send = async () => {
					await waitForSharedQuota(quotaGroup, action, options.quotaPerSecondOf?.(action), credentials.maxRequestsPerSecond);
					return await sendIotRequest(credentials, action, params, timeoutMs, settings.method);
				};
				try {
					return limiter ? await limiter.schedule(send) : await send();
				} catch (error) {
					// With no limiter (Max Requests per Second 0) there is no shared quota either.
					if (limiter && error instanceof AlibabaApiError && error.kind === 'throttling') await penaliseSharedQuota(quotaGroup, action);
					throw error;
				}
			},
			{ ...retryPolicy, retryUnknownOutcome: settings.retryUnknownOutcome ?? retryPolicy.retryUnknownOutcome },
		);
	};
}
