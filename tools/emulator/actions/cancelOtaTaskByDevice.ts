// CancelOTATaskByDevice: ProductKey, FirmwareId, 1 to 200 DeviceName.N and an optional JobId; the
// devices' unfinished tasks of that firmware (or of that job) are canceled (docs/alibaba-api.md).
import { firmwareNotFound, jobNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';
import { readBoundedList, tasksOfDevice } from './taskWrites';

const UNFINISHED = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS'];

export function cancelOtaTaskByDevice(params: Record<string, string>, context: ActionContext): Outcome {
	for (const name of ['ProductKey', 'FirmwareId']) if (!params[name]) return missingParameter(name);
	const list = readBoundedList(params, 'DeviceName', 200);
	if (!list.ok) return list.outcome;
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const fixture = context.firmwares.find(params.FirmwareId, instance.iotInstanceId);
	if (!fixture) return firmwareNotFound();
	const entries = params.JobId
		? [context.jobs.find(params.JobId, instance.iotInstanceId)]
		: fixture.jobs.map((job) => context.jobs.entry(job.JobId));
	if (entries.some((entry) => !entry)) return jobNotFound();
	const now = Date.now();
	for (const deviceName of list.values) {
		for (const { entry, index } of tasksOfDevice(context.jobs, entries.map((entry) => entry!), deviceName)) {
			const tasks = context.jobs.tasksOf(entry);
			if (UNFINISHED.includes(tasks.statusOf(index))) tasks.move(index, 'CANCELED', now);
		}
	}
	return success({ Success: true });
}
