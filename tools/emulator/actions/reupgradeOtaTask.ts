// ReupgradeOTATask: JobId and 1 to 10 TaskId.N of FAILED or CANCELED tasks, which go back to the queue
// (to CONFIRM when the job needs confirmation). The Code for a task in another state is a GUESS.
import { illegalRequest, jobNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';
import { readBoundedList } from './taskWrites';

export function reupgradeOtaTask(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.JobId) return missingParameter('JobId');
	const list = readBoundedList(params, 'TaskId', 10);
	if (!list.ok) return list.outcome;
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const entry = context.jobs.find(params.JobId, instance.iotInstanceId);
	if (!entry) return jobNotFound();
	const tasks = context.jobs.tasksOf(entry);
	const found = list.values.map((taskId) => context.jobs.findTask(taskId, instance.iotInstanceId));
	const bad = found.findIndex((task) => !task || task.entry.job.JobId !== entry.job.JobId || !['FAILED', 'CANCELED'].includes(tasks.statusOf(task.index)));
	if (bad !== -1) return illegalRequest(`Task ${list.values[bad]} of job ${params.JobId} is not FAILED or CANCELED.`);
	const now = Date.now();
	for (const task of found) tasks.move(task!.index, tasks.needConfirm ? 'CONFIRM' : 'QUEUED', now);
	if (entry.job.JobStatus === 'COMPLETED' || entry.job.JobStatus === 'CANCELED') {
		Object.assign(entry.job, { JobStatus: 'IN_PROGRESS', UtcModified: new Date(now).toISOString().replace(/\.\d{3}Z$/, '.000Z') });
		delete entry.job.UtcEndTime;
	}
	return success({ Success: true });
}
