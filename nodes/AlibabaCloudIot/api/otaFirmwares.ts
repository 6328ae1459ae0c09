import type { IotCaller } from '../transport/iotCaller';
import { MAX_FIRMWARES_PAGE_SIZE } from './limits';
import { totalOf, unwrapList } from './records';

/** A `SimpleFirmwareInfo` from ListOTAFirmware, with the API's field names. */
export interface OtaFirmware {
	FirmwareId: string;
	FirmwareName?: string;
	SrcVersion?: string;
	DestVersion?: string;
	ProductKey?: string;
	ProductName?: string;
	UtcCreate?: string;
	[field: string]: unknown;
}

interface OtaFirmwarePage {
	firmwares: OtaFirmware[];
	hasMore: boolean;
}

/**
 * One page of ListOTAFirmware (full size unless `pageSize` is given); its list comes wrapped as
 * `FirmwareInfo.SimpleFirmwareInfo[]`.
 */
export async function listOtaFirmwarePage(
	call: IotCaller,
	request: { currentPage: number; pageSize?: number; iotInstanceId?: string },
): Promise<OtaFirmwarePage> {
	const pageSize = request.pageSize ?? MAX_FIRMWARES_PAGE_SIZE;
	const answer = await call('ListOTAFirmware', {
		CurrentPage: request.currentPage,
		PageSize: pageSize,
		IotInstanceId: request.iotInstanceId,
	});
	const firmwares = unwrapList(answer.FirmwareInfo, 'SimpleFirmwareInfo') as OtaFirmware[];
	return {
		firmwares,
		hasMore: firmwares.length === pageSize && request.currentPage * pageSize < totalOf(answer),
	};
}
