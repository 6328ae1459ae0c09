import type { IotCaller } from '../transport/iotCaller';
import type { OtaTask } from './otaTasks';
import { unwrapList } from './records';

/** The states ListOTAUnfinishedTaskByDevice can be asked for (docs/alibaba-api.md). */
export const UNFINISHED_TASK_STATES = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS'] as const;

/** A device's unfinished upgrade tasks, one record each (`Data.SimpleOTATaskInfo[]` unwrapped). */
export async function listUnfinishedOtaTasksByDevice(
	call: IotCaller,
	request: { productKey?: string; deviceName?: string; iotId?: string; taskStatuses: string[]; moduleName?: string; iotInstanceId?: string },
): Promise<OtaTask[]> {
	const params: Record<string, string | undefined> = {
		ProductKey: request.productKey,
		DeviceName: request.deviceName,
		IotId: request.iotId,
		ModuleName: request.moduleName,
		IotInstanceId: request.iotInstanceId,
	};
	request.taskStatuses.forEach((status, index) => (params[`TaskStatusList.${index + 1}`] = status));
	const answer = await call('ListOTAUnfinishedTaskByDevice', params);
	return unwrapList(answer.Data, 'SimpleOTATaskInfo') as OtaTask[];
}
