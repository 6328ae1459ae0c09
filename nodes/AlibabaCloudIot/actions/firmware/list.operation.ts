import type { IDataObject } from 'n8n-workflow';

import { listOtaFirmwares } from '../../api/otaFirmwares';
import { iotActionExecute } from '../../helpers/perItem';
import { readLimit } from '../../helpers/parameterReaders';
import { filtersCollection, RETURN_ALL_AND_LIMIT } from '../../helpers/properties/lists';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['firmware'], operation: ['list'] } };

export const description = withDisplayOptions(displayOptions, [
	...RETURN_ALL_AND_LIMIT,
	filtersCollection('Sent to ListOTAFirmware, which matches them exactly on its side', [
		{
			displayName: 'Destination Version',
			name: 'destVersion',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2.0.0',
			description: 'Only the firmware that upgrades devices to this version',
		},
		{
			displayName: 'Product Key',
			name: 'productKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. a1BwAGV****',
			description: 'Only the firmware of this product',
		},
	]),
	operationOptions(),
]);

/** ListOTAFirmware: one item per firmware. */
export const execute = iotActionExecute((context, itemIndex) => {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return {
		limit: readLimit(context, itemIndex),
		productKey: textOf(filters.productKey),
		destVersion: textOf(filters.destVersion),
	};
}, listOtaFirmwares);

function textOf(value: unknown): string | undefined {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return text || undefined;
}
