import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createOtaCaller } from '../../api/otaCaller';
import { listOtaJobsByFirmware, type OtaJob } from '../../api/otaJobs';
import { executePerItem } from '../../helpers/perItem';
import {
	firmwareLocator,
	operationOptions,
	readLimit,
	readOperationOptions,
	readRequiredText,
	returnAllAndLimit,
} from '../../helpers/sharedProperties';
import type { IotCredentials } from '../../transport/iotCredentials';
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

export async function execute(
	this: IExecuteFunctions,
	credentials: IotCredentials,
): Promise<INodeExecutionData[]> {
	return await executePerItem(
		this,
		(itemIndex) => readItemRequest(this, itemIndex),
		async ({ callOptions, ...listing }) =>
			(await listOtaJobsByFirmware(createOtaCaller(credentials, callOptions), listing)) as IDataObject[],
	);
}

function readItemRequest(context: IExecuteFunctions, itemIndex: number) {
	const firmwareId = readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware');
	const filter = readJobFilter(context, itemIndex);
	return {
		firmwareId,
		limit: readLimit(context, itemIndex),
		keep: isEmptyOtaJobFilter(filter) ? undefined : (job: OtaJob) => matchesOtaJobFilter(job, filter),
		...readOperationOptions(context, itemIndex),
	};
}
