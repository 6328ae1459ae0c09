// The firmware the trigger watches, changed through the emulator's control API while n8n runs:
// a job created, a job's status changed. Each change answers the job as the emulator now serves it.
import type { OtaJob } from '../../../tools/emulator';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';

export class WatchedFirmware {
	private constructor(
		private readonly emulator: EmulatorProcess,
		readonly firmwareId: string,
	) {}

	static async add(emulator: EmulatorProcess, firmwareId: string, jobCount: number, seed: number): Promise<WatchedFirmware> {
		await emulator.addFirmware({ firmwareId, jobCount, seed });
		return new WatchedFirmware(emulator, firmwareId);
	}

	/** A new job, created now and in progress (so that its status can change). */
	async createJob(): Promise<OtaJob> {
		return await this.emulator.addJob(this.firmwareId, { JobStatus: 'IN_PROGRESS' });
	}

	async setStatus(jobId: string, status: string): Promise<OtaJob> {
		return await this.emulator.setJobStatus(jobId, status);
	}

	/** The job as the trigger puts it out: the API's fields, Tags unwrapped. */
	static asItem(job: OtaJob): Record<string, unknown> {
		return { ...job, Tags: job.Tags?.OtaTagDTO ?? [] };
	}
}
