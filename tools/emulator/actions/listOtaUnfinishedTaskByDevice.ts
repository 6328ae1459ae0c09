// ListOTAUnfinishedTaskByDevice: a device's unfinished tasks (ProductKey + DeviceName; IotId is not
// served by the emulator, which cannot map one back to a device), filtered by TaskStatusList.N.
import { jobSettingsOf } from '../jobDetails';
import { illegalRequest } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { simpleTaskInfo } from '../taskRecords';
import { sourceVersionsOf } from '../versions';
import { readInstance } from './instance';
import { numberedList } from './jobCreation';
import type { ActionContext } from './registry';
import { tasksOfDevice } from './taskWrites';

const UNFINISHED = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS'];

export function listOtaUnfinishedTaskByDevice(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.ProductKey && !params.IotId) return missingParameter('ProductKey');
	if (!params.DeviceName && !params.IotId) return missingParameter('DeviceName');
	if (!params.DeviceName) return illegalRequest('The emulator finds devices by ProductKey and DeviceName only.');
	const statuses = params.TaskStatus ? [params.TaskStatus] : numberedList(params, 'TaskStatusList');
	if (statuses.length === 0) return missingParameter('TaskStatusList.1');
	const unknown = statuses.find((status) => !UNFINISHED.includes(status));
	if (unknown) return illegalRequest(`TaskStatus "${unknown}" is not one of ${UNFINISHED.join(', ')}.`);
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;

	const entries = context.firmwares
		.listNewestFirst()
		.filter((fixture) => fixture.productKey === params.ProductKey && fixture.iotInstanceId === instance.iotInstanceId)
		.flatMap((fixture) => fixture.jobs.map((job) => context.jobs.entry(job.JobId)!))
		.filter(Boolean);
	const infos = tasksOfDevice(context.jobs, entries, params.DeviceName).flatMap(({ entry, index }) => {
		const tasks = context.jobs.tasksOf(entry);
		if (!statuses.includes(tasks.statusOf(index))) return [];
		const info = simpleTaskInfo(
			{ ...entry, tasks, sourceVersions: sourceVersionsOf(entry.fixture, entry.job.JobId), timeoutInMinutes: jobSettingsOf(entry.job).timeoutInMinutes },
			index,
		);
		context.jobs.rememberTask(String(info.TaskId), entry.job.JobId, index);
		return [info];
	});
	return success({ Success: true, ...(infos.length > 0 && { Data: { SimpleOTATaskInfo: infos } }) });
}
