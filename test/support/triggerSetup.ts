// What the trigger's engine tests share: polls through n8n-core's PollContext against the emulator,
// firmwares built job by job, and the requests each poll cost.
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudIotTrigger } from '../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node';
import type { FirmwareWatch } from '../../nodes/AlibabaCloudIot/trigger/jobWatch';
import { generateJobs, type Emulator, type OtaJob, type RecordedRequest } from '../../tools/emulator';
import { pollOnce } from '../harness';
import { credentialFor } from './alibabaNode';

export interface PollRun {
	/** The emitted items' json; [] for a poll that returned null. */
	events: IDataObject[];
	/** The ListOTAJobByFirmware requests this poll sent, in order. */
	requests: RecordedRequest[];
}

export interface PollSettings {
	mode?: 'manual' | 'trigger';
	pollBudgetMs?: number;
	parameters?: INodeParameters;
}

/** The trigger's parameters watching `firmwareIds`, each picked as the editor's picker saves it. */
export function watching(...firmwareIds: string[]): INodeParameters {
	return {
		event: 'otaJobCreatedOrStatusChanged',
		firmwares: { firmware: firmwareIds.map((value) => ({ firmwareId: { __rl: true, mode: 'list', value } })) },
	};
}

export function triggerPolls(emulator: Emulator) {
	return async function poll(firmwareIds: string[], staticData: IDataObject, settings: PollSettings = {}): Promise<PollRun> {
		const before = emulator.requests.length;
		const result: INodeExecutionData[][] | null = await pollOnce({
			node: {
				type: new AlibabaCloudIotTrigger(),
				parameters: settings.parameters ?? watching(...firmwareIds),
				credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } },
			},
			// No client-side pacing: these tests count requests, they do not time them.
			credentials: {
				alibabaCloudIotApi: credentialFor(emulator, 'active', { maxRequestsPerSecond: 0 }) as ICredentialDataDecryptedObject,
			},
			mode: settings.mode ?? 'trigger',
			staticData,
			pollBudgetMs: settings.pollBudgetMs,
		});
		const requests = emulator.requests.slice(before).filter((request) => request.action === 'ListOTAJobByFirmware');
		return { events: (result?.[0] ?? []).map((item) => item.json), requests };
	};
}

let serial = 0;

/** A fresh firmware ID, unique across the test file. */
export function newFirmwareId(label: string): string {
	return `Fw${label}${String(++serial).padStart(8, '0')}`.slice(0, 26);
}

/**
 * A firmware of `count` jobs, all completed except the `open` newest ones (by creation), which are
 * running; `order` as the emulator lists them. Returns the jobs newest first.
 */
export function addFirmware(
	emulator: Emulator,
	firmwareId: string,
	{ count, open = 0, order = 'newestFirst' }: { count: number; open?: number; order?: 'newestFirst' | 'oldestFirst' },
): OtaJob[] {
	const jobs = generateJobs(firmwareId, count, serial).map((job, index) =>
		index < open ? { ...job, JobStatus: 'IN_PROGRESS', UtcEndTime: undefined } : { ...job, JobStatus: 'COMPLETED' },
	);
	for (const job of jobs) if (job.UtcEndTime === undefined) delete job.UtcEndTime;
	emulator.addFirmware({ firmwareId, jobs, order });
	return emulator.firmware(firmwareId)!.jobs;
}

/** The trigger's memory of one firmware, read from the static data as n8n stores it. */
export function watchOf(staticData: IDataObject, firmwareId: string): FirmwareWatch {
	return (staticData.firmwares as Record<string, FirmwareWatch>)[firmwareId];
}

/** The page numbers of a poll's requests, e.g. [1, 2, 3]. */
export function pagesOf(run: PollRun): number[] {
	return run.requests.map((request) => Number(request.params.CurrentPage));
}

/** Each event as [Event, JobId, PreviousJobStatus, JobStatus]. */
export function eventsOf(run: PollRun): Array<[unknown, unknown, unknown, unknown]> {
	return run.events.map((event) => [event.Event, event.JobId, event.PreviousJobStatus, event.JobStatus]);
}
