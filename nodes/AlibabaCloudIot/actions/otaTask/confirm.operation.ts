import type { INodeProperties } from 'n8n-workflow';

import { confirmOtaTasks } from '../../api/otaTaskWrites';
import { iotActionExecute } from '../../helpers/perItem';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { readNameList } from '../../helpers/writeParameters';
import { taskIdsProperty } from './taskIdsProperty';

const showFor = { show: { resource: ['otaTask'], operation: ['confirm'] } };

export const description: INodeProperties[] = [
	{
		...taskIdsProperty(
			'The tasks waiting for confirmation (CONFIRM) to let go on: any number of TaskIds, separated by commas, or an array from an expression (sent 10 per request)',
			showFor,
		),
		hint: 'A request whose answer is lost is never sent again: Alibaba Cloud offers no read that proves a confirmation.',
	},
	operationOptions(showFor),
];

/** ConfirmOTATask: one item per input item with the confirmed TaskIds; 10 per request, the API's maximum. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ taskIds: readNameList(context, itemIndex, { name: 'taskIds', label: 'Task IDs', min: 1 }) }),
	confirmOtaTasks,
);
