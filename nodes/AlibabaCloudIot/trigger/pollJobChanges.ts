import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { operationError, toNodeError } from '../helpers/nodeErrors';
import { iotInstanceIdOf } from '../helpers/sharedProperties';
import { createIotCaller, type IotCaller } from '../transport/iotCaller';
import { resolveIotCredentials } from '../transport/iotCredentials';
import { listOtaJobsByFirmware, type OtaJob } from '../api/otaJobs';
import { compareJobs, type FirmwareWatch, type JobEvent } from './jobWatch';

interface TriggerState extends IDataObject {
	firmwares?: Record<string, FirmwareWatch>;
}

/**
 * One poll: every watched firmware's jobs, compared with the last poll's. State lives in the
 * workflow's static data; the first poll only records it. In manual mode ("Fetch test event"),
 * the newest job stands in as a sample and the state is left alone.
 */
export async function pollJobChanges(context: IPollFunctions): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const firmwareIds = parseFirmwareIds(context.getNodeParameter('firmwareIds', '') as string);
	if (firmwareIds.length === 0) {
		throw operationError(node, 'Firmware IDs is empty: enter one or more firmware IDs, separated by commas', 0);
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const iotInstanceId = iotInstanceIdOf(options);

	try {
		const call = createIotCaller(resolveIotCredentials(await context.getCredentials('alibabaCloudIotApi')));
		if (context.getMode() === 'manual') return await newestJobSample(call, firmwareIds, iotInstanceId);

		const state = context.getWorkflowStaticData('node') as TriggerState;
		const previous = state.firmwares ?? {};
		const next: Record<string, FirmwareWatch> = {};
		const items: INodeExecutionData[] = [];
		for (const firmwareId of firmwareIds) {
			const jobs = await listOtaJobsByFirmware(call, { firmwareId, iotInstanceId });
			const { events, next: watch } = compareJobs(previous[firmwareId], jobs);
			next[firmwareId] = watch;
			items.push(...events.map(toItem));
		}
		// Replacing the map also forgets firmwares no longer watched.
		state.firmwares = next;
		return items;
	} catch (error) {
		throw toNodeError(node, error, 0);
	}
}

function parseFirmwareIds(value: string): string[] {
	return [...new Set(String(value ?? '').split(/[\s,]+/).filter(Boolean))];
}

async function newestJobSample(
	call: IotCaller,
	firmwareIds: string[],
	iotInstanceId: string | undefined,
): Promise<INodeExecutionData[]> {
	let newest: OtaJob | undefined;
	for (const firmwareId of firmwareIds) {
		const [job] = await listOtaJobsByFirmware(call, { firmwareId, iotInstanceId, limit: 1 });
		if (job && (!newest || job.UtcCreate > newest.UtcCreate)) newest = job;
	}
	return newest ? [toItem({ job: newest, event: 'created', previousStatus: null })] : [];
}

function toItem({ job, event, previousStatus }: JobEvent): INodeExecutionData {
	return { json: { ...job, Event: event, PreviousJobStatus: previousStatus } as IDataObject };
}
