// ListOTAFirmware: the firmwares of an instance, optionally of one product and destination version.
import type { FirmwareFixture } from '../types';
import { success, type Outcome } from '../responses';
import { readInstance } from './instance';
import { pageCount, pageOf, readPaging } from './paging';
import type { ActionContext } from './registry';

export const LIST_OTA_FIRMWARE_MAX_PAGE_SIZE = 100;

export function listOtaFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	const paging = readPaging(params, LIST_OTA_FIRMWARE_MAX_PAGE_SIZE);
	if (!paging.ok) return paging.outcome;
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;

	const productKey = params.ProductKey || undefined;
	const destVersion = params.DestVersion || undefined;
	const matching = context.firmwares
		.listNewestFirst()
		.filter(
			(firmware) =>
				firmware.iotInstanceId === instance.iotInstanceId &&
				(productKey === undefined || firmware.productKey === productKey) &&
				(destVersion === undefined || firmware.destVersion === destVersion),
		);
	return success({
		Success: true,
		Total: matching.length,
		PageSize: paging.paging.pageSize,
		PageCount: pageCount(matching.length, paging.paging.pageSize),
		CurrentPage: paging.paging.currentPage,
		FirmwareInfo: { SimpleFirmwareInfo: pageOf(matching, paging.paging).map(simpleFirmwareInfo) },
	});
}

function simpleFirmwareInfo(firmware: FirmwareFixture): Record<string, unknown> {
	return {
		FirmwareId: firmware.firmwareId,
		FirmwareName: firmware.name,
		SrcVersion: firmware.srcVersion,
		DestVersion: firmware.destVersion,
		UtcCreate: firmware.utcCreate,
		UtcModified: firmware.utcModified,
		Status: firmware.status,
		FirmwareDesc: firmware.description,
		ProductKey: firmware.productKey,
		ProductName: firmware.productName,
		Type: firmware.type,
		ModuleName: firmware.moduleName,
	};
}
