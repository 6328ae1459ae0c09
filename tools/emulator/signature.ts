// Alibaba's RPC signature, version 1.0 (Alibaba doc 30563), written from the spec rather than
// borrowed from @alicloud/pop-core, so the emulator can catch a client that signs wrongly.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding: encodeURIComponent also leaves ! ' ( ) * bare, which Alibaba encodes. */
export function percentEncode(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Every parameter except Signature, sorted by key (code-unit order), as encode(key)=encode(value) joined by &. */
export function canonicalQuery(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((key) => key !== 'Signature')
		.sort()
		.map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
		.join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
	return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)); the trailing & is where a token secret would go. */
export function signStringToSign(text: string, accessKeySecret: string): string {
	return createHmac('sha1', `${accessKeySecret}&`).update(text, 'utf8').digest('base64');
}

export function signaturesMatch(expected: string, received: string): boolean {
	const a = Buffer.from(expected);
	const b = Buffer.from(received);
	return a.length === b.length && timingSafeEqual(a, b);
}
