import type { IotCaller } from '../transport/iotCaller';
import { unwrapList } from './records';

/** QueryOTAFirmware's `FirmwareInfo`, with the API's field names. */
export interface OtaFirmwareRecord {
	FirmwareId: string;
	FirmwareName?: string;
	DestVersion?: string;
	/** Where the package lies, without the pre-signed query (see withoutSignedQuery). */
	FirmwareUrl?: string;
	MultiFiles?: Record<string, unknown>[];
	[field: string]: unknown;
}

/**
 * One firmware's record. QueryOTAFirmware answers it as `FirmwareInfo` beside `RequestId`, not
 * under `Data` (docs/alibaba-api.md, R3 and the SDK model).
 */
export async function getOtaFirmware(
	call: IotCaller,
	request: { firmwareId: string; iotInstanceId?: string; includeDownloadUrl?: boolean },
): Promise<OtaFirmwareRecord> {
	const answer = await call('QueryOTAFirmware', { FirmwareId: request.firmwareId, IotInstanceId: request.iotInstanceId });
	const info = { ...(answer.FirmwareInfo as Record<string, unknown> | undefined) };
	const record: OtaFirmwareRecord = { ...info, FirmwareId: String(info.FirmwareId ?? request.firmwareId) };
	// Asked for explicitly (Include Download URL), the pre-signed links pass on whole.
	if (request.includeDownloadUrl) return record;
	if (typeof info.FirmwareUrl === 'string') record.FirmwareUrl = withoutSignedQuery(info.FirmwareUrl);
	// A plain array in the SDK model; unwrapList also takes it wrapped, should it come so.
	if (info.MultiFiles !== undefined) {
		record.MultiFiles = unwrapList(info.MultiFiles, 'MultiFile').map((file) =>
			typeof file.Url === 'string' ? { ...file, Url: withoutSignedQuery(file.Url) } : file,
		);
	}
	return record;
}

/**
 * The package URLs come pre-signed for OSS (Expires, OSSAccessKeyId, Signature): whoever holds one
 * can download the firmware until it expires. No signed URL goes into an item; the location stays.
 */
function withoutSignedQuery(url: string): string {
	const queryStart = url.indexOf('?');
	return queryStart === -1 ? url : url.slice(0, queryStart);
}
