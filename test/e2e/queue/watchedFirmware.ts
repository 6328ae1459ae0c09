// The firmware the trigger watches, changed through the emulator's control API: a job created,
// a job's status changed. Returns each job as the emulator now serves it.
import type { FirmwareSpec, OtaJob } from '../../emulator';
import { generateJob, generateJobs, iso } from '../../emulator/jobGenerator';
import { hashSeed, mulberry32 } from '../../emulator/prng';
import type { EmulatorProcess } from '../emulatorProcess';

export class WatchedFirmware {
	private jobs: OtaJob[];
	private readonly random;

	private constructor(
		private readonly emulator: EmulatorProcess,
		readonly spec: FirmwareSpec & { productKey: string },
	) {
		this.jobs = generateJobs(spec.firmwareId, spec.jobCount ?? 0, spec.seed ?? 0, spec.productKey);
		this.random = mulberry32(hashSeed('new jobs', spec.seed ?? 0));
	}

	get firmwareId(): string {
		return this.spec.firmwareId;
	}

	static async add(emulator: EmulatorProcess, firmwareId: string, jobCount: number, seed: number): Promise<WatchedFirmware> {
		const watched = new WatchedFirmware(emulator, { firmwareId, jobCount, seed, productKey: `a1QueueE2e${seed % 10}` });
		await watched.publish();
		return watched;
	}

	/** A new job, created now and in progress (so that its status can change). */
	async createJob(): Promise<OtaJob> {
		const now = Date.now();
		const job: OtaJob = {
			...generateJob(this.random, this.spec.firmwareId, this.spec.productKey, now, new Set(this.jobs.map((other) => other.JobId))),
			JobStatus: 'IN_PROGRESS',
			UtcStartTime: iso(now),
			UtcModified: iso(now),
		};
		// An open job has not ended.
		delete job.UtcEndTime;
		this.jobs = [job, ...this.jobs];
		await this.publish();
		return job;
	}

	async setStatus(jobId: string, status: string): Promise<OtaJob> {
		const index = this.jobs.findIndex((job) => job.JobId === jobId);
		if (index === -1) throw new Error(`no job ${jobId} in ${this.spec.firmwareId}`);
		const now = iso(Date.now());
		const job: OtaJob = { ...this.jobs[index], JobStatus: status, UtcModified: now, UtcEndTime: now };
		this.jobs = this.jobs.map((other, at) => (at === index ? job : other));
		await this.publish();
		return job;
	}

	/** The job as the trigger puts it out: the API's fields, Tags unwrapped. */
	static asItem(job: OtaJob): Record<string, unknown> {
		return { ...job, Tags: job.Tags?.OtaTagDTO ?? [] };
	}

	private async publish(): Promise<void> {
		await this.emulator.addFirmware({ ...this.spec, jobs: this.jobs });
	}
}
