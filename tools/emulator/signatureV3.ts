// Alibaba's signature V3 (ACS3-HMAC-SHA256, Alibaba doc "Request syntax and signature method V3"), as
// @alicloud/openapi-client (under @alicloud/iot20180120) signs RPC calls: the action, version, date and
// nonce travel as x-acs-* headers, the parameters in the query (a form body also counts). Written from the
// spec, not borrowed from the SDK, so a client that signs wrongly is caught.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { percentEncode, signaturesMatch } from './signature';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface V3Request {
	/** The RPC parameters as a V1 request would carry them (Action, Version, AccessKeyId, Timestamp, SignatureNonce, SecurityToken). */
	params: Record<string, string>;
	/** Checks the signature with this secret; the string to sign is what the gateway echoes on a mismatch. */
	verify(accessKeySecret: string): { ok: boolean; stringToSign: string };
}

export function isV3Request(headers: IncomingHttpHeaders): boolean {
	return (headers.authorization ?? '').startsWith('ACS3-');
}

function header(headers: IncomingHttpHeaders, name: string): string {
	const value = headers[name];
	return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
}

/** `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex` → its parts (empty when absent). */
function parseAuthorization(value: string): { algorithm: string; credential: string; signedHeaders: string[]; signature: string } {
	const space = value.indexOf(' ');
	const algorithm = space < 0 ? value : value.slice(0, space);
	const fields = new Map<string, string>();
	for (const part of (space < 0 ? '' : value.slice(space + 1)).split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	const signedHeaders = (fields.get('SignedHeaders') ?? '').split(';').filter(Boolean);
	return { algorithm, credential: fields.get('Credential') ?? '', signedHeaders, signature: fields.get('Signature') ?? '' };
}

export function readV3Request(
	method: string,
	url: URL,
	headers: IncomingHttpHeaders,
	body: string,
	formParams: Record<string, string>,
): V3Request {
	const auth = parseAuthorization(header(headers, 'authorization'));
	const params: Record<string, string> = Object.create(null);
	Object.assign(params, formParams);
	const fromHeaders: Record<string, string> = {
		Action: header(headers, 'x-acs-action'),
		Version: header(headers, 'x-acs-version'),
		AccessKeyId: auth.credential,
		Timestamp: header(headers, 'x-acs-date'),
		SignatureNonce: header(headers, 'x-acs-signature-nonce'),
		SecurityToken: header(headers, 'x-acs-security-token'),
		// V3 has no Format: the SDK asks for JSON with its Accept header, and that is all we answer.
		Format: 'JSON',
	};
	for (const [key, value] of Object.entries(fromHeaders)) if (value) params[key] = value;

	const verify = (accessKeySecret: string) => {
		const query = [...url.searchParams.keys()]
			.filter((key, index, keys) => keys.indexOf(key) === index)
			.sort()
			.map((key) => `${percentEncode(key)}=${percentEncode(url.searchParams.get(key) ?? '')}`)
			.join('&');
		const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${header(headers, name)}\n`).join('');
		// The client states the body's hash in x-acs-content-sha256; the signature only holds if it is true.
		const payloadHash = createHash('sha256').update(body, 'utf8').digest('hex');
		const claimedHash = header(headers, 'x-acs-content-sha256');
		const canonicalRequest = [method.toUpperCase(), url.pathname, query, canonicalHeaders, auth.signedHeaders.join(';'), payloadHash].join('\n');
		const stringToSign = `${V3_ALGORITHM}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
		const expected = createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
		const signsWhatMatters = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'host'].every((name) =>
			auth.signedHeaders.includes(name),
		);
		const ok =
			auth.algorithm === V3_ALGORITHM &&
			signsWhatMatters &&
			claimedHash === payloadHash &&
			signaturesMatch(expected, auth.signature.toLowerCase());
		return { ok, stringToSign };
	};
	return { params, verify };
}
