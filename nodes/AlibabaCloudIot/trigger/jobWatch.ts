import { canonicalEnumValue, isFinalJobStatus } from '../api/otaEnums';
import type { OtaJob } from '../api/otaJobs';
import { createdAt, instantOf, isoOf, newestFirst } from './jobOrder';

/**
 * What the trigger remembers of one firmware between polls, as JSON in the workflow's static
 * data, kept small: the newest creation time seen (with the jobs created at that instant, as
 * Gmail Trigger does at its boundary), the status of the newest jobs that can still change, and
 * what the cheap read of the next poll needs. A state saved by version 0.1 (the first three
 * fields only) is read as it is: its next poll lists every job.
 */
export interface FirmwareWatch {
	/** Newest creation time seen (ISO 8601 UTC); '' before the firmware had a job. */
	newestCreate: string;
	/** Jobs created at exactly that instant: another job with the same time is still new. */
	idsAtNewest: string[];
	/** JobId -> JobStatus as listed, for the newest MAX_OPEN_JOBS jobs not completed or canceled. */
	open: Record<string, string>;
	/** Creation time of the oldest job in `open`: a cheap read goes at least this far. */
	oldestOpenCreate?: string;
	/** Creation times never increased along the last full listing, nor along any read since. */
	newestFirst?: boolean;
	/** Creation times never decreased along them (and did change: a list that is both counts as newest first). */
	oldestFirst?: boolean;
	/** How many jobs the firmware had at the last read: where an oldest-first list ends. */
	total?: number;
	/** When the last full listing ran (ms since epoch). */
	listedAt?: number;
	/** When a poll last finished this firmware (ms): the least recently checked go first. */
	checkedAt?: number;
}

type JobEventKind = 'created' | 'statusChanged';

export interface JobEvent {
	job: OtaJob;
	event: JobEventKind;
	previousStatus: string | null;
}

/** Open jobs remembered per firmware; the newest are kept, whatever order the API lists them in. */
export const MAX_OPEN_JOBS = 2000;

/** What a poll read of one firmware: every job, or every job from the newest down to a point. */
export interface JobsRead {
	jobs: OtaJob[];
	/** Every job of the firmware (a full listing), not only the newest. */
	complete: boolean;
	/** Creation times never increased along the list as read. */
	newestFirst: boolean;
	/** Creation times never decreased along it, and it is not also newest first. */
	oldestFirst: boolean;
	/** The firmware's job count as the API gave it. */
	total: number;
}

/**
 * Compares the jobs read now with what the last poll remembered. A job is new when it was created
 * after the newest instant seen, or at that instant under another ID; a remembered job's status
 * change is an event unless it is only another spelling of the same value. Without a previous
 * watch this is the baseline: nothing is reported. Events come oldest job first.
 *
 * A partial read covers every job from the newest down to both boundaries (the newest seen last
 * time and the oldest remembered open job), so what it does not show, the last state already knew.
 */
export function compareJobs(
	previous: FirmwareWatch | undefined,
	read: JobsRead,
	now: number,
): { events: JobEvent[]; next: FirmwareWatch } {
	const events: JobEvent[] = [];
	if (previous) {
		const newestMs = instantOf(previous.newestCreate);
		const atNewest = new Set(previous.idsAtNewest);
		for (const job of read.jobs) {
			const created = createdAt(job);
			const before = previous.open[job.JobId];
			if (created > newestMs || (created === newestMs && !atNewest.has(job.JobId))) {
				events.push({ job, event: 'created', previousStatus: null });
			} else if (before !== undefined && canonicalEnumValue(before) !== canonicalEnumValue(job.JobStatus)) {
				events.push({ job, event: 'statusChanged', previousStatus: before });
			}
		}
		events.sort((a, b) => newestFirst(b.job, a.job));
	}
	return { events, next: watchOf(previous, read, now) };
}

function watchOf(previous: FirmwareWatch | undefined, read: JobsRead, now: number): FirmwareWatch {
	let newestMs = instantOf(previous?.newestCreate);
	for (const job of read.jobs) newestMs = Math.max(newestMs, createdAt(job));
	const sameNewest = previous !== undefined && newestMs === instantOf(previous.newestCreate);
	const idsAtNewest = new Set(sameNewest ? previous.idsAtNewest : []);
	for (const job of read.jobs) if (createdAt(job) === newestMs && Number.isFinite(newestMs)) idsAtNewest.add(job.JobId);

	const kept = keepNewestOpen(read.jobs);
	const oldest = kept[kept.length - 1];
	const listedAt = read.complete ? now : previous?.listedAt;
	return {
		newestCreate: isoOf(newestMs),
		idsAtNewest: [...idsAtNewest],
		open: Object.fromEntries(kept.map((job) => [job.JobId, job.JobStatus])),
		...(oldest && { oldestOpenCreate: isoOf(createdAt(oldest)) }),
		newestFirst: read.complete ? read.newestFirst : previous?.newestFirst === true && read.newestFirst,
		oldestFirst: read.complete ? read.oldestFirst : previous?.oldestFirst === true && read.oldestFirst,
		total: read.total,
		...(listedAt !== undefined && { listedAt }),
		checkedAt: now,
	};
}

/**
 * The open jobs to remember: the newest MAX_OPEN_JOBS by creation time (ties by JobId), newest
 * first. A status the docs do not list counts as open: only completed or canceled jobs are done.
 */
export function keepNewestOpen(jobs: readonly OtaJob[]): OtaJob[] {
	return jobs
		.filter((job) => !isFinalJobStatus(job.JobStatus))
		.sort(newestFirst)
		.slice(0, MAX_OPEN_JOBS);
}
