import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

import { AlibabaApiError } from './errors';
import { redactText } from './redact';

/** An OSS upload form as GenerateOTAUploadURL grants it. Policy, signature and key ID are capabilities. */
export interface OssUploadForm {
	host: string;
	key: string;
	policy: string;
	ossAccessKeyId: string;
	signature: string;
}

export interface OssFile {
	/** Opened only when the upload starts, so a retry reads the file afresh; bytes already in memory as they are. */
	open: () => Promise<Readable | Buffer>;
	size: number;
	fileName: string;
	mimeType: string;
}

export interface OssUploaded {
	size: number;
	/** The package's hash, hex, by the algorithm asked for. */
	sign: string;
}

const MAX_ERROR_BODY = 64 * 1024;

/**
 * OSS PostObject (OSS doc 31988): the form's fields, then the file last, streamed from `file.open()`
 * and hashed (MD5 or SHA-256) on its way, so a 1 GB package is neither held in memory nor read
 * twice. OSS answers errors as XML: they become AlibabaApiErrors with OSS's code and request ID,
 * with the form's capabilities redacted from every text.
 */
export async function postObject(form: OssUploadForm, file: OssFile, signMethod: 'MD5' | 'SHA256', timeoutMs: number): Promise<OssUploaded> {
	const boundary = `----n8nAlibabaIot${randomBytes(12).toString('hex')}`;
	const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const head = Buffer.from(
		field('key', form.key) +
			field('policy', form.policy) +
			field('OSSAccessKeyId', form.ossAccessKeyId) +
			field('signature', form.signature) +
			field('success_action_status', '200') +
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${form.key.split('/').pop()}"\r\n` +
			`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const secrets = [form.policy, form.signature, form.ossAccessKeyId];
	const url = new URL(form.host);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	// One hash, the one asked for: on a 1 GB package each costs seconds of CPU.
	const hash = createHash(signMethod === 'MD5' ? 'md5' : 'sha256');
	let size = 0;
	const source = await file.open();

	return await new Promise<OssUploaded>((resolve, reject) => {
		let settled = false;
		const fail = (error: AlibabaApiError) => {
			if (settled) return;
			settled = true;
			if (!Buffer.isBuffer(source)) source.destroy();
			request.destroy();
			reject(error);
		};
		const request = send(
			url,
			{
				method: 'POST',
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + file.size + tail.length },
				timeout: timeoutMs,
			},
			(response) => {
				void readAnswer(response).then((body) => {
					if (settled) return;
					const status = response.statusCode ?? 0;
					if (status === 200 || status === 204) {
						settled = true;
						if (size !== file.size) return reject(uploadError('OssSizeMismatch', `the binary had ${size} bytes, not the ${file.size} its metadata gave`, status));
						return resolve({ size, sign: hash.digest('hex') });
					}
					const code = xmlField(body, 'Code') ?? `HTTP${status}`;
					const message = redactText(xmlField(body, 'Message') ?? body.slice(0, 200), secrets);
					settled = true;
					if (!Buffer.isBuffer(source)) source.destroy();
					reject(uploadError(code, message, status, xmlField(body, 'RequestId') ?? response.headers['x-oss-request-id']?.toString()));
				});
			},
		);
		request.on('timeout', () => fail(uploadError('Timeout', `no answer from the OSS upload endpoint ${url.host} within ${timeoutMs} ms`, undefined, undefined, 'timeout')));
		request.on('error', (error: NodeJS.ErrnoException) => fail(uploadError('UploadFailed', `the upload to ${url.host} failed (${error.code ?? 'error'})`, undefined, undefined, 'network')));
		request.write(head);
		if (Buffer.isBuffer(source)) {
			// A package n8n holds in memory: one write, no stream needed.
			hash.update(source);
			size = source.length;
			request.write(source);
			request.end(tail);
			return;
		}
		source.on('error', (error) => fail(uploadError('BinaryReadFailed', `reading the binary failed: ${error.message}`)));
		source.on('data', (chunk: Buffer) => {
			hash.update(chunk);
			size += chunk.length;
		});
		source.pipe(request, { end: false });
		source.on('end', () => request.end(tail));
	});
}

async function readAnswer(response: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of response as AsyncIterable<Buffer>) {
		if (length < MAX_ERROR_BODY) chunks.push(chunk);
		length += chunk.length;
	}
	return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
}

function xmlField(xml: string, name: string): string | undefined {
	return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

function uploadError(code: string, message: string, httpStatus?: number, requestId?: string, kind: 'server' | 'business' | 'network' | 'timeout' = 'business'): AlibabaApiError {
	const serverSide = httpStatus !== undefined && httpStatus >= 500;
	return new AlibabaApiError({
		kind: serverSide ? 'server' : kind,
		code,
		apiMessage: `OSS upload: ${message}`,
		requestId,
		httpStatus,
		action: 'PostObject',
		// Nothing is created until CreateOTAFirmware: an upload is safe to try again with a fresh URL.
		outcomeUnknown: false,
	});
}
