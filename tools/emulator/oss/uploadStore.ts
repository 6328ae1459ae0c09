// The OSS side of GenerateOTAUploadURL: upload policies it hands out, signed with the bucket's key,
// and the objects PostObject stored (only their size and hashes: the bytes are not kept).
import { createHmac, randomBytes } from 'node:crypto';

/** The AccessKeyId GenerateOTAUploadURL hands out for the OTA bucket (a capability, like the policy). */
export const OSS_ACCESS_KEY_ID = 'LTAI5tEmulatorOssKey01';
const OSS_ACCESS_KEY_SECRET = 'emu-oss-secret-bucket-01';
/** GenerateOTAUploadURL's answer is valid for one minute (NOTES.md, upload flow). */
export const POLICY_LIFETIME_MS = 60_000;
/** PostObject accepts at most 1,000 MB for an OTA package (NOTES.md). */
export const MAX_OBJECT_BYTES = 1000 * 1024 * 1024;
export const OSS_PATH = '/__oss';
const BUCKET_LOCATION = 'https://iotx-ota.oss-cn-shanghai.aliyuncs.com';

export const SUFFIXES = ['bin', 'apk', 'tar', 'gz', 'tar.gz', 'zip', 'gzip', 'dav'] as const;

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
	key: string;
	size: number;
	md5: string;
	sha256: string;
}

/** One PostObject request as the emulator saw it (no policy or signature kept). */
export interface OssPostRecord {
	key?: string;
	httpStatus: number;
	code?: string;
	/** Bytes of the file part the emulator hashed. */
	received: number;
}

export interface OssFailure {
	times: number;
	httpStatus: number;
	code: string;
	message: string;
}

export class UploadStore {
	/** The emulator's address + OSS_PATH, set once the server listens. */
	host = '';
	private readonly objects = new Map<string, StoredObject>();
	readonly posts: OssPostRecord[] = [];
	/** Every grant handed out, so tests can look for its capabilities where they must not be. */
	readonly granted: UploadGrant[] = [];
	private readonly failures: OssFailure[] = [];
	/** For tests: a lifetime other than Alibaba's minute. */
	policyLifetimeMs = POLICY_LIFETIME_MS;

	grant(suffix: string, now = Date.now()): UploadGrant {
		const key = `ota/${randomBytes(16).toString('hex')}/${randomBytes(6).toString('hex')}.${suffix}`;
		const policyJson = {
			expiration: new Date(now + this.policyLifetimeMs).toISOString(),
			conditions: [['content-length-range', 0, MAX_OBJECT_BYTES], { key }],
		};
		const policy = Buffer.from(JSON.stringify(policyJson)).toString('base64');
		const grant: UploadGrant = {
			Key: key,
			Host: this.host,
			Policy: policy,
			OSSAccessKeyId: OSS_ACCESS_KEY_ID,
			Signature: signPolicy(policy),
			FirmwareUrl: `${BUCKET_LOCATION}/${key}`,
			ObjectStorage: 'OSS',
			UtcCreate: new Date(now).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
		};
		this.granted.push(grant);
		return grant;
	}

	store(object: StoredObject): void {
		this.objects.set(object.key, object);
	}

	/** The object a FirmwareUrl names, if PostObject stored it. */
	objectAt(firmwareUrl: string): StoredObject | undefined {
		const prefix = `${BUCKET_LOCATION}/`;
		if (!firmwareUrl.startsWith(prefix)) return undefined;
		return this.objects.get(firmwareUrl.slice(prefix.length).split('?')[0]);
	}

	object(key: string): StoredObject | undefined {
		return this.objects.get(key);
	}

	/** The next `times` PostObject requests fail with this OSS error, after the file was read. */
	failNext(failure: OssFailure): void {
		this.failures.push({ ...failure });
	}

	takeFailure(): OssFailure | undefined {
		const next = this.failures[0];
		if (!next) return undefined;
		if (--next.times <= 0) this.failures.shift();
		return next;
	}
}

/** OSS PostObject's signature: base64 HMAC-SHA1 of the base64 policy with the key's secret. */
export function signPolicy(policy: string): string {
	return createHmac('sha1', OSS_ACCESS_KEY_SECRET).update(policy).digest('base64');
}
