import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { errorItemJson, operationError, toNodeError } from '../../helpers/nodeErrors';
import { IOT_INSTANCE_ID_OPTION, iotInstanceIdOf } from '../../helpers/sharedProperties';
import { jobFiltersProperty, readJobFilter } from './jobFilters';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../transport/apiLimits';
import { createIotCaller } from '../../transport/iotCaller';
import type { IotCredentials } from '../../transport/iotCredentials';
import type { ListOtaJobsRequest } from '../../transport/otaJobs';
import { listOtaJobsByFirmware } from '../../transport/otaJobs';
import { mapConcurrent } from '../../transport/paging';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../transport/retry';

const showFor = { show: { resource: ['otaJob'], operation: ['listByFirmware'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Firmware',
		name: 'firmwareId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		// Not `required`: n8n would then refuse to start the workflow, while an expression that
		// resolves to nothing for one item deserves the node's own error, naming that item.
		description:
			'The OTA firmware (upgrade package) whose jobs to list: its FirmwareId, as returned when the firmware was created or by ListOTAFirmware',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a firmware...',
				typeOptions: { searchListMethod: 'searchFirmwares', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. FJFx8JzpnhpIsKftRjjm03****',
			},
		],
		displayOptions: showFor,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...showFor.show, returnAll: [false] } },
	},
	jobFiltersProperty(showFor),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor,
		options: [
			IOT_INSTANCE_ID_OPTION,
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				default: 10000,
				typeOptions: { minValue: 1 },
				description: 'Time in ms to wait for each answer from Alibaba Cloud before giving up on it',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 1, maxValue: 20 },
				description:
					'How many times to send each request in all, when Alibaba Cloud throttles it, fails on its side, or the network drops it. Errors in the request itself are never retried.',
			},
			{
				displayName: 'Max Retry Time',
				name: 'maxRetrySeconds',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 0 },
				description: 'Time in seconds after which a failing request is no longer retried',
			},
		],
	},
];

interface ItemRequest {
	listing: ListOtaJobsRequest;
	timeoutMs: number;
	retryPolicy: RetryPolicy;
}

/** Input items listed at once; they all share the AccessKey's rate limiter. */
const CONCURRENT_ITEMS = 8;

/** A failed input item, as n8n shows it under "Continue On Fail". */
interface ItemFailure {
	failed: INodeExecutionData;
}

export async function execute(
	this: IExecuteFunctions,
	credentials: IotCredentials,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const failure = (error: unknown, itemIndex: number): ItemFailure => {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		const toErrorOutput = node.onError === 'continueErrorOutput';
		return { failed: { json: errorItemJson(error, nodeError, toErrorOutput), pairedItem: { item: itemIndex } } };
	};

	// Read every item's parameters before the first request, so bad input stops the node early.
	const requests = this.getInputData().map((_, itemIndex) => {
		try {
			return readItemRequest(this, itemIndex);
		} catch (error) {
			return failure(error, itemIndex);
		}
	});

	const results = await mapConcurrent(requests, CONCURRENT_ITEMS, async (request, itemIndex) => {
		if ('failed' in request) return request;
		try {
			return await listOtaJobsByFirmware(createIotCaller(credentials, request), request.listing);
		} catch (error) {
			return failure(error, itemIndex);
		}
	});

	const output: INodeExecutionData[] = [];
	results.forEach((result, itemIndex) => {
		if ('failed' in result) {
			output.push(result.failed);
			return;
		}
		const pairedItem = { item: itemIndex };
		for (const job of result) output.push({ json: job as IDataObject, pairedItem });
	});
	return output;
}

function readItemRequest(context: IExecuteFunctions, itemIndex: number): ItemRequest {
	const firmwareId = String(
		context.getNodeParameter('firmwareId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!firmwareId) {
		throw operationError(
			context.getNode(),
			`Firmware ID is empty (item ${itemIndex}): enter the ID of an OTA firmware`,
			itemIndex,
			'An expression such as {{ $json.firmwareId }} may have resolved to nothing for this item.',
		);
	}
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		listing: {
			firmwareId,
			iotInstanceId: iotInstanceIdOf(options),
			limit,
			filter: readJobFilter(context, itemIndex),
		},
		timeoutMs: readPositiveNumber(context, itemIndex, options.timeout, 'Timeout', DEFAULT_REQUEST_TIMEOUT_MS),
		retryPolicy: {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: Math.floor(
				readPositiveNumber(context, itemIndex, options.maxAttempts, 'Max Attempts', DEFAULT_RETRY_POLICY.maxAttempts),
			),
			maxElapsedMs:
				readNonNegativeNumber(context, itemIndex, options.maxRetrySeconds, 'Max Retry Time', DEFAULT_RETRY_POLICY.maxElapsedMs / 1000) * 1000,
		},
	};
}

function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw operationError(
			context.getNode(),
			`Limit must be a whole number of at least 1 (item ${itemIndex}), got "${String(limit)}"`,
			itemIndex,
		);
	}
	return limit;
}

function readPositiveNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	fallback: number,
): number {
	const number = readNonNegativeNumber(context, itemIndex, value, label, fallback);
	if (number === 0) {
		throw operationError(context.getNode(), `${label} must be greater than 0 (item ${itemIndex})`, itemIndex);
	}
	return number;
}

function readNonNegativeNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	fallback: number,
): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0) {
		throw operationError(
			context.getNode(),
			`${label} must be a number of at least 0 (item ${itemIndex}), got "${String(value)}"`,
			itemIndex,
		);
	}
	return number;
}
