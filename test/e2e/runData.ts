// Reading `n8n execute --rawOutput` runs, and what the emulator says our nodes should show: a listing,
// the Firmware picker's entries, the trigger's test event.
import { FirmwareStore } from '../../tools/emulator/firmwareStore';
import { seedFixtures } from '../../tools/emulator/fixtures';
import type { FirmwareSpec, OtaJob } from '../../tools/emulator';

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

	/** `added`: the firmwares added to the running emulator after its start (EmulatorProcess.addedFirmwares). */
	constructor(added: readonly FirmwareSpec[] = []) {
		seedFixtures(this.store);
		for (const spec of added) this.store.add(spec);
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

	/** The job the trigger's test event shows: the newest (by UtcCreate) of these firmwares' jobs. */
	newestJob(firmwareIds: string[]): Record<string, unknown> {
		const jobs = firmwareIds.flatMap((firmwareId) => this.items(firmwareId));
		if (jobs.length === 0) throw new Error(`the emulator has no jobs for ${firmwareIds.join(', ')}`);
		// ISO timestamps of one format compare correctly as strings.
		return jobs.reduce((newest, job) => (String(job.UtcCreate) > String(newest.UtcCreate) ? job : newest));
	}

	/**
	 * The Firmware picker's entries: ListOTAFirmware's firmwares in its order (newest first), only
	 * the public instance's (the picker sends no IoT Instance ID), named "name → version (product)".
	 */
	firmwareEntries(): FirmwareEntry[] {
		return this.store
			.listNewestFirst()
			.filter((firmware) => firmware.iotInstanceId === undefined)
			.map((firmware) => ({
				firmwareId: firmware.firmwareId,
				name: `${firmware.name} → ${firmware.destVersion} (${firmware.productName})`,
			}));
	}
}

export interface FirmwareEntry {
	firmwareId: string;
	name: string;
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
