import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapConcurrent } from './concurrency';
import { errorItemJson, toNodeError } from './nodeErrors';

/** Input items worked on at once; they all share the AccessKey's rate limiter. */
const CONCURRENT_ITEMS = 8;

/** A failed input item, as n8n shows it under "Continue On Fail". */
interface ItemFailure {
	failed: INodeExecutionData;
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
	const node = context.getNode();
	const failure = (error: unknown, itemIndex: number): ItemFailure => {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!context.continueOnFail()) throw nodeError;
		const toErrorOutput = node.onError === 'continueErrorOutput';
		return { failed: { json: errorItemJson(error, nodeError, toErrorOutput), pairedItem: { item: itemIndex } } };
	};

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
