// A streaming reader of a multipart/form-data body whose file part comes last, as OSS PostObject
// wants it: the small fields before the file are buffered, the file is handed on chunk by chunk
// (a 1 GB package is never held in memory). Fields after the file are ignored, as OSS does.
import type { Readable } from 'node:stream';

/** Fields before the file: a form whose fields take more than this is refused. */
const MAX_FIELDS_BYTES = 64 * 1024;

export interface MultipartFile {
	fields: Record<string, string>;
	/** Undefined when the form had no file part. */
	fileName?: string;
}

export class MalformedFormError extends Error {}

export function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

/** Reads the form; `onFileChunk` gets every byte of the file part in order. */
export async function readMultipart(
	body: Readable,
	boundary: string,
	onFileChunk: (chunk: Buffer) => void,
): Promise<MultipartFile> {
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const fields: Record<string, string> = Object.create(null);
	// The body starts with "--boundary"; a leading CRLF makes every delimiter look the same.
	let pending: Buffer = Buffer.from('\r\n');
	let fileName: string | undefined;
	let state: 'fields' | 'file' | 'done' = 'fields';

	for await (const chunk of body) {
		if (state === 'done') continue; // drain the rest
		pending = Buffer.concat([pending, chunk as Buffer]);
		if (state === 'fields') {
			const parsed = parseFields(pending, delimiter, fields);
			pending = parsed.rest;
			if (parsed.file) {
				fileName = parsed.file.fileName;
				state = 'file';
			} else if (parsed.ended) {
				state = 'done';
			} else if (pending.length > MAX_FIELDS_BYTES) {
				throw new MalformedFormError('the form fields before the file are too large');
			}
		}
		if (state === 'file') {
			const end = pending.indexOf(delimiter);
			if (end !== -1) {
				onFileChunk(pending.subarray(0, end));
				state = 'done';
				pending = Buffer.alloc(0);
			} else {
				// Keep a tail that may hold the start of the delimiter.
				const keep = Math.min(pending.length, delimiter.length - 1);
				if (pending.length > keep) onFileChunk(pending.subarray(0, pending.length - keep));
				pending = Buffer.from(pending.subarray(pending.length - keep));
			}
		}
	}
	if (state === 'file') throw new MalformedFormError('the form ended inside the file part');
	return { fields, fileName };
}

/** Takes whole field parts off the front of `buffer`; stops at the file part's start. */
function parseFields(
	buffer: Buffer,
	delimiter: Buffer,
	fields: Record<string, string>,
): { rest: Buffer; file?: { fileName: string }; ended?: boolean } {
	let rest = buffer;
	for (;;) {
		if (rest.length < delimiter.length + 2) return { rest };
		if (!rest.subarray(0, delimiter.length).equals(delimiter)) throw new MalformedFormError('a part does not start with the boundary');
		const after = rest.subarray(delimiter.length, delimiter.length + 2).toString('latin1');
		if (after === '--') return { rest: Buffer.alloc(0), ended: true };
		const headerEnd = rest.indexOf('\r\n\r\n', delimiter.length);
		if (headerEnd === -1) return { rest };
		const headers = rest.subarray(delimiter.length + 2, headerEnd).toString('utf8');
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
		const contentStart = headerEnd + 4;
		if (name === 'file' || fileName !== undefined) {
			return { rest: Buffer.from(rest.subarray(contentStart)), file: { fileName: fileName ?? '' } };
		}
		const valueEnd = rest.indexOf(delimiter, contentStart);
		if (valueEnd === -1) return { rest };
		if (name !== undefined && !(name in fields)) fields[name] = rest.subarray(contentStart, valueEnd).toString('utf8');
		rest = rest.subarray(valueEnd);
	}
}
