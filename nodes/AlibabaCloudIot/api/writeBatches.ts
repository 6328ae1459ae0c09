import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import type { IotParams } from '../transport/popRequest';
import { isLostAnswer, sendWrite } from './writeOnce';

/** Batches in flight at once: the action's limiter paces them, this only bounds what waits on it. */
const CONCURRENT_BATCHES = 20;

export interface WriteBatchesRequest {
	action: string;
	/** The list parameter's prefix, e.g. `TaskId` for `TaskId.1`, `TaskId.2`, … */
	listName: string;
	values: string[];
	/** The action's maximum per request (docs/alibaba-api.md). */
	perRequest: number;
	/** Sent with every batch. */
	params: IotParams;
	/** How the values are called in messages: "task IDs", "device names". */
	what: string;
}

export interface WriteBatchesResult {
	/** Every value, in the order given. */
	done: string[];
	requests: number;
	requestIds: string[];
}

/**
 * A write over any number of values, `perRequest` at a time. Actions such as ConfirmOTATask have no
 * read that proves their outcome, so a batch is never re-sent once its answer is lost. The first
 * failure stops new batches; the error names what was done, what may or may not have been, what
 * was refused and what was not sent, so nothing already done is lost.
 */
export async function writeInBatches(call: IotCaller, request: WriteBatchesRequest): Promise<WriteBatchesResult> {
	const batches: string[][] = [];
	for (let start = 0; start < request.values.length; start += request.perRequest) {
		batches.push(request.values.slice(start, start + request.perRequest));
	}
	const outcomes: ({ requestId?: string } | { error: unknown } | undefined)[] = new Array(batches.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < batches.length && !failed) {
			const index = next++;
			const batch = batches[index];
			const params: IotParams = { ...request.params };
			batch.forEach((value, i) => (params[`${request.listName}.${i + 1}`] = value));
			try {
				const answer = await sendWrite(call, request.action, params);
				outcomes[index] = { requestId: typeof answer.RequestId === 'string' ? answer.RequestId : undefined };
			} catch (error) {
				failed = true;
				outcomes[index] = { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENT_BATCHES, batches.length) }, worker));

	if (!failed) {
		return {
			done: request.values,
			requests: batches.length,
			requestIds: outcomes.map((outcome) => (outcome as { requestId?: string }).requestId).filter((id): id is string => !!id),
		};
	}
	throw partialFailure(request, batches, outcomes);
}

function partialFailure(
	request: WriteBatchesRequest,
	batches: string[][],
	outcomes: ({ requestId?: string } | { error: unknown } | undefined)[],
): unknown {
	const done: string[] = [];
	const unknown: string[] = [];
	const refused: string[] = [];
	const notSent: string[] = [];
	let first: unknown;
	batches.forEach((batch, index) => {
		const outcome = outcomes[index];
		if (!outcome) notSent.push(...batch);
		else if (!('error' in outcome)) done.push(...batch);
		else {
			first ??= outcome.error;
			(isLostAnswer(outcome.error) ? unknown : refused).push(...batch);
		}
	});
	if (!(first instanceof AlibabaApiError)) return first;
	const parts = [
		unknown.length > 0 && `may or may not have been carried out for the ${request.what} ${unknown.join(', ')} (their answer was lost, so they were not sent again: check them before running this again)`,
		refused.length > 0 && `was refused for ${refused.join(', ')}`,
		`was done for ${done.length > 0 ? done.join(', ') : 'none'}`,
		notSent.length > 0 && `was not sent for ${notSent.join(', ')}`,
	].filter(Boolean);
	const error = new AlibabaApiError({
		kind: first.kind,
		code: first.code,
		apiMessage: `${first.apiMessage}. ${request.action} ${parts.join('; ')}`,
		requestId: first.requestId,
		httpStatus: first.httpStatus,
		action: first.action,
		outcomeUnknown: unknown.length > 0,
	});
	error.attempts = first.attempts;
	return error;
}
