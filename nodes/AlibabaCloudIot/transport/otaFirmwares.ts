import { MAX_FIRMWARES_PAGE_SIZE } from './apiLimits';
import type { IotCaller } from './iotCaller';
import type { IotAnswer } from './popRequest';

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

export interface OtaFirmwarePage {
	firmwares: OtaFirmware[];
	total: number;
	currentPage: number;
	hasMore: boolean;
}

export async function listOtaFirmwarePage(
	call: IotCaller,
	request: { currentPage: number; iotInstanceId?: string },
): Promise<OtaFirmwarePage> {
	const answer = await call('ListOTAFirmware', {
		CurrentPage: request.currentPage,
		PageSize: MAX_FIRMWARES_PAGE_SIZE,
		IotInstanceId: request.iotInstanceId,
	});
	const firmwares = firmwaresOfAnswer(answer);
	const total = Number(answer.Total) || 0;
	return {
		firmwares,
		total,
		currentPage: request.currentPage,
		hasMore: firmwares.length === MAX_FIRMWARES_PAGE_SIZE && request.currentPage * MAX_FIRMWARES_PAGE_SIZE < total,
	};
}

/** Wrapped like every Alibaba list: `FirmwareInfo.SimpleFirmwareInfo[]`. */
function firmwaresOfAnswer(answer: IotAnswer): OtaFirmware[] {
	const list = (answer.FirmwareInfo as { SimpleFirmwareInfo?: unknown } | undefined)?.SimpleFirmwareInfo;
	const entries = Array.isArray(list) ? list : list ? [list] : [];
	return entries.map((entry) => ({ ...(entry as OtaFirmware) }));
}
