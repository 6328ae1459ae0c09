import type { INodeProperties } from 'n8n-workflow';

import { getOtaJob } from '../../api/otaJobRecord';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { operationOptions } from '../../helpers/properties/operationOptions';

const showFor = { show: { resource: ['otaJob'], operation: ['get'] } };

export const description: INodeProperties[] = [
	jobIdProperty('The OTA job (batch) to read: its JobId, as List by Firmware returns it', showFor),
	operationOptions(showFor),
];

/** QueryOTAJob: one item per input item, the job's full record. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex) }),
	getOtaJob,
);
