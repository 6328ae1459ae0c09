import type { IotCaller } from '../transport/iotCaller';
import { MAX_FIRMWARES_PAGE_SIZE } from './limits';
import { collectPages, fetchListPage, type FetchedPage, type PageRequest } from './paging';
import { unwrapList } from './records';

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

/** ListOTAFirmware's server-side filters, both exact matches. */
interface OtaFirmwareQuery {
	iotInstanceId?: string;
	productKey?: string;
	destVersion?: string;
}

interface OtaFirmwarePage {
	firmwares: OtaFirmware[];
	hasMore: boolean;
}

/** Every firmware matching the query (or the first `limit`), in the API's order, each once. */
export async function listOtaFirmwares(
	call: IotCaller,
	request: OtaFirmwareQuery & { limit?: number; keep?: (firmware: OtaFirmware) => boolean },
): Promise<OtaFirmware[]> {
	return await collectPages({
		maxPageSize: MAX_FIRMWARES_PAGE_SIZE,
		fetchPage: async (page) => await fetchFirmwarePage(call, request, page),
		idOf: (firmware) => firmware.FirmwareId,
		limit: request.limit,
		keep: request.keep,
	});
}

/**
 * One page of ListOTAFirmware (full size unless `pageSize` is given), for the picker that pages as
 * the user scrolls and for the credential test's one-firmware probe.
 */
export async function listOtaFirmwarePage(
	call: IotCaller,
	request: { currentPage: number; pageSize?: number; iotInstanceId?: string },
): Promise<OtaFirmwarePage> {
	const pageSize = request.pageSize ?? MAX_FIRMWARES_PAGE_SIZE;
	const page = await fetchFirmwarePage(call, request, { currentPage: request.currentPage, pageSize });
	return {
		firmwares: page.records,
		hasMore: page.records.length === pageSize && request.currentPage * pageSize < page.total,
	};
}

/** Its list comes wrapped as `FirmwareInfo.SimpleFirmwareInfo[]`, not under `Data`. */
async function fetchFirmwarePage(
	call: IotCaller,
	query: OtaFirmwareQuery,
	page: Pick<PageRequest, 'currentPage' | 'pageSize'>,
): Promise<FetchedPage<OtaFirmware>> {
	const params = { IotInstanceId: query.iotInstanceId, ProductKey: query.productKey, DestVersion: query.destVersion };
	return await fetchListPage(
		call,
		'ListOTAFirmware',
		params,
		page,
		(answer) => unwrapList(answer.FirmwareInfo, 'SimpleFirmwareInfo') as OtaFirmware[],
	);
}
