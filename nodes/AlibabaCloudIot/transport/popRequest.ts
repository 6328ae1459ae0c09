import RPCClient from '@alicloud/pop-core';

import { AlibabaApiError, classifyErrorCode } from './errors';
import type { IotCredentials } from './iotCredentials';
import { redactText } from './redact';

/** The IoT Platform API version every action of this package belongs to. */
const IOT_API_VERSION = '2018-01-20';

/** A successful answer's JSON body. json-bigint builds these with a null prototype. */
export type IotAnswer = Record<string, unknown>;

export type IotParams = Record<string, string | number | boolean | undefined | null>;

/** What pop-core returns in verbose mode, and attaches to the errors it throws. */
interface PopEntry {
	response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> };
}
interface PopVerboseClient {
	request(action: string, params: object, options: object): Promise<[IotAnswer, PopEntry]>;
}
type PopClientConstructor = new (config: RPCClient.Config, verbose: boolean) => PopVerboseClient;

// pop-core keeps a keep-alive agent per client: reuse clients so pages share warm sockets.
const clients = new Map<string, PopVerboseClient>();
const MAX_CACHED_CLIENTS = 64;

function popClientFor(credentials: IotCredentials): PopVerboseClient {
	const key = JSON.stringify([
		credentials.endpoint,
		credentials.accessKeyId,
		credentials.accessKeySecret,
		credentials.securityToken ?? '',
	]);
	let client = clients.get(key);
	if (!client) {
		if (clients.size >= MAX_CACHED_CLIENTS) clients.delete(clients.keys().next().value as string);
		client = new (RPCClient as unknown as PopClientConstructor)(
			{
				endpoint: credentials.endpoint,
				apiVersion: IOT_API_VERSION,
				accessKeyId: credentials.accessKeyId,
				accessKeySecret: credentials.accessKeySecret,
				securityToken: credentials.securityToken,
			},
			true,
		);
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
): Promise<IotAnswer> {
	const wireParams = toWireParams({ RegionId: credentials.regionId, ...params });
	let body: IotAnswer;
	let entry: PopEntry;
	try {
		// GET, as Alibaba's own SDKs and the API reference's examples send RPC calls. The signed URL
		// then sits in pop-core's error messages: none of them is passed on (see toAlibabaApiError).
		[body, entry] = await popClientFor(credentials).request(action, wireParams, {
			method: 'GET',
			timeout: timeoutMs,
			formatParams: false,
		});
	} catch (error) {
		throw toAlibabaApiError(error, credentials, timeoutMs);
	}
	const httpStatus = entry.response?.statusCode;
	if ((httpStatus !== undefined && httpStatus >= 300) || body.Success === false) {
		throw errorFromBody(body, entry, credentials);
	}
	return body;
}

function secretsOf(credentials: IotCredentials): string[] {
	return [credentials.accessKeySecret, credentials.securityToken ?? ''];
}

function headerValue(entry: PopEntry, name: string): string | undefined {
	const value = entry.response?.headers?.[name];
	return Array.isArray(value) ? value[0] : value;
}

function errorFromBody(body: IotAnswer, entry: PopEntry, credentials: IotCredentials): AlibabaApiError {
	const httpStatus = entry.response?.statusCode;
	const code = typeof body.Code === 'string' && body.Code ? body.Code : `HTTP ${httpStatus ?? '?'}`;
	// Gateway errors carry `Message`; IoT business errors carry `ErrorMessage`.
	const rawMessage = [body.Message, body.ErrorMessage].find(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	const retryAfter = Number(headerValue(entry, 'x-acs-retry-after'));
	return new AlibabaApiError({
		kind: classifyErrorCode(code, httpStatus),
		code,
		apiMessage: redactText(rawMessage ?? 'Alibaba Cloud gave no error message', secretsOf(credentials)),
		requestId: typeof body.RequestId === 'string' ? body.RequestId : undefined,
		httpStatus,
		retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
	});
}

/** No connection could be made. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);
/** A connection was made, then lost. */
const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function toAlibabaApiError(
	error: unknown,
	credentials: IotCredentials,
	timeoutMs: number,
): AlibabaApiError {
	const failure = (error ?? {}) as {
		name?: string;
		code?: unknown;
		message?: string;
		data?: IotAnswer;
		entry?: PopEntry;
		text?: string;
	};
	// pop-core throws for any answer with a Code (it ignores the HTTP status itself).
	if (failure.data && typeof failure.data === 'object') {
		return errorFromBody(failure.data, failure.entry ?? {}, credentials);
	}
	if (failure.name === 'SyntaxError') {
		return new AlibabaApiError({
			kind: 'invalidResponse',
			code: 'InvalidResponse',
			apiMessage: `The endpoint answered with something that is not Alibaba Cloud JSON${describeBody(failure.text)}`,
		});
	}
	if (typeof failure.name === 'string' && failure.name.includes('RequestTimeout')) {
		return new AlibabaApiError({
			kind: 'timeout',
			code: 'RequestTimeout',
			apiMessage: `No answer from ${credentials.endpoint} within ${timeoutMs} ms`,
		});
	}
	const networkCode = typeof failure.code === 'string' ? failure.code : undefined;
	if (networkCode && DROPPED_CONNECTION_CODES.has(networkCode)) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `The connection to ${credentials.endpoint} closed before the answer was complete (${networkCode})`,
		});
	}
	if (networkCode && NETWORK_ERROR_CODES.has(networkCode)) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `Could not reach ${credentials.endpoint} (${networkCode})`,
		});
	}
	if (failure.message?.includes('socket hang up')) {
		return new AlibabaApiError({
			kind: 'network',
			code: 'NetworkError',
			apiMessage: `The connection to ${credentials.endpoint} closed before the answer was complete`,
		});
	}
	return new AlibabaApiError({
		kind: 'network',
		code: 'RequestFailed',
		apiMessage: redactText(
			`The request to ${credentials.endpoint} failed: ${failure.message ?? String(error)}`,
			secretsOf(credentials),
		),
	});
}

/** A gateway's HTML page usually names the status in its title: keep that much. */
function describeBody(body: string | undefined): string {
	if (!body) return '';
	const title = /<title>([^<]{1,120})<\/title>/i.exec(body)?.[1]?.trim();
	if (title) return ` (page titled "${title}")`;
	const start = body.trim().slice(0, 80).replace(/\s+/g, ' ');
	return start ? ` (starts with "${start}")` : '';
}
