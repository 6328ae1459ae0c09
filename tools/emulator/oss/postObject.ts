// OSS PostObject for the OTA bucket: checks the policy (its signature, expiry, key and size
// conditions) and hashes the file as it streams in. Errors come as OSS writes them: XML
// <Error><Code/><Message/><RequestId/><HostId/></Error> (NOTES.md, upload flow).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { boundaryOf, MalformedFormError, readMultipart } from './multipartStream';
import { MAX_OBJECT_BYTES, OSS_ACCESS_KEY_ID, signPolicy, type UploadStore } from './uploadStore';

const OSS_HOST_ID = 'iotx-ota.oss-cn-shanghai.aliyuncs.com';

interface OssError {
	httpStatus: number;
	code: string;
	message: string;
}

export async function answerPostObject(req: IncomingMessage, res: ServerResponse, uploads: UploadStore): Promise<void> {
	const record = { httpStatus: 0, received: 0 } as UploadStore['posts'][number];
	uploads.posts.push(record);
	const fail = (error: OssError): void => {
		record.httpStatus = error.httpStatus;
		record.code = error.code;
		writeOssError(res, error);
	};
	if (req.method !== 'POST') return fail({ httpStatus: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.' });
	const boundary = boundaryOf(req.headers['content-type']);
	if (!boundary) return fail({ httpStatus: 400, code: 'InvalidArgument', message: 'The body of a PostObject request must be multipart/form-data.' });

	const md5 = createHash('md5');
	const sha256 = createHash('sha256');
	let size = 0;
	let form;
	try {
		form = await readMultipart(req, boundary, (chunk) => {
			size += chunk.length;
			md5.update(chunk);
			sha256.update(chunk);
		});
	} catch (error) {
		if (!(error instanceof MalformedFormError)) throw error;
		req.resume();
		return fail({ httpStatus: 400, code: 'MalformedPOSTRequest', message: `The body of your POST request is not well-formed multipart/form-data: ${error.message}.` });
	}
	record.received = size;
	record.key = form.fields.key;
	const error = checkForm(form.fields, form.fileName !== undefined, size) ?? uploads.takeFailure();
	if (error) return fail(error);

	uploads.store({ key: form.fields.key, size, md5: md5.digest('hex'), sha256: sha256.digest('hex') });
	const status = form.fields.success_action_status === '200' || form.fields.success_action_status === '201' ? Number(form.fields.success_action_status) : 204;
	record.httpStatus = status;
	res.writeHead(status, { 'x-oss-request-id': newOssRequestId(), 'content-length': '0' }).end();
}

function checkForm(fields: Record<string, string>, hasFile: boolean, size: number): OssError | undefined {
	for (const name of ['key', 'policy', 'OSSAccessKeyId', 'signature']) {
		if (!fields[name]) return { httpStatus: 400, code: 'InvalidArgument', message: `The form field ${name} is missing.` };
	}
	if (!hasFile) return { httpStatus: 400, code: 'InvalidArgument', message: 'The form has no file field.' };
	if (fields.OSSAccessKeyId !== OSS_ACCESS_KEY_ID) return { httpStatus: 403, code: 'InvalidAccessKeyId', message: 'The OSS Access Key Id you provided does not exist in our records.' };
	const expected = Buffer.from(signPolicy(fields.policy));
	const given = Buffer.from(fields.signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
		return { httpStatus: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
	}
	let policy: { expiration?: string; conditions?: unknown[] };
	try {
		policy = JSON.parse(Buffer.from(fields.policy, 'base64').toString('utf8')) as typeof policy;
	} catch {
		return { httpStatus: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
	}
	if (!policy.expiration || !(Date.parse(policy.expiration) > Date.now())) {
		return { httpStatus: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' };
	}
	for (const condition of policy.conditions ?? []) {
		if (Array.isArray(condition) && condition[0] === 'content-length-range' && (size < Number(condition[1]) || size > Number(condition[2]))) {
			return { httpStatus: 400, code: 'EntityTooLarge', message: `Your proposed upload exceeds the maximum allowed size (${MAX_OBJECT_BYTES} bytes).` };
		}
		if (!Array.isArray(condition) && typeof condition === 'object' && condition !== null && 'key' in condition && (condition as { key: string }).key !== fields.key) {
			return { httpStatus: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"].' };
		}
	}
	return undefined;
}

function newOssRequestId(): string {
	return randomBytes(12).toString('hex').toUpperCase();
}

function writeOssError(res: ServerResponse, error: OssError): void {
	const body = Buffer.from(
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n' +
			`  <Code>${error.code}</Code>\n  <Message>${escapeXml(error.message)}</Message>\n` +
			`  <RequestId>${newOssRequestId()}</RequestId>\n  <HostId>${OSS_HOST_ID}</HostId>\n</Error>\n`,
	);
	res.writeHead(error.httpStatus, { 'content-type': 'application/xml', 'content-length': String(body.length), connection: 'close' });
	res.end(body);
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
