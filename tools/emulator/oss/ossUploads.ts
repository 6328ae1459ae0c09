// The OSS side of a firmware upload: the one-minute upload policies GenerateOTAUploadURL hands out,
// and the objects PostObject received (size and hashes only: the bytes are not kept). OSS signs a
// policy with HMAC-SHA1 of its base64 text under the AccessKey secret (OSS PostObject, doc 31988).
import { createHmac, randomBytes } from 'node:crypto';

export const OSS_PATH = '/__oss';
export const OSS_ACCESS_KEY_ID = 'LTAI5tEmulatorOssKey01';
const OSS_SECRET = 'emulator-oss-secret-not-a-real-one';
const POLICY_LIFETIME_MS = 60_000;
/** OSS PostObject's maximum object size (doc 31988) and GenerateOTAUploadURL's: 1,000 MB. */
export const MAX_OBJECT_BYTES = 1000 * 1024 * 1024;

export interface UploadGrant {
	Key: string;
	Host: string;
	Policy: string;
	OSSAccessKeyId: string;
	Signature: string;
	FirmwareUrl: string;
	ObjectStorage: string;
	UtcCreate: string;
}

export interface StoredObject {
	size: number;
	md5: string;
	sha256: string;
}

export class OssUploads {
	private readonly objects = new Map<string, StoredObject>();
	private failuresLeft = 0;

	failUploads(count: number): void {
		this.failuresLeft = count;
	}

	/** Whether this upload is one a test asked to fail (counts it down). */
	takeFailure(): boolean {
		if (this.failuresLeft <= 0) return false;
		this.failuresLeft--;
		return true;
	}

	objectCount(): number {
		return this.objects.size;
	}

	grant(host: string, fileSuffix: string, now = Date.now()): UploadGrant {
		const key = `ota/${randomBytes(8).toString('hex')}/${randomBytes(6).toString('hex')}.${fileSuffix}`;
		const policy = Buffer.from(
			JSON.stringify({
				expiration: new Date(now + POLICY_LIFETIME_MS).toISOString(),
				conditions: [['eq', '$key', key], ['content-length-range', 0, MAX_OBJECT_BYTES]],
			}),
		).toString('base64');
		return {
			Key: key,
			Host: host,
			Policy: policy,
			OSSAccessKeyId: OSS_ACCESS_KEY_ID,
			Signature: sign(policy),
			FirmwareUrl: `${host}/${key}`,
			ObjectStorage: 'OSS',
			UtcCreate: new Date(now).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
		};
	}

	/** Why a PostObject form is refused before its file is read, or undefined when it may go on. */
	refusal(fields: Record<string, string>, now = Date.now()): { code: string; message: string; status: number } | undefined {
		for (const name of ['key', 'policy', 'OSSAccessKeyId', 'signature']) {
			if (!fields[name]) return { code: 'InvalidArgument', message: `The form field ${name} is missing.`, status: 400 };
		}
		if (fields.OSSAccessKeyId !== OSS_ACCESS_KEY_ID) return { code: 'InvalidAccessKeyId', message: 'The OSS Access Key Id you provided does not exist in our records.', status: 403 };
		if (fields.signature !== sign(fields.policy)) return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.', status: 403 };
		let policy: { expiration?: string; conditions?: unknown[] };
		try {
			policy = JSON.parse(Buffer.from(fields.policy, 'base64').toString('utf8')) as typeof policy;
		} catch {
			return { code: 'InvalidPolicyDocument', message: 'The content of the form does not meet the conditions specified in the policy document.', status: 400 };
		}
		if (!(Date.parse(policy.expiration ?? '') > now)) return { code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.', status: 403 };
		const keyRule = (policy.conditions ?? []).find((c) => Array.isArray(c) && c[1] === '$key') as unknown[] | undefined;
		if (keyRule && keyRule[2] !== fields.key) return { code: 'AccessDenied', message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"].', status: 403 };
		return undefined;
	}

	store(key: string, object: StoredObject): void {
		this.objects.set(key, object);
	}

	/** The object a FirmwareUrl handed out by `grant` points at, once uploaded. */
	objectAt(firmwareUrl: string): StoredObject | undefined {
		const at = firmwareUrl.indexOf(`${OSS_PATH}/`);
		return at === -1 ? undefined : this.objects.get(firmwareUrl.slice(at + OSS_PATH.length + 1).split('?')[0]);
	}
}

function sign(policy: string): string {
	return createHmac('sha1', OSS_SECRET).update(policy).digest('base64');
}

/** OSS's error document. */
export function ossErrorXml(code: string, message: string, requestId: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n  <RequestId>${requestId}</RequestId>\n  <HostId>iotx-ota.oss-cn-shanghai.aliyuncs.com</HostId>\n</Error>\n`;
}
