// Turning an HTTP request into RPC parameters, the way the gateway reads them: the query string,
// plus a form-encoded body for POST (body wins when a name appears in both).
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function rpcParams(query: URLSearchParams, contentType: string | undefined, body: string): Record<string, string> {
	// No prototype: a parameter named "__proto__" or "constructor" is just a parameter.
	const params: Record<string, string> = Object.create(null);
	addFirstValues(params, query);
	if (body && isFormEncoded(contentType)) addFirstValues(params, new URLSearchParams(body), true);
	return params;
}

function isFormEncoded(contentType: string | undefined): boolean {
	return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** A repeated name keeps its first value; the client signed something else, so the signature will tell. */
function addFirstValues(params: Record<string, string>, source: URLSearchParams, overwrite = false): void {
	const seen = new Set<string>();
	for (const [key, value] of source) {
		if (seen.has(key)) continue;
		seen.add(key);
		if (overwrite || !(key in params)) params[key] = value;
	}
}
