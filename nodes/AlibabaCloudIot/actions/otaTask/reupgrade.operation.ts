import { reupgradeOtaTasks } from '../../api/otaTaskWrites';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { readNameList } from '../../helpers/writeParameters';
import { taskIdsProperty } from './taskIdsProperty';

const displayOptions = { show: { resource: ['otaTask'], operation: ['reupgrade'] } };

export const description = withDisplayOptions(displayOptions, [
	jobIdProperty('The OTA job the tasks belong to: its JobId'),
	{
		...taskIdsProperty(
			'The FAILED or CANCELED tasks to upgrade again: any number of TaskIds, separated by commas, or an array from an expression (sent 10 per request)',
		),
		hint: 'A request whose answer is lost is never sent again: Alibaba Cloud offers no read that proves a re-upgrade.',
	},
	operationOptions(),
]);

/** ReupgradeOTATask: one item per input item with the re-upgraded TaskIds; 10 per request. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		jobId: readJobId(context, itemIndex),
		taskIds: readNameList(context, itemIndex, { name: 'taskIds', label: 'Task IDs', min: 1 }),
	}),
	reupgradeOtaTasks,
);
