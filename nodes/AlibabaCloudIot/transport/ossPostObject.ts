// OSS PostObject: the multipart form GenerateOTAUploadURL's answer allows, sent to its Host with the
// file streamed last (OSS wants it last), hashed and counted as it goes out: a 1 GB package is
// neither held in memory nor read twice.
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { AlibabaApiError } from './errors';
import { redactText } from './redact';

export type PackageHash = 'MD5' | 'SHA256';

export interface PostObjectRequest {
	/** GenerateOTAUploadURL's Host: where the form goes. */
	host: string;
	key: string;
	/** Capabilities: never in an error, a log or an item. */
	policy: string;
	ossAccessKeyId: string;
	signature: string;
	fileName: string;
	/** The package's size, for Content-Length; what streams must be exactly this long. */
	size: number;
	/** Opens the package afresh (a retry reads it again from the start). */
	open: () => Promise<Readable>;
	hash: PackageHash;
	/** Longest silence of the connection before the upload is given up. */
	idleTimeoutMs: number;
}

export interface PostedObject {
	size: number;
	/** Lower-case hex, as Alibaba shows FirmwareSign. */
	sign: string;
}

/** OSS errors that a fresh upload URL cannot cure: the package or the form is wrong. */
const FINAL_OSS_CODES = new Set(['EntityTooLarge', 'EntityTooSmall', 'InvalidArgument', 'MalformedPOSTRequest', 'InvalidPolicyDocument']);

export function isFinalUploadError(error: unknown): boolean {
	return error instanceof AlibabaApiError && FINAL_OSS_CODES.has(error.code);
}

export async function postObject(request: PostObjectRequest): Promise<PostedObject> {
	const boundary = `----n8nAlibabaIot${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		formField(boundary, 'key', request.key) +
			formField(boundary, 'policy', request.policy) +
			formField(boundary, 'OSSAccessKeyId', request.ossAccessKeyId) +
			formField(boundary, 'signature', request.signature) +
			formField(boundary, 'success_action_status', '200') +
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${request.fileName.replace(/["\r\n]/g, '_')}"\r\n` +
			'Content-Type: application/octet-stream\r\n\r\n',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const secrets = [request.policy, request.signature, request.ossAccessKeyId];
	const url = new URL(request.host);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

	const digest = createHash(request.hash === 'MD5' ? 'md5' : 'sha256');
	let streamed = 0;
	const hashing = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			streamed += chunk.length;
			digest.update(chunk);
			done(null, chunk);
		},
	});

	const req = send(url, {
		method: 'POST',
		headers: {
			'content-type': `multipart/form-data; boundary=${boundary}`,
			'content-length': String(head.length + request.size + tail.length),
		},
	});
	req.setTimeout(request.idleTimeoutMs, () => req.destroy(new Error(`no progress for ${request.idleTimeoutMs} ms`)));
	const answered = new Promise<IncomingMessage>((resolve, reject) => {
		req.once('response', resolve);
		req.once('error', reject);
	});
	// An early answer (an error OSS sends before reading the whole file) must not be lost to the pipe.
	answered.catch(() => undefined);

	try {
		const source = await request.open();
		req.write(head);
		await pipeline(source, hashing, async function* (chunks) {
			for await (const chunk of chunks) yield chunk as Buffer;
			yield tail;
		}, req);
	} catch (error) {
		const early = await Promise.race([answered.catch(() => undefined), delay(50)]);
		if (early) return await readAnswer(early, request, streamed, digest, secrets);
		throw uploadNetworkError(error, secrets);
	}
	let response: IncomingMessage;
	try {
		response = await answered;
	} catch (error) {
		throw uploadNetworkError(error, secrets);
	}
	return await readAnswer(response, request, streamed, digest, secrets);
}

async function readAnswer(
	response: IncomingMessage,
	request: PostObjectRequest,
	streamed: number,
	digest: ReturnType<typeof createHash>,
	secrets: string[],
): Promise<PostedObject> {
	const chunks: Buffer[] = [];
	for await (const chunk of response) chunks.push(chunk as Buffer);
	const status = response.statusCode ?? 0;
	if (status < 200 || status >= 300) throw ossError(status, Buffer.concat(chunks).toString('utf8'), response.headers['x-oss-request-id'], secrets);
	if (streamed !== request.size) {
		throw new AlibabaApiError({
			kind: 'business',
			code: 'PackageSizeChanged',
			apiMessage: `The package streamed ${streamed} bytes where its binary data said ${request.size}`,
			action: 'PostObject',
			outcomeUnknown: false,
		});
	}
	return { size: streamed, sign: digest.digest('hex') };
}

function formField(boundary: string, name: string, value: string): string {
	return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/** OSS answers errors as XML: `<Error><Code/><Message/><RequestId/><HostId/></Error>`. */
function ossError(status: number, body: string, headerRequestId: string | string[] | undefined, secrets: string[]): AlibabaApiError {
	const element = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
	const code = element('Code') ?? `HTTP${status}`;
	const message = element('Message') ?? `OSS answered HTTP ${status} without an XML error`;
	return new AlibabaApiError({
		kind: status >= 500 ? 'server' : 'business',
		code,
		apiMessage: redactText(`OSS refused the upload: ${message}`, secrets),
		requestId: element('RequestId') ?? (typeof headerRequestId === 'string' ? headerRequestId : undefined),
		httpStatus: status,
		action: 'PostObject',
		outcomeUnknown: false,
	});
}

function uploadNetworkError(error: unknown, secrets: string[]): AlibabaApiError {
	const message = error instanceof Error ? error.message : String(error);
	return new AlibabaApiError({
		kind: 'network',
		code: 'UploadFailed',
		apiMessage: redactText(`The upload to OSS failed: ${message}`, secrets),
		action: 'PostObject',
		outcomeUnknown: false,
	});
}

function delay(ms: number): Promise<undefined> {
	return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
