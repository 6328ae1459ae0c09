// Every job of every firmware, found by JobId, with its device tasks. A fixture job's tasks are made on
// first use from its JobId (few, and consistent with its JobStatus); addJobWithTasks makes a job with as
// many tasks as asked. Advancing and canceling tasks update the job's JobStatus the list answers show.
import type { FirmwareStore } from './firmwareStore';
import { generateJob, iso } from './jobGenerator';
import { allocateStatuses, JobTasks } from './jobTasks';
import type { JobSpec, JobTaskSummary } from './jobSpec';
import { hashSeed, mulberry32, randomInt } from './prng';
import { STATUS_CODE, type TaskStatus } from './taskStates';
import type { FirmwareFixture, OtaJob } from './types';

export interface JobEntry {
	fixture: FirmwareFixture;
	job: OtaJob;
}

export const MAX_TASK_COUNT = 2_000_000;
const DEFAULT_FAILURE_RATE = 0.1;

/** Task states of a fixture job, by its JobStatus (weights). */
const FIXTURE_MIX: Record<string, Partial<Record<TaskStatus, number>>> = {
	PLANNED: { QUEUED: 1 },
	IN_PROGRESS: { CONFIRM: 1, QUEUED: 4, NOTIFIED: 3, IN_PROGRESS: 4, SUCCEEDED: 6, FAILED: 1, CANCELED: 1 },
	COMPLETED: { SUCCEEDED: 17, FAILED: 2, CANCELED: 1 },
	CANCELED: { SUCCEEDED: 4, FAILED: 1, CANCELED: 5 },
};

export class JobRegistry {
	private readonly byId = new Map<string, JobEntry>();
	/** How many jobs of each firmware are in `byId`: a firmware whose list grew is indexed again. */
	private readonly indexedJobCount = new WeakMap<FirmwareFixture, number>();
	private readonly tasksByJob = new WeakMap<OtaJob, JobTasks>();
	/** Jobs made by the create actions: the ones the fleet clock moves on (see `advanceCreatedJobs`). */
	private readonly createdJobIds = new Set<string>();
	/** TaskIds as served by a listing: a client only knows a TaskId it was given. */
	private readonly servedTasks = new Map<string, { jobId: string; index: number }>();

	constructor(private readonly firmwares: FirmwareStore) {}

	/** As the API sees it: a job of an Enterprise instance's firmware only through that instance. */
	find(jobId: string, iotInstanceId: string | undefined): JobEntry | undefined {
		const entry = this.entry(jobId);
		return entry && entry.fixture.iotInstanceId === iotInstanceId ? entry : undefined;
	}

	entry(jobId: string): JobEntry | undefined {
		const cached = this.current(jobId);
		if (cached) return cached;
		this.indexNewJobs();
		return this.current(jobId);
	}

	rememberTask(taskId: string, jobId: string, index: number): void {
		this.servedTasks.set(taskId, { jobId, index });
	}

	/** A task served before, with its job; undefined for a TaskId no listing gave out. */
	findTask(taskId: string, iotInstanceId: string | undefined): { entry: JobEntry; index: number } | undefined {
		const served = this.servedTasks.get(taskId);
		const entry = served && this.find(served.jobId, iotInstanceId);
		return entry && served ? { entry, index: served.index } : undefined;
	}

	tasksOf({ job }: JobEntry): JobTasks {
		let tasks = this.tasksByJob.get(job);
		if (!tasks) {
			tasks = fixtureTasks(job);
			this.tasksByJob.set(job, tasks);
		}
		return tasks;
	}

	addJobWithTasks(spec: JobSpec): JobTaskSummary {
		const fixture = this.firmwares.get(spec?.firmwareId);
		if (!fixture) throw new Error(`firmwareId "${String(spec?.firmwareId)}" is not a firmware of the emulator`);
		const { taskCount } = spec;
		if (!Number.isInteger(taskCount) || taskCount < 0 || taskCount > MAX_TASK_COUNT) {
			throw new Error(`taskCount must be an integer from 0 to ${MAX_TASK_COUNT}`);
		}
		const failureRate = spec.failureRate ?? DEFAULT_FAILURE_RATE;
		if (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1)) throw new Error('failureRate must be from 0 to 1');
		if (spec.jobId !== undefined && (typeof spec.jobId !== 'string' || spec.jobId === '')) throw new Error('jobId must be a non-empty string');
		if (spec.jobId !== undefined && this.entry(spec.jobId)) throw new Error(`jobId "${spec.jobId}" already exists`);

		const seed = spec.seed ?? hashSeed(fixture.firmwareId, fixture.jobs.length);
		const mix = spec.statusMix ?? { QUEUED: 1 };
		const statuses = taskCount === 0 ? new Uint8Array(0) : allocateStatuses(taskCount, mix, seed);
		const now = Date.now();
		const job = generateJob(mulberry32(seed), fixture.firmwareId, fixture.productKey, now, new Set(fixture.jobs.map((j) => j.JobId)));
		// A job just created by a batch upgrade is running, whatever the generator rolled.
		Object.assign(job, {
			JobId: spec.jobId ?? job.JobId,
			JobStatus: 'IN_PROGRESS',
			JobType: 'UPGRADE_FIRMWARE',
			SelectionType: 'STATIC',
			TargetSelection: 'SPECIFIC',
			UtcStartTime: iso(now),
			UtcModified: iso(now),
		});
		delete job.UtcEndTime;
		const tasks = new JobTasks(seed, now, statuses, failureRate, (mix.CONFIRM ?? 0) > 0);
		fixture.jobs.unshift(job);
		this.tasksByJob.set(job, tasks);
		this.indexNewJobs();
		settleJobStatus(job, tasks, now);
		return summaryOf({ fixture, job }, tasks);
	}

	/**
	 * A job a create action made: `addJobWithTasks`, then the fields the action set (type, selection,
	 * target, tags). A PLANNED job (scheduled for later) keeps that status until its tasks move.
	 */
	createJob(spec: JobSpec, fields: Partial<OtaJob>): JobEntry {
		const { jobId } = this.addJobWithTasks(spec);
		this.createdJobIds.add(jobId);
		const entry = this.require(jobId);
		Object.assign(entry.job, fields);
		if (fields.Tags === undefined) delete entry.job.Tags;
		return entry;
	}

	/**
	 * One tick of the fleet clock: every job a create action made that is still running moves its
	 * tasks one state on, as devices would (a scheduled job waits for its ScheduleTime).
	 */
	advanceCreatedJobs(now = Date.now()): void {
		for (const jobId of this.createdJobIds) {
			const entry = this.entry(jobId);
			if (!entry || !['IN_PROGRESS', 'PLANNED'].includes(entry.job.JobStatus)) {
				this.createdJobIds.delete(jobId);
				continue;
			}
			if (entry.job.JobStatus === 'PLANNED' && Date.parse(entry.job.UtcStartTime ?? '') > now) continue;
			if (entry.job.JobStatus === 'IN_PROGRESS' && entry.job.SelectionType === 'DYNAMIC') continue;
			this.advanceTasks(jobId, 1);
		}
	}

	/** A dynamic job's policy ends: its open tasks are canceled and the job is CANCELED at once. */
	cancelJob(entry: JobEntry, now = Date.now()): void {
		this.tasksOf(entry).cancel(new Set<TaskStatus>(['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS']), now);
		Object.assign(entry.job, { JobStatus: 'CANCELED', UtcEndTime: iso(now), UtcModified: iso(now) });
	}

	/** Moves every unfinished task of the job `steps` states on (CONFIRM/QUEUED -> NOTIFIED -> IN_PROGRESS -> SUCCEEDED/FAILED). */
	advanceTasks(jobId: string, steps = 1): JobTaskSummary {
		if (!Number.isInteger(steps) || steps < 1 || steps > 10) throw new Error('steps must be an integer from 1 to 10');
		const entry = this.require(jobId);
		const tasks = this.tasksOf(entry);
		const now = Date.now();
		if (tasks.advance(steps, now) > 0) {
			if (entry.job.JobStatus === 'PLANNED') entry.job.UtcStartTime = iso(now);
			if (entry.job.JobStatus === 'PLANNED') entry.job.JobStatus = 'IN_PROGRESS';
			entry.job.UtcModified = iso(now);
		}
		settleJobStatus(entry.job, tasks, now);
		settleVerification(entry, tasks);
		return summaryOf(entry, tasks);
	}

	cancelTasks(entry: JobEntry, statuses: ReadonlySet<TaskStatus>): number {
		const tasks = this.tasksOf(entry);
		const now = Date.now();
		const canceled = tasks.cancel(statuses, now);
		if (canceled > 0) entry.job.UtcModified = iso(now);
		settleJobStatus(entry.job, tasks, now);
		return canceled;
	}

	taskSummary(jobId: string): JobTaskSummary {
		const entry = this.require(jobId);
		return summaryOf(entry, this.tasksOf(entry));
	}

	private require(jobId: string): JobEntry {
		const entry = typeof jobId === 'string' ? this.entry(jobId) : undefined;
		if (!entry) throw new Error(`jobId "${String(jobId)}" is not a job of the emulator`);
		return entry;
	}

	/** The indexed entry, unless its firmware has since been replaced. */
	private current(jobId: string): JobEntry | undefined {
		const entry = this.byId.get(jobId);
		if (entry && this.firmwares.get(entry.fixture.firmwareId) === entry.fixture) return entry;
		if (entry) this.byId.delete(jobId);
		return undefined;
	}

	private indexNewJobs(): void {
		for (const fixture of this.firmwares.listNewestFirst()) {
			if (this.indexedJobCount.get(fixture) === fixture.jobs.length) continue;
			for (const job of fixture.jobs) this.byId.set(job.JobId, { fixture, job });
			this.indexedJobCount.set(fixture, fixture.jobs.length);
		}
	}
}

/**
 * Not documented: what JobStatus a job gets when its last task ends. The emulator says COMPLETED, or
 * CANCELED for a job that never started (PLANNED) and had its tasks canceled.
 */
function settleJobStatus(job: OtaJob, tasks: JobTasks, now: number): void {
	const open = job.JobStatus === 'IN_PROGRESS' || job.JobStatus === 'PLANNED';
	if (!open || tasks.size === 0 || !tasks.allEnded()) return;
	job.JobStatus = job.JobStatus === 'PLANNED' ? 'CANCELED' : 'COMPLETED';
	job.UtcEndTime = iso(now);
	job.UtcModified = iso(now);
}

/**
 * A verify job that ended decides its firmware's status: 1 (verified) when every test device
 * succeeded, 3 (verification failed) otherwise. Alibaba documents the statuses, not this rule.
 */
function settleVerification({ fixture, job }: JobEntry, tasks: JobTasks): void {
	if (job.JobType !== 'VERIFY_FIRMWARE' || fixture.status !== 2 || job.JobStatus === 'IN_PROGRESS') return;
	fixture.status = tasks.count('SUCCEEDED') === tasks.size ? 1 : 3;
}

function fixtureTasks(job: OtaJob): JobTasks {
	const seed = hashSeed(job.JobId, 0x7a5c);
	const random = mulberry32(seed);
	const size = job.JobType === 'UPGRADE_FIRMWARE' ? randomInt(random, 3, 60) : randomInt(random, 1, 5);
	const mix = FIXTURE_MIX[job.JobStatus] ?? FIXTURE_MIX.COMPLETED;
	const statuses = allocateStatuses(size, mix, seed);
	const startMs = Date.parse(job.UtcStartTime ?? job.UtcCreate);
	const endMs = Date.parse(job.UtcEndTime ?? job.UtcModified);
	const spreadSeconds = Math.max(0, Math.floor((endMs - startMs) / 1000));
	const needConfirm = statuses.includes(STATUS_CODE.CONFIRM);
	return new JobTasks(seed, Date.parse(job.UtcCreate), statuses, DEFAULT_FAILURE_RATE, needConfirm, spreadSeconds);
}

function summaryOf({ fixture, job }: JobEntry, tasks: JobTasks): JobTaskSummary {
	return { jobId: job.JobId, firmwareId: fixture.firmwareId, jobStatus: job.JobStatus, total: tasks.size, counts: tasks.countsByStatus() };
}
