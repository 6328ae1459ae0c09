import type { IExecuteFunctions } from 'n8n-workflow';

import { listOtaJobsByFirmware, type OtaJob } from '../../api/otaJobs';
import { iotActionExecute } from '../../helpers/perItem';
import { readLimit, readRequiredText } from '../../helpers/parameterReaders';
import { firmwareLocator } from '../../helpers/properties/identifiers';
import { RETURN_ALL_AND_LIMIT } from '../../helpers/properties/lists';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { isEmptyOtaJobFilter, matchesOtaJobFilter } from './jobFilterMatch';
import { JOB_FILTERS, readJobFilter } from './jobFilters';

const displayOptions = { show: { resource: ['otaJob'], operation: ['listByFirmware'] } };

export const description = withDisplayOptions(displayOptions, [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description:
			'The OTA firmware (upgrade package) whose jobs to list: its FirmwareId, as returned when the firmware was created or by ListOTAFirmware',
	}),
	...RETURN_ALL_AND_LIMIT,
	JOB_FILTERS,
	operationOptions(),
]);

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
