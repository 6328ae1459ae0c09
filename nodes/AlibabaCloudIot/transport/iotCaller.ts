import type { IotCredentials } from './iotCredentials';
import type { IotAnswer, IotHttpMethod, IotParams } from './popRequest';
import { sendIotRequest } from './popRequest';
import { rateLimiterFor } from './rateLimiter';
import type { RetryPolicy } from './retry';
import { waitForSharedQuota } from './sharedQuota';
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
	return async (action, params, settings = {}) => {
		const limiter = rateLimiterFor(
			credentials.accessKeyId,
			action,
			credentials.maxRequestsPerSecond,
			options.quotaPerSecondOf?.(action),
		);
		return await withRetries(
			async () => {
				const send = async () => await sendIotRequest(credentials, action, params, timeoutMs, settings.method);
				// The shared grant (issue 17, off unless configured) first; the local adaptive limiter still applies.
				await waitForSharedQuota(
					credentials.accessKeyId,
					action,
					options.quotaPerSecondOf?.(action),
					credentials.maxRequestsPerSecond,
				);
				return limiter ? await limiter.schedule(send) : await send();
			},
			{ ...retryPolicy, retryUnknownOutcome: settings.retryUnknownOutcome ?? retryPolicy.retryUnknownOutcome },
		);
	};
}
