import { confirmOtaTasks } from '../../api/otaTaskWrites';
import { iotActionExecute } from '../../helpers/perItem';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { readNameList } from '../../helpers/writeParameters';
import { taskIdsProperty } from './taskIdsProperty';

const displayOptions = { show: { resource: ['otaTask'], operation: ['confirm'] } };

export const description = withDisplayOptions(displayOptions, [
	{
		...taskIdsProperty(
			'The tasks waiting for confirmation (CONFIRM) to let go on: any number of TaskIds, separated by commas, or an array from an expression (sent 10 per request)',
		),
		hint: 'A request whose answer is lost is never sent again: Alibaba Cloud offers no read that proves a confirmation.',
	},
	operationOptions(),
]);

/** ConfirmOTATask: one item per input item with the confirmed TaskIds; 10 per request, the API's maximum. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ taskIds: readNameList(context, itemIndex, { name: 'taskIds', label: 'Task IDs', min: 1 }) }),
	confirmOtaTasks,
);
