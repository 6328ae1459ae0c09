import { isFinalJobStatus } from '../api/otaEnums';
import type { OtaJob } from '../api/otaJobs';

/**
 * What the trigger remembers of one firmware between polls, kept small: the newest creation
 * time seen (with the jobs created at that instant, as Gmail Trigger does at its boundary) and
 * the status of each job that can still change.
 */
export interface FirmwareWatch {
	newestCreate: string;
	idsAtNewest: string[];
	/** JobId -> JobStatus, for jobs not yet completed or canceled. */
	open: Record<string, string>;
}

type JobEventKind = 'created' | 'statusChanged';

export interface JobEvent {
	job: OtaJob;
	event: JobEventKind;
	previousStatus: string | null;
}

/** Open jobs remembered per firmware; the newest are kept. */
export const MAX_OPEN_JOBS = 2000;

/**
 * Compares the jobs listed now (API order, newest first) with what the last poll saw.
 * Without a previous watch this is the baseline: nothing is reported.
 */
export function compareJobs(
	previous: FirmwareWatch | undefined,
	jobs: OtaJob[],
): { events: JobEvent[]; next: FirmwareWatch } {
	const events: JobEvent[] = [];
	if (previous) {
		for (const job of jobs) {
			const isNew =
				job.UtcCreate > previous.newestCreate ||
				(job.UtcCreate === previous.newestCreate && !previous.idsAtNewest.includes(job.JobId));
			const before = previous.open[job.JobId];
			if (isNew) events.push({ job, event: 'created', previousStatus: null });
			else if (before !== undefined && before !== job.JobStatus) {
				events.push({ job, event: 'statusChanged', previousStatus: before });
			}
		}
	}
	return { events, next: watchOf(previous, jobs) };
}

function watchOf(previous: FirmwareWatch | undefined, jobs: OtaJob[]): FirmwareWatch {
	let newestCreate = previous?.newestCreate ?? '';
	for (const job of jobs) if (job.UtcCreate > newestCreate) newestCreate = job.UtcCreate;
	const idsAtNewest = new Set(newestCreate === previous?.newestCreate ? previous.idsAtNewest : []);
	for (const job of jobs) if (job.UtcCreate === newestCreate) idsAtNewest.add(job.JobId);

	const open: Record<string, string> = {};
	let kept = 0;
	for (const job of jobs) {
		if (kept >= MAX_OPEN_JOBS) break;
		if (isFinalJobStatus(job.JobStatus)) continue;
		open[job.JobId] = job.JobStatus;
		kept++;
	}
	return { newestCreate, idsAtNewest: [...idsAtNewest], open };
}
