import { getOtaJob } from '../../api/otaJobRecord';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['otaJob'], operation: ['get'] } };

export const description = withDisplayOptions(displayOptions, [
	jobIdProperty('The OTA job (batch) to read: its JobId, as List by Firmware returns it'),
	operationOptions(),
]);

/** QueryOTAJob: one item per input item, the job's full record. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex) }),
	getOtaJob,
);
