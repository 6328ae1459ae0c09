// ConfirmOTATask: 1 to 10 TaskId.N, POST only (docs/alibaba-api.md). A CONFIRM task goes on to QUEUED;
// what Alibaba does with a task in another state is not documented: the emulator leaves it as it is.
import { gatewayError, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';
import { readBoundedList } from './taskWrites';

export function confirmOtaTask(params: Record<string, string>, context: ActionContext, method: string): Outcome {
	if (method !== 'POST') return gatewayError('UnsupportedHTTPMethod');
	const list = readBoundedList(params, 'TaskId', 10);
	if (!list.ok) return list.outcome;
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const now = Date.now();
	for (const taskId of list.values) {
		const found = context.jobs.findTask(taskId, instance.iotInstanceId);
		if (!found) continue;
		const tasks = context.jobs.tasksOf(found.entry);
		if (tasks.statusOf(found.index) === 'CONFIRM') tasks.move(found.index, 'QUEUED', now);
	}
	return success({ Success: true });
}
