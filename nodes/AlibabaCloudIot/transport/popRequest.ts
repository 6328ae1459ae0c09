import type { Agent } from 'node:http';

import RPCClient from '@alicloud/pop-core';

import { captureInto, capturedText, capturingAgent, newCapture, type AnswerCapture } from './answerCapture';
import { AlibabaApiError, classifyErrorCode, FOREIGN_ANSWER_CODE, kindOfForeignAnswer } from './errors';
import type { IotCredentials } from './iotCredentials';
import { redactText } from './redact';
import { throttleWaitMs } from './throttleHints';

/** The IoT Platform API version every action of this package belongs to. */
const IOT_API_VERSION = '2018-01-20';

/** A successful answer's JSON body. json-bigint builds these with a null prototype. */
export type IotAnswer = Record<string, unknown>;

export type IotParams = Record<string, string | number | boolean | undefined | null>;

/** pop-core sends a POST's parameters as a form body, signed with the method. */
export type IotHttpMethod = 'GET' | 'POST';

/** What pop-core returns in verbose mode, and attaches to the errors it throws. */
interface PopEntry {
	response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> };
}
interface PopVerboseClient {
	request(action: string, params: object, options: object): Promise<[IotAnswer, PopEntry]>;
}
type PopClientConstructor = new (config: RPCClient.Config, verbose: boolean) => PopVerboseClient;

/** A pop-core client and the keep-alive agent its requests go through (answerCapture.ts). */
interface PopClient {
	client: PopVerboseClient;
	agent: Agent;
}

// Reuse clients so pages share warm sockets.
const clients = new Map<string, PopClient>();
const MAX_CACHED_CLIENTS = 64;

function popClientFor(credentials: IotCredentials): PopClient {
	const key = JSON.stringify([
		credentials.endpoint,
		credentials.accessKeyId,
		credentials.accessKeySecret,
		credentials.securityToken ?? '',
	]);
	let client = clients.get(key);
	if (!client) {
		if (clients.size >= MAX_CACHED_CLIENTS) clients.delete(clients.keys().next().value as string);
		client = {
			client: new (RPCClient as unknown as PopClientConstructor)(
				{
					endpoint: credentials.endpoint,
					apiVersion: IOT_API_VERSION,
					accessKeyId: credentials.accessKeyId,
					accessKeySecret: credentials.accessKeySecret,
					securityToken: credentials.securityToken,
				},
				true,
			),
			agent: capturingAgent(credentials.endpoint),
		};
		clients.set(key, client);
	}
	return client;
}

/** pop-core would send `undefined`/`null` as the strings "undefined"/"null": drop them here. */
function toWireParams(params: IotParams): Record<string, string> {
	const wire: Record<string, string> = {};
	for (const [name, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		const textValue = String(value);
		if (textValue === '') continue;
		wire[name] = textValue;
	}
	return wire;
}

/**
 * One signed RPC call, with every pop-core quirk handled: HTTP status checked, non-JSON bodies
 * and network failures turned into AlibabaApiError, secrets kept out of every message.
 */
export async function sendIotRequest(
	credentials: IotCredentials,
	action: string,
	params: IotParams,
	timeoutMs: number,
	method: IotHttpMethod = 'GET',
): Promise<IotAnswer> {
	const wireParams = toWireParams({ RegionId: credentials.regionId, ...params });
	const { client, agent } = popClientFor(credentials);
	const capture = newCapture();
	let body: IotAnswer;
	let entry: PopEntry;
	try {
		// Reads go as GET, as the API reference's examples send them; writes as POST, as Alibaba's SDKs
		// send every OTA action (ConfirmOTATask is documented as POST only: docs/alibaba-api.md). With
		// GET the signed URL sits in pop-core's error messages: none of them is passed on (toAlibabaApiError).
		[body, entry] = await client.request(action, wireParams, {
			method,
			timeout: timeoutMs,
			formatParams: false,
			agent,
			beforeRequest: captureInto(capture),
		});
	} catch (error) {
		throw toAlibabaApiError(error, { credentials, action, timeoutMs, capture });
	}
	const httpStatus = entry.response?.statusCode;
	// A proxy's JSON can come with HTTP 200 too: without this it would read as an empty list.
	if ((httpStatus !== undefined && httpStatus >= 300) || body.Success === false || isForeignJson(body)) {
		throw errorFromBody(body, entry, { credentials, action, timeoutMs });
	}
	return body;
}

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

function errorFromBody(body: IotAnswer, entry: PopEntry, call: FailedCall): AlibabaApiError {
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
function isForeignJson(body: IotAnswer): boolean {
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

function toAlibabaApiError(error: unknown, call: FailedCall): AlibabaApiError {
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
