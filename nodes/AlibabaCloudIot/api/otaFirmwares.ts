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

/** One full page of ListOTAFirmware; its list comes wrapped as `FirmwareInfo.SimpleFirmwareInfo[]`. */
export async function listOtaFirmwarePage(
	call: IotCaller,
	request: { currentPage: number; iotInstanceId?: string },
): Promise<OtaFirmwarePage> {
	const answer = await call('ListOTAFirmware', {
		CurrentPage: request.currentPage,
		PageSize: MAX_FIRMWARES_PAGE_SIZE,
		IotInstanceId: request.iotInstanceId,
	});
	const firmwares = unwrapList(answer.FirmwareInfo, 'SimpleFirmwareInfo') as OtaFirmware[];
	return {
		firmwares,
		hasMore:
			firmwares.length === MAX_FIRMWARES_PAGE_SIZE &&
			request.currentPage * MAX_FIRMWARES_PAGE_SIZE < totalOf(answer),
	};
}
