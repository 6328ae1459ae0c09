import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOtaJobsByFirmware, type OtaJob } from '../../api/otaJobs';
import { iotActionExecute } from '../../helpers/perItem';
import { readLimit, readRequiredText } from '../../helpers/parameterReaders';
import { firmwareLocator } from '../../helpers/properties/identifiers';
import { returnAllAndLimit } from '../../helpers/properties/lists';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { isEmptyOtaJobFilter, matchesOtaJobFilter } from './jobFilterMatch';
import { jobFiltersProperty, readJobFilter } from './jobFilters';

const showFor = { show: { resource: ['otaJob'], operation: ['listByFirmware'] } };

export const description: INodeProperties[] = [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description:
			'The OTA firmware (upgrade package) whose jobs to list: its FirmwareId, as returned when the firmware was created or by ListOTAFirmware',
		displayOptions: showFor,
	}),
	...returnAllAndLimit(showFor),
	jobFiltersProperty(showFor),
	operationOptions(showFor),
];

/** ListOTAJobByFirmware: one item per job of each input item's firmware, filtered, up to the limit. */
export const execute = iotActionExecute(readItemRequest, listOtaJobsByFirmware);

function readItemRequest(context: IExecuteFunctions, itemIndex: number) {
	const firmwareId = readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware');
	const filter = readJobFilter(context, itemIndex);
	return {
		firmwareId,
		limit: readLimit(context, itemIndex),
		keep: isEmptyOtaJobFilter(filter) ? undefined : (job: OtaJob) => matchesOtaJobFilter(job, filter),
	};
}
