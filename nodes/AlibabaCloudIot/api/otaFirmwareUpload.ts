import type { Readable } from 'node:stream';

import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { isFinalUploadError, postObject, type PackageHash, type PostedObject } from '../transport/ossPostObject';
import { getOtaFirmware } from './otaFirmwareRecord';
import { listOtaFirmwares } from './otaFirmwares';
import { writeOnce } from './writeOnce';

/** The suffixes GenerateOTAUploadURL accepts (docs/alibaba-api.md); any other package goes as bin. */
export const UPLOAD_FILE_SUFFIXES = ['bin', 'apk', 'tar', 'gz', 'tar.gz', 'zip', 'gzip', 'dav'] as const;
/** OSS PostObject takes at most 1,000 MB for an OTA package. */
export const MAX_PACKAGE_BYTES = 1000 * 1024 * 1024;

/** `FileSuffix` from the file's name: n8n reports `.tar.gz` as extension `gz`, so the name decides. */
export function fileSuffixOf(fileName: string | undefined): string {
	const name = (fileName ?? '').toLowerCase();
	if (name.endsWith('.tar.gz')) return 'tar.gz';
	const dot = name.lastIndexOf('.');
	const extension = dot === -1 ? '' : name.slice(dot + 1);
	return (UPLOAD_FILE_SUFFIXES as readonly string[]).includes(extension) ? extension : 'bin';
}

export interface FirmwarePackage {
	fileName: string;
	size: number;
	/** Opens the package from its start; called again only when an upload is retried. */
	open: () => Promise<Readable>;
}

export interface FirmwareUploadRequest {
	productKey: string;
	firmwareName: string;
	destVersion: string;
	/** 0 full, 1 differential (then srcVersion). */
	type: 0 | 1;
	srcVersion?: string;
	moduleName?: string;
	signMethod: PackageHash;
	needToVerify: boolean;
	firmwareDesc?: string;
	udi?: string;
	iotInstanceId?: string;
	package: FirmwarePackage;
	/** How failed uploads are retried, each with a fresh upload URL. */
	retry: { maxAttempts: number; maxElapsedMs: number; idleTimeoutMs: number };
}

export interface UploadedFirmware {
	FirmwareId: string;
	FirmwareName: string;
	SrcVersion?: string;
	DestVersion: string;
	ProductKey: string;
	Type: number;
	ModuleName?: string;
	FirmwareSize: number;
	FirmwareSign: string;
	SignMethod: PackageHash;
	/** The package's location in OSS: no signed query. */
	FirmwareUrl: string;
	UtcCreate?: string;
	RequestId?: string;
	/** True when CreateOTAFirmware's answer was lost and the firmware was found by name, sign and size. */
	Recovered?: true;
}

interface UploadGrant {
	Key: string;
	Host: string;
	Policy: string;
	OSSAccessKeyId: string;
	Signature: string;
	FirmwareUrl: string;
}

/**
 * GenerateOTAUploadURL, OSS PostObject (retried with a fresh URL: the policy lives one minute),
 * then CreateOTAFirmware carried out once: after a lost answer the firmware is looked for by its
 * name, which Alibaba keeps unique per account, and must have the same sign and size.
 */
export async function uploadOtaFirmware(call: IotCaller, request: FirmwareUploadRequest): Promise<UploadedFirmware> {
	const { grant, posted } = await uploadPackage(call, request);
	const firmwareUrl = grant.FirmwareUrl.split('?')[0];
	const params = {
		IotInstanceId: request.iotInstanceId,
		ProductKey: request.productKey,
		FirmwareName: request.firmwareName,
		DestVersion: request.destVersion,
		SrcVersion: request.type === 1 ? request.srcVersion : undefined,
		Type: String(request.type),
		ModuleName: request.moduleName,
		FirmwareUrl: grant.FirmwareUrl,
		FirmwareSign: posted.sign,
		SignMethod: request.signMethod,
		FirmwareSize: String(posted.size),
		NeedToVerify: String(request.needToVerify),
		FirmwareDesc: request.firmwareDesc,
		Udi: request.udi,
	};
	const result = await writeOnce(call, {
		action: 'CreateOTAFirmware',
		params,
		prove: async () => await findUploaded(call, request, posted),
		mayHaveHappened: `The firmware "${request.firmwareName}" may or may not have been created`,
		toCheck: `list the firmware of product ${request.productKey} with destination version ${request.destVersion} and look for the name "${request.firmwareName}"`,
	});
	const created: Omit<UploadedFirmware, 'FirmwareId'> = {
		FirmwareName: request.firmwareName,
		...(request.type === 1 && { SrcVersion: request.srcVersion }),
		DestVersion: request.destVersion,
		ProductKey: request.productKey,
		Type: request.type,
		...(request.moduleName && { ModuleName: request.moduleName }),
		FirmwareSize: posted.size,
		FirmwareSign: posted.sign,
		SignMethod: request.signMethod,
		FirmwareUrl: firmwareUrl,
	};
	if ('recovered' in result) return { FirmwareId: result.recovered.FirmwareId, ...created, UtcCreate: result.recovered.UtcCreate, Recovered: true };
	const data = (result.answer.Data ?? {}) as { FirmwareId?: unknown; UtcCreate?: unknown };
	return {
		FirmwareId: String(data.FirmwareId ?? ''),
		...created,
		...(typeof data.UtcCreate === 'string' && { UtcCreate: data.UtcCreate }),
		RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined,
	};
}

async function uploadPackage(call: IotCaller, request: FirmwareUploadRequest): Promise<{ grant: UploadGrant; posted: PostedObject }> {
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		// A grant creates nothing lasting: asking again after a lost answer is harmless.
		const answer = await call('GenerateOTAUploadURL', { IotInstanceId: request.iotInstanceId, FileSuffix: fileSuffixOf(request.package.fileName) }, { method: 'POST' });
		const grant = answer.Data as UploadGrant | undefined;
		if (!grant?.Host || !grant.Key || !grant.Policy || !grant.Signature || !grant.OSSAccessKeyId || !grant.FirmwareUrl) {
			throw new AlibabaApiError({ kind: 'invalidResponse', code: 'InvalidUploadGrant', apiMessage: 'GenerateOTAUploadURL answered without a complete upload form', action: 'GenerateOTAUploadURL', outcomeUnknown: false });
		}
		try {
			const posted = await postObject({
				host: grant.Host,
				key: grant.Key,
				policy: grant.Policy,
				ossAccessKeyId: grant.OSSAccessKeyId,
				signature: grant.Signature,
				fileName: request.package.fileName,
				size: request.package.size,
				open: request.package.open,
				hash: request.signMethod,
				idleTimeoutMs: request.retry.idleTimeoutMs,
			});
			return { grant, posted };
		} catch (error) {
			const outOfTime = Date.now() - started >= request.retry.maxElapsedMs;
			if (isFinalUploadError(error) || attempt >= request.retry.maxAttempts || outOfTime) throw error;
			await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 2000)));
		}
	}
}

/** The firmware of that name, if it exists: the same sign and size prove it is this upload's. */
async function findUploaded(
	call: IotCaller,
	request: FirmwareUploadRequest,
	posted: PostedObject,
): Promise<{ found: { FirmwareId: string; UtcCreate?: string } } | { absent: true } | { unknown: string }> {
	const listed = await listOtaFirmwares(call, { iotInstanceId: request.iotInstanceId, productKey: request.productKey, destVersion: request.destVersion });
	const named = listed.find((firmware) => firmware.FirmwareName === request.firmwareName);
	if (!named) return { absent: true };
	const record = await getOtaFirmware(call, { firmwareId: named.FirmwareId, iotInstanceId: request.iotInstanceId });
	const sameSign = String(record.FirmwareSign ?? '').toLowerCase() === posted.sign;
	if (sameSign && Number(record.FirmwareSize) === posted.size) {
		return { found: { FirmwareId: named.FirmwareId, UtcCreate: typeof named.UtcCreate === 'string' ? named.UtcCreate : undefined } };
	}
	return { unknown: `a firmware named "${request.firmwareName}" (${named.FirmwareId}) exists with another package's sign or size` };
}
