import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { postObject, type OssFile, type OssUploaded } from '../transport/ossPostObject';
import { getOtaFirmware } from './otaFirmwareRecord';
import { listOtaFirmwares } from './otaFirmwares';
import { writeOnce, type WriteProof } from './writeOnce';

/** GenerateOTAUploadURL's suffixes (docs/alibaba-api.md, "The write side"); anything else goes as bin. */
const FILE_SUFFIXES = ['tar.gz', 'bin', 'apk', 'tar', 'gz', 'zip', 'gzip', 'dav'];
/** OSS PostObject and GenerateOTAUploadURL: at most 1,000 MB. */
export const MAX_PACKAGE_BYTES = 1000 * 1024 * 1024;

export interface FirmwareUploadRequest {
	productKey: string;
	firmwareName: string;
	destVersion: string;
	/** 0 full package, 1 differential (then srcVersion). */
	type: 0 | 1;
	srcVersion?: string;
	moduleName?: string;
	signMethod: 'MD5' | 'SHA256';
	needToVerify: boolean;
	firmwareDesc?: string;
	udi?: string;
	iotInstanceId?: string;
	file: OssFile;
	upload: { timeoutMs: number; maxAttempts: number; maxElapsedMs: number };
}

export interface UploadedFirmware {
	FirmwareId: string;
	UtcCreate?: string;
	FirmwareName: string;
	DestVersion: string;
	SrcVersion?: string;
	ProductKey: string;
	Type: 0 | 1;
	ModuleName?: string;
	FirmwareSize: number;
	FirmwareSign: string;
	SignMethod: 'MD5' | 'SHA256';
	/** Where the package lies (no signed query: the upload location is not a download link). */
	FirmwareUrl: string;
	RequestId?: string;
	Recovered?: true;
}

/** The suffix GenerateOTAUploadURL should give the object, from the binary's file name. */
export function fileSuffixOf(fileName: string | undefined): string {
	const name = (fileName ?? '').toLowerCase();
	return FILE_SUFFIXES.find((suffix) => name.endsWith(`.${suffix}`)) ?? 'bin';
}

/**
 * Uploads a package and creates its firmware: GenerateOTAUploadURL, OSS PostObject (streamed and
 * hashed in one pass), then CreateOTAFirmware with the package's URL, sign and size. A failed upload
 * is tried again with a fresh upload URL (its policy lives one minute), within the retry budget.
 * CreateOTAFirmware is carried out once: after a lost answer the firmware is looked for by its name,
 * which Alibaba keeps unique per account, with the same sign and size.
 */
export async function uploadOtaFirmware(call: IotCaller, request: FirmwareUploadRequest): Promise<UploadedFirmware> {
	const { url, uploaded } = await uploadPackage(call, request);
	const sign = uploaded.sign;
	const created = {
		FirmwareName: request.firmwareName,
		DestVersion: request.destVersion,
		...(request.srcVersion !== undefined && { SrcVersion: request.srcVersion }),
		ProductKey: request.productKey,
		Type: request.type,
		...(request.moduleName !== undefined && { ModuleName: request.moduleName }),
		FirmwareSize: uploaded.size,
		FirmwareSign: sign,
		SignMethod: request.signMethod,
		FirmwareUrl: url,
	};
	const result = await writeOnce<{ FirmwareId: string; UtcCreate?: string }>(call, {
		action: 'CreateOTAFirmware',
		params: {
			FirmwareName: request.firmwareName,
			DestVersion: request.destVersion,
			SrcVersion: request.srcVersion,
			ProductKey: request.productKey,
			Type: request.type,
			ModuleName: request.moduleName,
			SignMethod: request.signMethod,
			FirmwareSign: sign,
			FirmwareSize: uploaded.size,
			FirmwareUrl: url,
			NeedToVerify: request.needToVerify,
			FirmwareDesc: request.firmwareDesc,
			Udi: request.udi,
			IotInstanceId: request.iotInstanceId,
		},
		prove: async () => await findFirmware(call, request, sign, uploaded.size),
		mayHaveHappened: `The firmware "${request.firmwareName}" may or may not have been created`,
		toCheck: `look for a firmware named "${request.firmwareName}" (Firmware → List) with sign ${sign}`,
	});
	if ('recovered' in result) return { FirmwareId: result.recovered.FirmwareId, UtcCreate: result.recovered.UtcCreate, ...created, Recovered: true };
	const data = (result.answer.Data ?? {}) as Record<string, unknown>;
	return {
		FirmwareId: String(data.FirmwareId ?? ''),
		...(data.UtcCreate !== undefined && { UtcCreate: String(data.UtcCreate) }),
		...created,
		RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined,
	};
}

async function uploadPackage(call: IotCaller, request: FirmwareUploadRequest): Promise<{ url: string; uploaded: OssUploaded }> {
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		const answer = await call('GenerateOTAUploadURL', { FileSuffix: fileSuffixOf(request.file.fileName), IotInstanceId: request.iotInstanceId }, { method: 'POST' });
		const data = (answer.Data ?? {}) as Record<string, unknown>;
		const text = (name: string) => String(data[name] ?? '');
		try {
			const uploaded = await postObject(
				{ host: text('Host'), key: text('Key'), policy: text('Policy'), ossAccessKeyId: text('OSSAccessKeyId'), signature: text('Signature') },
				request.file,
				request.signMethod,
				request.upload.timeoutMs,
			);
			return { url: text('FirmwareUrl').split('?')[0], uploaded };
		} catch (error) {
			const again = error instanceof AlibabaApiError && !['BinaryReadFailed', 'OssSizeMismatch'].includes(error.code);
			if (!again || attempt >= request.upload.maxAttempts || Date.now() - started > request.upload.maxElapsedMs) throw error;
		}
	}
}

/** Found: the firmware of that name with this package. Absent: no firmware of that name. */
async function findFirmware(
	call: IotCaller,
	request: FirmwareUploadRequest,
	sign: string,
	size: number,
): Promise<WriteProof<{ FirmwareId: string; UtcCreate?: string }>> {
	const [named] = await listOtaFirmwares(call, {
		iotInstanceId: request.iotInstanceId,
		productKey: request.productKey,
		destVersion: request.destVersion,
		limit: 1,
		keep: (firmware) => firmware.FirmwareName === request.firmwareName,
	});
	if (!named) return { absent: true };
	const record = await getOtaFirmware(call, { firmwareId: named.FirmwareId, iotInstanceId: request.iotInstanceId });
	if (String(record.FirmwareSign ?? '').toLowerCase() === sign && Number(record.FirmwareSize) === size) {
		return { found: { FirmwareId: named.FirmwareId, UtcCreate: named.UtcCreate } };
	}
	return { unknown: `a firmware named "${request.firmwareName}" exists (${named.FirmwareId}) with another package` };
}
