// Test helper: RPC requests built and signed by hand, so tests can break them one part at a time.
// (@alicloud/pop-core can only send correct requests; the positive tests use it.)
import { randomUUID } from 'node:crypto';

import { EMULATOR_KEYS } from './accounts';
import { API_VERSION } from './auth';
import { percentEncode, signStringToSign, stringToSign } from './signature';

export interface Credentials {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

export interface HandSignedCall {
	method?: 'GET' | 'POST';
	credentials?: Credentials;
	/** Merged over the common parameters before signing; `undefined` removes one (Signature included). */
	params?: Record<string, string | undefined>;
	/** Sign as if sent with this method (to prove the method is part of the string to sign). */
	signAs?: 'GET' | 'POST';
	/** Replaces the computed signature. */
	signature?: string;
}

export interface RpcAnswer {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the raw text under `text` when the answer was not JSON. */
	body: Record<string, unknown>;
	text: string;
}

/** `YYYY-MM-DDTHH:mm:ssZ`, the only Timestamp format the gateway takes. */
export function rpcTimestamp(date = new Date()): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function commonParams(credentials: Credentials, action = 'ListOTAJobByFirmware'): Record<string, string> {
	return {
		Action: action,
		Version: API_VERSION,
		Format: 'JSON',
		AccessKeyId: credentials.accessKeyId,
		SignatureMethod: 'HMAC-SHA1',
		SignatureVersion: '1.0',
		SignatureNonce: randomUUID(),
		Timestamp: rpcTimestamp(),
		...(credentials.securityToken !== undefined && { SecurityToken: credentials.securityToken }),
	};
}

export function signedParams(call: HandSignedCall = {}): Record<string, string> {
	const credentials = call.credentials ?? EMULATOR_KEYS.active;
	const params: Record<string, string> = commonParams(credentials, call.params?.Action ?? undefined);
	for (const [key, value] of Object.entries(call.params ?? {})) {
		if (value === undefined) delete params[key];
		else params[key] = value;
	}
	const signature = signStringToSign(stringToSign(call.signAs ?? call.method ?? 'GET', params), credentials.accessKeySecret);
	const omitSignature = call.params !== undefined && 'Signature' in call.params && call.params.Signature === undefined;
	return omitSignature ? params : { ...params, Signature: call.signature ?? signature };
}

export async function sendSigned(baseUrl: string, call: HandSignedCall = {}): Promise<RpcAnswer> {
	return await sendParams(baseUrl, call.method ?? 'GET', signedParams(call));
}

/** `key=value&...`, percent-encoded the way pop-core sends them. */
export function percentEncodeParams(params: Record<string, string>): string {
	return Object.entries(params)
		.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
		.join('&');
}

/** Sends parameters exactly as given: in the query for GET, as a form body for POST. */
export async function sendParams(baseUrl: string, method: string, params: Record<string, string>): Promise<RpcAnswer> {
	const encoded = percentEncodeParams(params);
	const response =
		method === 'GET'
			? await fetch(`${baseUrl}/?${encoded}`)
			: await fetch(`${baseUrl}/`, {
					method,
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: encoded,
				});
	const text = await response.text();
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(text) as Record<string, unknown>;
	} catch {
		body = { text };
	}
	return { status: response.status, headers: response.headers, body, text };
}

/** A ListOTAJobByFirmware page request for the given firmware. */
export function listJobs(firmwareId: string, page = 1, pageSize = 10, extra: Record<string, string | undefined> = {}) {
	return { Action: 'ListOTAJobByFirmware', FirmwareId: firmwareId, CurrentPage: String(page), PageSize: String(pageSize), ...extra };
}
