import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createOtaCaller } from '../api/otaCaller';
import type { IotCaller } from '../transport/iotCaller';
import type { IotCredentials } from '../transport/iotCredentials';
import { mapConcurrent } from '../api/concurrency';
import { errorItemJson, toNodeError } from './nodeErrors';
import { readOperationOptions } from './parameterReaders';

/** Input items worked on at once; they all share the AccessKey's rate limiter. */
const CONCURRENT_ITEMS = 8;

/** A failed input item, as n8n shows it under "Continue On Fail". */
interface ItemFailure {
	failed: INodeExecutionData;
}

/**
 * What a failed input item becomes: under Continue On Fail, one error item paired with it (on the
 * error output when the node has one); otherwise the node error, thrown.
 */
export function failedItem(context: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const node = context.getNode();
	const nodeError = toNodeError(node, error, itemIndex);
	if (!context.continueOnFail()) throw nodeError;
	const toErrorOutput = node.onError === 'continueErrorOutput';
	return { json: errorItemJson(error, nodeError, toErrorOutput), pairedItem: { item: itemIndex } };
}

/**
 * Runs an operation for every input item with that item's own parameters: all parameters are
 * read first (bad input stops the node before any request), then items run concurrently. Output
 * keeps the input order, each record paired with its item; under Continue On Fail a failed item
 * becomes one error item and the others go on.
 */
export async function executePerItem<Request>(
	context: IExecuteFunctions,
	readRequest: (itemIndex: number) => Request,
	run: (request: Request, itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const failure = (error: unknown, itemIndex: number): ItemFailure => ({
		failed: failedItem(context, error, itemIndex),
	});

	const requests = context.getInputData().map((_, itemIndex): { request: Request } | ItemFailure => {
		try {
			return { request: readRequest(itemIndex) };
		} catch (error) {
			return failure(error, itemIndex);
		}
	});

	const results = await mapConcurrent(requests, CONCURRENT_ITEMS, async (entry, itemIndex) => {
		if ('failed' in entry) return entry;
		try {
			return { records: await run(entry.request, itemIndex) };
		} catch (error) {
			return failure(error, itemIndex);
		}
	});

	return results.flatMap((result, itemIndex) =>
		'failed' in result
			? [result.failed]
			: result.records.map((json) => ({ json, pairedItem: { item: itemIndex } })),
	);
}

/** An operation's execute, as the router calls it. */
export type OperationExecute = (this: IExecuteFunctions, credentials: IotCredentials) => Promise<INodeExecutionData[]>;

/**
 * The execute of an operation that is one Alibaba action: for each input item, its own fields and
 * Options (instance, timeout, retries) go to `run` with a caller built for that item. `run`
 * answers one record or a list of them.
 */
export function iotActionExecute<Fields extends object>(
	readFields: (context: IExecuteFunctions, itemIndex: number) => Fields,
	run: (
		call: IotCaller,
		request: Fields & { iotInstanceId?: string },
		item: { context: IExecuteFunctions; itemIndex: number },
	) => Promise<object | object[]>,
): OperationExecute {
	return async function (this: IExecuteFunctions, credentials: IotCredentials) {
		return await executePerItem(
			this,
			(itemIndex) => ({ ...readFields(this, itemIndex), ...readOperationOptions(this, itemIndex) }),
			async ({ callOptions, ...request }, itemIndex) => {
				const call = createOtaCaller(credentials, callOptions);
				const records = await run(call, request as unknown as Fields, { context: this, itemIndex });
				return (Array.isArray(records) ? records : [records]) as IDataObject[];
			},
		);
	};
}
