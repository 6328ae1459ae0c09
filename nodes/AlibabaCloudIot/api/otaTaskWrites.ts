import type { IotCaller } from '../transport/iotCaller';
import { writeInBatches } from './writeBatches';

/** Per-request maximums (docs/alibaba-api.md, "The write side"). */
export const MAX_TASK_IDS_PER_REQUEST = 10;
export const MAX_DEVICES_PER_CANCEL = 200;

export interface TaskWriteResult {
	Requests: number;
	RequestIds: string[];
	Success: true;
}

/** ConfirmOTATask: tasks waiting in CONFIRM go on, 10 per request. */
export async function confirmOtaTasks(
	call: IotCaller,
	request: { taskIds: string[]; iotInstanceId?: string },
): Promise<TaskWriteResult & { TaskIds: string[] }> {
	const result = await writeInBatches(call, {
		action: 'ConfirmOTATask',
		listName: 'TaskId',
		values: request.taskIds,
		perRequest: MAX_TASK_IDS_PER_REQUEST,
		params: { IotInstanceId: request.iotInstanceId },
		what: 'task IDs',
	});
	return { TaskIds: result.done, Requests: result.requests, RequestIds: result.requestIds, Success: true };
}

/** ReupgradeOTATask: FAILED or CANCELED tasks of one job are upgraded again, 10 per request. */
export async function reupgradeOtaTasks(
	call: IotCaller,
	request: { jobId: string; taskIds: string[]; iotInstanceId?: string },
): Promise<TaskWriteResult & { JobId: string; TaskIds: string[] }> {
	const result = await writeInBatches(call, {
		action: 'ReupgradeOTATask',
		listName: 'TaskId',
		values: request.taskIds,
		perRequest: MAX_TASK_IDS_PER_REQUEST,
		params: { JobId: request.jobId, IotInstanceId: request.iotInstanceId },
		what: 'task IDs',
	});
	return { JobId: request.jobId, TaskIds: result.done, Requests: result.requests, RequestIds: result.requestIds, Success: true };
}

/** CancelOTATaskByDevice: the devices' unfinished tasks of a firmware (or one job), 200 devices per request. */
export async function cancelOtaTasksByDevice(
	call: IotCaller,
	request: { productKey: string; firmwareId: string; deviceNames: string[]; jobId?: string; iotInstanceId?: string },
): Promise<TaskWriteResult & { ProductKey: string; FirmwareId: string; JobId?: string; DeviceNames: string[] }> {
	const result = await writeInBatches(call, {
		action: 'CancelOTATaskByDevice',
		listName: 'DeviceName',
		values: request.deviceNames,
		perRequest: MAX_DEVICES_PER_CANCEL,
		params: { ProductKey: request.productKey, FirmwareId: request.firmwareId, JobId: request.jobId, IotInstanceId: request.iotInstanceId },
		what: 'device names',
	});
	return {
		ProductKey: request.productKey,
		FirmwareId: request.firmwareId,
		...(request.jobId && { JobId: request.jobId }),
		DeviceNames: result.done,
		Requests: result.requests,
		RequestIds: result.requestIds,
		Success: true,
	};
}
