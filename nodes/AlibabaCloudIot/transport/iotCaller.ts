import type { IotCredentials } from './iotCredentials';
import type { IotAnswer, IotParams } from './popRequest';
import { sendIotRequest } from './popRequest';
import { rateLimiterFor } from './rateLimiter';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry';

/** pop-core's own default is 3 s, too short for a loaded gateway. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** One RPC action call as the rest of the code sees it: signed, rate limited and retried. */
export type IotCaller = (action: string, params: IotParams) => Promise<IotAnswer>;

export interface IotCallOptions {
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

export function createIotCaller(credentials: IotCredentials, options: IotCallOptions = {}): IotCaller {
	const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const limiter = rateLimiterFor(credentials.accessKeyId, credentials.maxRequestsPerSecond);
	return async (action, params) =>
		await withRetries(async () => {
			// Every attempt, retries included, takes a slot: Alibaba counts them all.
			await limiter?.acquire();
			return await sendIotRequest(credentials, action, params, timeoutMs);
		}, retryPolicy);
}
