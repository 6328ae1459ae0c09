// One element of ListOTATaskByJob's `Data.SimpleOTATaskInfo[]`, built from the job and the task's index
// (field names from the SDK model, docs/alibaba-api.md). Devices are named device000001, device000002, ...
import { iso } from './jobGenerator';
import type { JobTasks } from './jobTasks';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';
import type { FirmwareFixture, OtaJob } from './types';

const DEVICE_NAME_PATTERN = /^device(\d+)$/;

export function deviceNameOf(index: number): string {
	return `device${String(index + 1).padStart(6, '0')}`;
}

/** The task index of a device name, or -1 for a name no task of this job has. */
export function indexOfDevice(deviceName: string, tasks: JobTasks): number {
	const match = DEVICE_NAME_PATTERN.exec(deviceName);
	const index = match ? Number(match[1]) - 1 : -1;
	return index >= 0 && index < tasks.size ? index : -1;
}

export interface TaskContext {
	fixture: FirmwareFixture;
	job: OtaJob;
	tasks: JobTasks;
	sourceVersions: readonly string[];
	/** QueryOTAJob's TimeoutInMinutes, when the job has one. */
	timeoutInMinutes?: number;
}

export function simpleTaskInfo({ fixture, job, tasks, sourceVersions, timeoutInMinutes }: TaskContext, index: number): Record<string, unknown> {
	const status = tasks.statusOf(index);
	const deviceName = deviceNameOf(index);
	return {
		DestVersion: fixture.destVersion,
		DeviceName: deviceName,
		FirmwareId: fixture.firmwareId,
		IotId: iotIdOf(job.ProductKey, deviceName),
		JobId: job.JobId,
		ProductKey: job.ProductKey,
		ProductName: fixture.productName,
		Progress: progressOf(tasks, index),
		SrcVersion: sourceVersions[Math.floor(tasks.unit(index, 0x5c) * sourceVersions.length)],
		...(taskDescOf(status) !== undefined && { TaskDesc: taskDescOf(status) }),
		TaskId: taskIdOf(job.JobId, index),
		TaskStatus: status,
		// Documented as null when the job has no timeout; left out here, as other absent fields are.
		...(timeoutInMinutes !== undefined && { Timeout: String(timeoutInMinutes) }),
		UtcCreate: iso(tasks.createdMs),
		UtcModified: iso(tasks.modifiedMsOf(index)),
	};
}

/** A String in the SDK model; the live values are not documented beyond "the current update progress". */
function progressOf(tasks: JobTasks, index: number): string {
	switch (tasks.statusOf(index)) {
		case 'SUCCEEDED':
			return '100';
		case 'IN_PROGRESS':
			return String(1 + Math.floor(tasks.unit(index, 0x9a) * 99));
		case 'FAILED':
			return String(Math.floor(tasks.unit(index, 0x9a) * 100));
		default:
			return '0';
	}
}

/** "Displays an error message if the device update times out or the update task is canceled" (SDK model). */
function taskDescOf(status: string): string | undefined {
	if (status === 'FAILED') return 'The device upgrade failed or timed out.';
	if (status === 'CANCELED') return 'The upgrade task was canceled.';
	return undefined;
}

/** Formats of TaskId and IotId are not documented; these are unique and the same on every run. */
function taskIdOf(jobId: string, index: number): string {
	return randomAlphanumeric(mulberry32(hashSeed(jobId, index)), 16) + index.toString(36).padStart(6, '0') + '0300';
}

function iotIdOf(productKey: string, deviceName: string): string {
	return randomAlphanumeric(mulberry32(hashSeed(`${productKey}/${deviceName}`)), 20) + '000100';
}
