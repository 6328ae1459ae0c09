import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { listOtaFirmwarePage, type OtaFirmware } from '../api/otaFirmwares';
import { toNodeError } from '../helpers/nodeErrors';
import { otaCallerFor } from '../helpers/otaCallerFor';
import { iotInstanceIdOf } from '../helpers/parameterReaders';

import { DEFAULT_RETRY_POLICY } from '../transport/retry';

/** While the user types, read a few pages per scroll step to find enough matches. */
const PAGES_PER_FILTERED_SEARCH = 5;
const ENOUGH_MATCHES = 20;

/**
 * The Firmware picker: ListOTAFirmware, page by page as the user scrolls. The API filters only by
 * exact ProductKey or DestVersion, so the typed text is matched here against name, ID, versions
 * and product.
 */
export async function searchFirmwares(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const call = await otaCallerFor(this, {
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxElapsedMs: 10_000 },
		});
		const iotInstanceId = currentIotInstanceId(this);
		const needle = filter?.trim().toLowerCase() ?? '';
		const results: INodeListSearchItems[] = [];
		let currentPage = Number(paginationToken) || 1;
		for (let read = 0; read < (needle ? PAGES_PER_FILTERED_SEARCH : 1); read++) {
			const page = await listOtaFirmwarePage(call, { currentPage, iotInstanceId });
			for (const firmware of page.firmwares) {
				if (!needle || searchableText(firmware).includes(needle)) results.push(toListItem(firmware));
			}
			currentPage++;
			if (!page.hasMore) return { results };
			if (results.length >= ENOUGH_MATCHES) break;
		}
		return { results, paginationToken: String(currentPage) };
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

function currentIotInstanceId(context: ILoadOptionsFunctions): string | undefined {
	const value = iotInstanceIdOf(context.getCurrentNodeParameter('options') as IDataObject | undefined);
	// An expression cannot be resolved without an item: better no instance than a literal "={{…}}".
	return value?.startsWith('=') ? undefined : value;
}

function searchableText(firmware: OtaFirmware): string {
	return [firmware.FirmwareName, firmware.FirmwareId, firmware.DestVersion, firmware.SrcVersion, firmware.ProductName, firmware.ProductKey]
		.filter(Boolean)
		.join(' ')
		.toLowerCase();
}

function toListItem(firmware: OtaFirmware): INodeListSearchItems {
	const name = firmware.FirmwareName || firmware.FirmwareId;
	const version = firmware.DestVersion ? ` → ${firmware.DestVersion}` : '';
	const product = firmware.ProductName || firmware.ProductKey;
	return {
		name: `${name}${version}${product ? ` (${product})` : ''}`,
		value: firmware.FirmwareId,
		description: firmware.FirmwareId,
	};
}
