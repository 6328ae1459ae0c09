import { capturedText, type AnswerCapture } from './answerCapture';
import { AlibabaApiError, classifyErrorCode, FOREIGN_ANSWER_CODE, kindOfForeignAnswer } from './errors';
import type { IotCredentials } from './iotCredentials';
import type { IotAnswer, PopEntry } from './popAnswer';
import { redactText } from './redact';
import { throttleWaitMs } from './throttleHints';

// Every way a pop-core call can fail, as an AlibabaApiError: an answer with an error code, JSON
// that is not Alibaba's, a body that is not JSON, and a timeout or network failure. Every text
// taken from an answer or from pop-core is redacted before it reaches the error.

/** What an error needs to know about the call that failed. */
interface FailedCall {
	credentials: IotCredentials;
	action: string;
	timeoutMs: number;
	capture?: AnswerCapture;
}

/** Every text taken from an answer or from pop-core passes here before it reaches an error. */
function clean(text: string, credentials: IotCredentials): string {
	return redactText(text, [credentials.accessKeySecret, credentials.securityToken ?? '']);
}

function headerValue(entry: PopEntry, name: string): string | undefined {
	const value = entry.response?.headers?.[name];
	return Array.isArray(value) ? value[0] : value;
}

export function errorFromBody(body: IotAnswer, entry: PopEntry, call: FailedCall): AlibabaApiError {
	const httpStatus = entry.response?.statusCode;
	if (isForeignJson(body)) return foreignJsonError(body, httpStatus, call);
	// A code is an identifier, never a place for a secret; a proxy's JSON may still put anything there.
	const code =
		typeof body.Code === 'string' && body.Code ? clean(body.Code, call.credentials) : `HTTP ${httpStatus ?? '?'}`;
	// Gateway errors carry `Message`; IoT business errors carry `ErrorMessage`.
	const rawMessage = [body.Message, body.ErrorMessage].find(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	return new AlibabaApiError({
		kind: classifyErrorCode(code, httpStatus),
		code,
		apiMessage: clean(rawMessage ?? 'Alibaba Cloud gave no error message', call.credentials),
		requestId: typeof body.RequestId === 'string' ? clean(body.RequestId, call.credentials) : undefined,
		httpStatus,
		retryAfterMs: throttleWaitMs((name) => headerValue(entry, name)),
		action: call.action,
	});
}

/** Alibaba's answers, errors included, always carry a RequestId; a proxy's JSON has neither it nor a Code. */
export function isForeignJson(body: IotAnswer): boolean {
	return typeof body.Code !== 'string' && typeof body.RequestId !== 'string';
}

function foreignJsonError(body: IotAnswer, httpStatus: number | undefined, call: FailedCall): AlibabaApiError {
	const text = [body.Message, body.message, body.error].find((value): value is string => typeof value === 'string' && value !== '');
	// Redacted whole before the cut, so no cut can leave a piece of a secret behind.
	const quote = text ? ` ("${clean(text, call.credentials).slice(0, 200)}")` : '';
	return new AlibabaApiError({
		kind: kindOfForeignAnswer(httpStatus),
		code: FOREIGN_ANSWER_CODE,
		apiMessage: `${call.credentials.endpoint} answered${httpStatus ? ` HTTP ${httpStatus}` : ''} with JSON that is not Alibaba Cloud's${quote}`,
		httpStatus,
		action: call.action,
	});
}

/** No connection could be made. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);
/** A connection was made, then lost. */
const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export function toAlibabaApiError(error: unknown, call: FailedCall): AlibabaApiError {
	const { credentials, action, timeoutMs } = call;
	const failure = (error ?? {}) as {
		name?: string;
		code?: unknown;
		message?: string;
		data?: IotAnswer;
		entry?: PopEntry;
	};
	// pop-core throws for any answer with a Code (it ignores the HTTP status itself).
	if (failure.data && typeof failure.data === 'object') {
		return errorFromBody(failure.data, failure.entry ?? {}, call);
	}
	if (failure.name === 'SyntaxError') {
		const httpStatus = call.capture?.statusCode;
		// Redacted whole before any cut, so no cut can leave a piece of a secret behind.
		const captured = call.capture ? capturedText(call.capture) : undefined;
		const body = captured === undefined ? undefined : clean(captured, credentials);
		return new AlibabaApiError({
			kind: kindOfForeignAnswer(httpStatus),
			code: FOREIGN_ANSWER_CODE,
			// The page is a proxy's, and may echo the signed request: only its redacted title or start.
			apiMessage: clean(
				`${credentials.endpoint} answered${httpStatus ? ` HTTP ${httpStatus}` : ''} with something that is not Alibaba Cloud JSON${describeBody(body)}`,
				credentials,
			),
			httpStatus,
			action,
		});
	}
	if (typeof failure.name === 'string' && failure.name.includes('RequestTimeout')) {
		return new AlibabaApiError({
			kind: 'timeout',
			code: 'RequestTimeout',
			apiMessage: `No answer from ${credentials.endpoint} within ${timeoutMs} ms`,
			action,
		});
	}
	const networkCode = typeof failure.code === 'string' ? failure.code : undefined;
	if (networkCode && DROPPED_CONNECTION_CODES.has(networkCode)) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `The connection to ${credentials.endpoint} closed before the answer was complete (${networkCode})`,
			action,
		});
	}
	if (networkCode && NETWORK_ERROR_CODES.has(networkCode)) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `Could not reach ${credentials.endpoint} (${networkCode})`,
			action,
			// No connection was made, so nothing was sent.
			outcomeUnknown: false,
		});
	}
	if (failure.message?.includes('socket hang up')) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `The connection to ${credentials.endpoint} closed before the answer was complete`,
			action,
		});
	}
	return new AlibabaApiError({
		kind: 'network',
		code: 'RequestFailed',
		apiMessage: clean(`The request to ${credentials.endpoint} failed: ${failure.message ?? String(error)}`, credentials),
		action,
	});
}

/** A gateway's HTML page usually names the status in its title: keep that much. */
function describeBody(body: string | undefined): string {
	if (!body) return '';
	const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
	if (title) return ` (page titled "${title.slice(0, 120)}")`;
	const start = body.trim().slice(0, 80).replace(/\s+/g, ' ');
	return start ? ` (starts with "${start}")` : '';
}
