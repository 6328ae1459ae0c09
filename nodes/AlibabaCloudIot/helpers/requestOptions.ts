import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_REQUEST_TIMEOUT_MS, type IotCallOptions } from '../transport/iotCaller';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';
import { operationError } from './nodeErrors';

const DEFAULT_MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;
const DEFAULT_MAX_RETRY_SECONDS = DEFAULT_RETRY_POLICY.maxElapsedMs / 1000;

/** The Options every operation offers for how its requests are sent and retried. */
export const REQUEST_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		default: DEFAULT_REQUEST_TIMEOUT_MS,
		typeOptions: { minValue: 1 },
		description: 'Time in ms to wait for each answer from Alibaba Cloud before giving up on it',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		default: DEFAULT_MAX_ATTEMPTS,
		typeOptions: { minValue: 1, maxValue: 20 },
		description:
			'How many times to send each request in all, when Alibaba Cloud fails on its side or the network drops it. Throttled requests are not counted: they wait and retry until Max Retry Time. Errors in the request itself are never retried.',
	},
	{
		displayName: 'Max Retry Time',
		name: 'maxRetrySeconds',
		type: 'number',
		default: DEFAULT_MAX_RETRY_SECONDS,
		typeOptions: { minValue: 0 },
		description: 'Time in seconds after which a failing or throttled request is no longer retried',
	},
];

/** How one item's requests are sent and retried (the quotas come from api/otaCaller). */
export type RequestOptions = Required<Omit<IotCallOptions, 'quotaPerSecondOf'>>;

/** The request options of one input item, checked. */
export function readRequestOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): RequestOptions {
	const number = (value: unknown, label: string, fallback: number, minimum: number) => {
		if (value === undefined || value === '') return fallback;
		const parsed = Number(value);
		if (!Number.isFinite(parsed) || parsed < minimum) {
			throw operationError(
				context.getNode(),
				`${label} must be a number of at least ${minimum} (item ${itemIndex}), got "${String(value)}"`,
				itemIndex,
			);
		}
		return parsed;
	};
	return {
		timeoutMs: number(options.timeout, 'Timeout', DEFAULT_REQUEST_TIMEOUT_MS, 1),
		retryPolicy: {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: Math.floor(number(options.maxAttempts, 'Max Attempts', DEFAULT_MAX_ATTEMPTS, 1)),
			maxElapsedMs: number(options.maxRetrySeconds, 'Max Retry Time', DEFAULT_MAX_RETRY_SECONDS, 0) * 1000,
		},
	};
}
