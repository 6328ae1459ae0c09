import type { IExecuteFunctions } from 'n8n-workflow';

import { CANCELABLE_TASK_STATES, cancelOtaTasksByJob, type CancelableTaskState } from '../../api/otaTaskCancel';
import { operationError } from '../../helpers/nodeErrors';
import { iotActionExecute } from '../../helpers/perItem';
import { readJobId } from '../../helpers/parameterReaders';
import { jobIdProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { TASK_STATUS_LABELS } from './taskFilters';

const displayOptions = { show: { resource: ['otaTask'], operation: ['cancelByJob'] } };

/** One CancelOTATaskByJob flag each (docs/alibaba-api.md); the task states' labels are List by Job's. */
const STATE_CHOICES: Record<CancelableTaskState, { name: string; description: string }> = {
	CONFIRM: { name: TASK_STATUS_LABELS.CONFIRM, description: 'Tasks waiting for the user to confirm the upgrade (CancelUnconfirmedTask)' },
	QUEUED: { name: TASK_STATUS_LABELS.QUEUED, description: 'Tasks whose upgrade notice is not pushed yet (CancelQueuedTask)' },
	NOTIFIED: { name: TASK_STATUS_LABELS.NOTIFIED, description: 'Tasks whose device was told to upgrade (CancelNotifiedTask)' },
	IN_PROGRESS: { name: TASK_STATUS_LABELS.IN_PROGRESS, description: 'Devices upgrading now (CancelInProgressTask)' },
	SCHEDULED: { name: 'Scheduled', description: 'The tasks of a batch scheduled for later (CancelScheduledTask)' },
};

export const description = withDisplayOptions(displayOptions, [
	jobIdProperty('The OTA job (batch) whose device upgrades to cancel: its JobId'),
	{
		displayName: 'Task States to Cancel',
		name: 'taskStates',
		type: 'multiOptions',
		required: true,
		options: CANCELABLE_TASK_STATES.map((value) => ({ value, ...STATE_CHOICES[value] })),
		default: ['QUEUED', 'NOTIFIED'],
		description:
			'Cancel the tasks in these states; at least one. Tasks that already succeeded, failed or were canceled stay as they are.',
		hint: 'This stops device upgrades. It is never sent twice: when the outcome is unknown (timeout, dropped connection), the node fails instead of retrying.',
	},
	operationOptions(),
]);

/** CancelOTATaskByJob: one item per input item, what was asked and Alibaba's answer. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({ jobId: readJobId(context, itemIndex), states: readTaskStates(context, itemIndex) }),
	cancelOtaTasksByJob,
);

/** At least one known state, checked before any request is sent. */
function readTaskStates(context: IExecuteFunctions, itemIndex: number): CancelableTaskState[] {
	const value = context.getNodeParameter('taskStates', itemIndex, []) as unknown;
	const states = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((state) => String(state).trim().toUpperCase())
		.filter(Boolean);
	const unknown = states.filter((state) => !(CANCELABLE_TASK_STATES as readonly string[]).includes(state));
	if (states.length === 0 || unknown.length > 0) {
		throw operationError(
			context.getNode(),
			states.length === 0
				? `Task States to Cancel is empty (item ${itemIndex}): choose at least one state whose tasks to cancel`
				: `Task States to Cancel has unknown states (item ${itemIndex}): ${unknown.join(', ')}`,
			itemIndex,
			`Choose from ${CANCELABLE_TASK_STATES.join(', ')}. Alibaba Cloud refuses a cancel without any.`,
		);
	}
	return states as CancelableTaskState[];
}
