// CancelOTATaskByJob: cancels a job's tasks in the states its flags name (one flag per state), and
// answers only {RequestId, Success}. At least one flag must be set (docs/alibaba-api.md).
import { illegalRequest, jobNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import type { TaskStatus } from '../taskStates';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export const CANCEL_FLAGS = [
	'CancelScheduledTask',
	'CancelQueuedTask',
	'CancelInProgressTask',
	'CancelNotifiedTask',
	'CancelUnconfirmedTask',
] as const;

type CancelFlag = (typeof CANCEL_FLAGS)[number];

export function cancelOtaTaskByJob(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.JobId) return missingParameter('JobId');
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;

	const flags: Partial<Record<CancelFlag, boolean>> = {};
	for (const flag of CANCEL_FLAGS) {
		const text = params[flag];
		if (text === undefined || text === '') continue;
		if (!/^(true|false)$/i.test(text)) return illegalRequest(`${flag} must be true or false, not "${text}".`);
		flags[flag] = text.toLowerCase() === 'true';
	}
	// "Specify at least one of ... Otherwise, the request will fail." The Code is not documented (a GUESS);
	// a flag sent as false is read as not asking for anything.
	if (!CANCEL_FLAGS.some((flag) => flags[flag] === true)) {
		return illegalRequest(`Specify at least one of ${CANCEL_FLAGS.join(', ')} as true.`);
	}

	const entry = context.jobs.find(params.JobId, instance.iotInstanceId);
	if (!entry) return jobNotFound();
	const statuses = new Set<TaskStatus>();
	if (flags.CancelQueuedTask) statuses.add('QUEUED');
	// CONFIRM tasks go with CancelUnconfirmedTask=true, or with CancelQueuedTask when CancelUnconfirmedTask is not sent.
	if (flags.CancelUnconfirmedTask === true || (flags.CancelUnconfirmedTask === undefined && flags.CancelQueuedTask)) {
		statuses.add('CONFIRM');
	}
	if (flags.CancelNotifiedTask) statuses.add('NOTIFIED');
	if (flags.CancelInProgressTask) statuses.add('IN_PROGRESS');
	// "Cancel update tasks of a scheduled update batch": a job still waiting for its time (PLANNED).
	if (flags.CancelScheduledTask && entry.job.JobStatus === 'PLANNED') {
		statuses.add('QUEUED');
		statuses.add('CONFIRM');
	}
	context.jobs.cancelTasks(entry, statuses);
	return success({ Success: true });
}
