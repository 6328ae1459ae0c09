import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TASK_STATUSES, type TaskStatus } from '../../api/otaEnums';
import type { OtaTaskFilter } from '../../api/otaTasks';
import { operationError } from '../../helpers/nodeErrors';
import { filtersCollection } from '../../helpers/properties/lists';
import { namesOf } from '../../helpers/writeParameters';

/** Readable labels for ListOTATaskByJob's TaskStatus values (docs/alibaba-api.md). */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
	CONFIRM: 'Pending Confirmation (CONFIRM)',
	QUEUED: 'Queued (QUEUED)',
	NOTIFIED: 'Notified (NOTIFIED)',
	IN_PROGRESS: 'In Progress (IN_PROGRESS)',
	SUCCEEDED: 'Succeeded (SUCCEEDED)',
	FAILED: 'Failed (FAILED)',
	CANCELED: 'Canceled (CANCELED)',
};

/** The Filters of List by Job: both are sent to ListOTATaskByJob, which filters on its side. */
export const TASK_FILTERS: INodeProperties = filtersCollection(
	'Applied by Alibaba Cloud before paging, so they also bring a job of more than 100,000 tasks within reach',
	[
		{
			displayName: 'Device Names',
			name: 'deviceNames',
			type: 'string',
			default: '',
			placeholder: 'e.g. thermostat-01, thermostat-02',
			description: 'Only the tasks of these devices: names separated by commas, or an array from an expression',
		},
		{
			displayName: 'Task Status',
			name: 'taskStatus',
			type: 'options',
			options: TASK_STATUSES.map((value) => ({ name: TASK_STATUS_LABELS[value], value })),
			default: 'FAILED',
			description: 'Only the tasks in this state',
		},
	],
);

export function readTaskFilter(context: IExecuteFunctions, itemIndex: number): OtaTaskFilter {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter: OtaTaskFilter = {};
	const status = filters.taskStatus;
	if (status !== undefined && status !== '') {
		const canonical = String(status).trim().toUpperCase();
		if (!(TASK_STATUSES as readonly string[]).includes(canonical)) {
			throw operationError(
				context.getNode(),
				`Task Status "${String(status)}" is not a task state (item ${itemIndex})`,
				itemIndex,
				`Use one of ${TASK_STATUSES.join(', ')}.`,
			);
		}
		filter.taskStatus = canonical as TaskStatus;
	}
	const names = namesOf(filters.deviceNames);
	if (names.length > 0) filter.deviceNames = names;
	return filter;
}
