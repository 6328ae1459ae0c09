// OSS PostObject as the emulator serves it: a multipart form whose fields come first and whose file
// comes last, read as a stream (a 1 GB package is hashed on the way, never held), then checked
// against the policy the emulator signed. Answers as OSS does: 200 or 204, or an XML error document.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { MAX_OBJECT_BYTES, ossErrorXml, type OssUploads } from './ossUploads';

const MAX_FIELDS_BYTES = 64 * 1024;

export async function handleOssPost(req: IncomingMessage, res: ServerResponse, uploads: OssUploads): Promise<void> {
	const requestId = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 24);
	const fail = (status: number, code: string, message: string) => {
		res.writeHead(status, { 'content-type': 'application/xml', 'x-oss-request-id': requestId }).end(ossErrorXml(code, message, requestId));
	};
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
	if (req.method !== 'POST' || !boundary) {
		req.resume();
		return fail(400, 'InvalidArgument', 'A PostObject request is a POST of multipart/form-data.');
	}
	const parsed = await readForm(req, `--${boundary[1] ?? boundary[2]}`);
	if ('error' in parsed) return fail(400, 'MalformedPOSTRequest', parsed.error);
	if (uploads.takeFailure()) return fail(503, 'ServiceUnavailable', 'Please reduce your request rate.');
	const refusal = uploads.refusal(parsed.fields);
	if (refusal) return fail(refusal.status, refusal.code, refusal.message);
	if (parsed.size > MAX_OBJECT_BYTES) return fail(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
	uploads.store(parsed.fields.key, { size: parsed.size, md5: parsed.md5, sha256: parsed.sha256 });
	const status = parsed.fields.success_action_status === '200' ? 200 : 204;
	res.writeHead(status, { 'x-oss-request-id': requestId, etag: `"${parsed.md5.toUpperCase()}"` }).end();
}

type ParsedForm = { fields: Record<string, string>; size: number; md5: string; sha256: string } | { error: string };

/** Fields into memory (bounded), the `file` part through two hashes and a byte count. */
async function readForm(req: IncomingMessage, dashBoundary: string): Promise<ParsedForm> {
	const delimiter = Buffer.from(`\r\n${dashBoundary}`);
	const fields: Record<string, string> = {};
	const md5 = createHash('md5');
	const sha256 = createHash('sha256');
	let size = 0;
	let inFile = false;
	let fileDone = false;
	// The body starts with the boundary itself; pretend a CRLF came before it so every part looks alike.
	let pending = Buffer.from('\r\n');
	for await (const chunk of req as AsyncIterable<Buffer>) {
		if (fileDone) continue;
		pending = Buffer.concat([pending, chunk]);
		for (;;) {
			if (inFile) {
				const end = pending.indexOf(delimiter);
				const safe = end === -1 ? Math.max(0, pending.length - delimiter.length) : end;
				const bytes = pending.subarray(0, safe);
				md5.update(bytes);
				sha256.update(bytes);
				size += bytes.length;
				pending = pending.subarray(safe);
				if (end === -1) break;
				inFile = false;
				fileDone = true;
				break;
			}
			const start = pending.indexOf(delimiter);
			const headersEnd = start === -1 ? -1 : pending.indexOf('\r\n\r\n', start + delimiter.length);
			if (headersEnd === -1) {
				if (pending.length > MAX_FIELDS_BYTES) return { error: 'The form fields before the file are too large.' };
				break;
			}
			const headers = pending.subarray(start + delimiter.length, headersEnd).toString('utf8');
			const name = /name="([^"]*)"/i.exec(headers)?.[1];
			const afterHeaders = headersEnd + 4;
			if (name === 'file') {
				inFile = true;
				pending = pending.subarray(afterHeaders);
				continue;
			}
			const valueEnd = pending.indexOf(delimiter, afterHeaders);
			if (valueEnd === -1) {
				if (pending.length > MAX_FIELDS_BYTES) return { error: 'The form fields before the file are too large.' };
				break;
			}
			if (name) fields[name] = pending.subarray(afterHeaders, valueEnd).toString('utf8');
			pending = pending.subarray(valueEnd);
		}
	}
	if (!fileDone) return { error: 'The form has no complete file field (it must come last).' };
	return { fields, size, md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}
