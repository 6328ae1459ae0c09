// What a test asks of a job with device tasks, and what it gets back.
import type { TaskCounts, TaskStatus } from './taskStates';

/** What `addJobWithTasks` (and `POST /__emulator/jobs-with-tasks`) accepts. */
export interface JobSpec {
	/** A firmware the emulator has; the job goes to the head of its list (the newest). */
	firmwareId: string;
	/** Default: generated like the live ones (22 characters + "0200"). */
	jobId?: string;
	/** Number of device tasks, 0 to 2,000,000. */
	taskCount: number;
	/** Weights of each state at the start (counts that add up to taskCount are exact). Default: all QUEUED. */
	statusMix?: Partial<Record<TaskStatus, number>>;
	/** Share of tasks that end FAILED rather than SUCCEEDED when they leave IN_PROGRESS; default 0.1. */
	failureRate?: number;
	/** Default: derived from the firmware and its job count. */
	seed?: number;
}

/** A job's tasks at a glance: `counts` per TaskStatus add up to `total`. */
export interface JobTaskSummary {
	jobId: string;
	firmwareId: string;
	jobStatus: string;
	total: number;
	counts: TaskCounts;
}
