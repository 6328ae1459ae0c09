import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import type { IotAnswer, IotParams } from '../transport/popRequest';

/**
 * What a read made after a lost answer proved about the write. No OTA write takes an idempotency
 * token (docs/alibaba-api.md, "Writes and lost answers"), so this read is the only way to know.
 */
export type WriteProof<Found> =
	| { found: Found }
	| { absent: true }
	/** The read could not tell (it failed, or what it found is ambiguous): why, in a user's words. */
	| { unknown: string };

export interface WriteOnceRequest<Found> {
	action: string;
	params: IotParams;
	/** Reads Alibaba's state to learn whether the lost request was carried out. */
	prove: () => Promise<WriteProof<Found>>;
	/** For the error when nothing can be proved: what may have happened, and what to check. */
	mayHaveHappened: string;
	toCheck: string;
}

export type WriteOnceResult<Found> = { answer: IotAnswer } | { recovered: Found };

/**
 * Sends a write so that it is carried out once at most: answers that prove nothing happened
 * (throttling, ServiceUnavailable, no connection) are retried by the transport as for reads; after
 * a lost answer (timeout, dropped connection, 5xx, a proxy's page) the write is never re-sent
 * blindly: `prove` reads first. Found: the write was done. Proved absent: it is sent once more.
 * Neither: the error says what may have happened, and nothing more is sent.
 */
export async function writeOnce<Found>(call: IotCaller, request: WriteOnceRequest<Found>): Promise<WriteOnceResult<Found>> {
	let lost: AlibabaApiError;
	try {
		return { answer: await sendWrite(call, request.action, request.params) };
	} catch (error) {
		if (!isLostAnswer(error)) throw error;
		lost = error;
	}
	const proof = await proveOrUnknown(request);
	if ('found' in proof) return { recovered: proof.found };
	if ('unknown' in proof) throw outcomeUnknownError(lost, request, proof.unknown);
	try {
		return { answer: await sendWrite(call, request.action, request.params) };
	} catch (error) {
		if (!isLostAnswer(error)) throw error;
		// The second answer was lost too: one more read may still prove it was carried out.
		const second = await proveOrUnknown(request);
		if ('found' in second) return { recovered: second.found };
		throw outcomeUnknownError(error, request, 'unknown' in second ? second.unknown : 'the read after the second attempt found nothing yet');
	}
}

/** A write as Alibaba's SDKs send it, never re-sent by the retry loop once its outcome is unknown. */
export async function sendWrite(call: IotCaller, action: string, params: IotParams): Promise<IotAnswer> {
	return await call(action, params, { method: 'POST', retryUnknownOutcome: false });
}

export function isLostAnswer(error: unknown): error is AlibabaApiError {
	return error instanceof AlibabaApiError && error.outcomeUnknown;
}

async function proveOrUnknown<Found>(request: WriteOnceRequest<Found>): Promise<WriteProof<Found>> {
	try {
		return await request.prove();
	} catch (error) {
		const reason = error instanceof AlibabaApiError ? `${error.code}: ${error.apiMessage}` : String(error);
		return { unknown: `the read that would tell failed (${reason})` };
	}
}

/** An error that keeps what was learnt of the lost answer, and says what to check before acting again. */
export function outcomeUnknownError(
	lost: AlibabaApiError,
	request: Pick<WriteOnceRequest<unknown>, 'mayHaveHappened' | 'toCheck'>,
	why: string,
): AlibabaApiError {
	return lost.withApiMessage(
		`${lost.apiMessage}. ${request.mayHaveHappened}, and ${why}, so it was not sent again: ` +
			`${request.toCheck} before running this again`,
	);
}
