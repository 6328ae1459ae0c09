import { getOtaJobProgress } from '../../api/otaJobProgress';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['otaJob'], operation: ['getProgress'] } };

export const description = withDisplayOptions(displayOptions, [
	{
		...jobIdProperty('The OTA job (batch) whose device tasks to count: its JobId'),
		hint: 'Counts the tasks in each state with 8 small requests, however many devices the job has',
	},
	operationOptions(),
]);

/** ListOTATaskByJob counted per task status: one item per input item. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex) }),
	getOtaJobProgress,
);
