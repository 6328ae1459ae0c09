// Reading `n8n execute --rawOutput` runs, and what the emulator says a listing should return.
import { FirmwareStore } from '../emulator/firmwareStore';
import { seedFixtures } from '../emulator/fixtures';
import type { FirmwareSpec, OtaJob } from '../emulator';

export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: RunItem[][] };
}

export interface CliRun {
	status?: string;
	data?: {
		resultData?: {
			runData?: Record<string, TaskData[]>;
			error?: { message?: string; description?: string; node?: { type?: string } };
		};
	};
}

function taskOf(run: unknown, nodeName: string): TaskData | undefined {
	return (run as CliRun | undefined)?.data?.resultData?.runData?.[nodeName]?.[0];
}

export function itemsOf(run: unknown, nodeName: string): RunItem[] {
	const task = taskOf(run, nodeName);
	if (!task) throw new Error(`the run has no data for node "${nodeName}"`);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return task.data?.main?.[0] ?? [];
}

/** The emulator's own fixtures (same code, same seeds): the jobs it serves for each firmware. */
export class ExpectedJobs {
	private readonly store = new FirmwareStore();

	constructor() {
		seedFixtures(this.store);
	}

	/** Registers a firmware that the test also adds to the running emulator. */
	add(spec: FirmwareSpec): void {
		this.store.add(spec);
	}

	/** Items as our node should output them: the API's SimpleOTAJobInfo fields, Tags unwrapped. */
	items(firmwareId: string): Array<Record<string, unknown>> {
		const fixture = this.store.get(firmwareId);
		if (!fixture) throw new Error(`the emulator has no firmware ${firmwareId}`);
		return fixture.jobs.map((job: OtaJob) => ({ ...job, Tags: job.Tags?.OtaTagDTO ?? [] }));
	}
}

/** The fields of SimpleOTAJobInfo in ListOTAJobByFirmware's answer. */
export const SIMPLE_OTA_JOB_INFO_FIELDS = [
	'FirmwareId',
	'JobId',
	'JobStatus',
	'JobType',
	'ProductKey',
	'SelectionType',
	'Tags',
	'TargetSelection',
	'UtcCreate',
	'UtcEndTime',
	'UtcModified',
	'UtcStartTime',
] as const;
