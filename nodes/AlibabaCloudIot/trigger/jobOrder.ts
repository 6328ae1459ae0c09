import type { OtaJob } from '../api/otaJobs';

/**
 * A job's creation time as an instant (ms). `UtcCreate` is compared as a time, never as text:
 * `…00.000Z` and `…00Z` are the same instant. Alibaba documents an ISO 8601 UTC time; a value
 * that does not parse counts as older than any job, so it is never reported as created.
 */
export function createdAt(job: Pick<OtaJob, 'UtcCreate'>): number {
	return instantOf(job.UtcCreate);
}

export function instantOf(time: unknown): number {
	const ms = typeof time === 'string' && time ? Date.parse(time) : NaN;
	return Number.isNaN(ms) ? -Infinity : ms;
}

/** The stored form of an instant: ISO 8601 in UTC, '' for none. */
export function isoOf(ms: number): string {
	return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** Newest first, ties by JobId so the result never depends on the API's order. */
export function newestFirst(a: OtaJob, b: OtaJob): number {
	return createdAt(b) - createdAt(a) || (a.JobId < b.JobId ? -1 : a.JobId > b.JobId ? 1 : 0);
}

/**
 * Whether creation times never increase along `jobs` (the API lists them newest first); `after`
 * is the creation time of the job listed just before `jobs`, when there was one.
 */
export function listedNewestFirst(jobs: readonly OtaJob[], after = Infinity): boolean {
	let previous = after;
	for (const job of jobs) {
		const current = createdAt(job);
		if (current > previous) return false;
		previous = current;
	}
	return true;
}

/** Whether creation times never decrease along `jobs` (the API lists them oldest first). */
export function listedOldestFirst(jobs: readonly OtaJob[]): boolean {
	return jobs.every((job, index) => index === 0 || createdAt(job) >= createdAt(jobs[index - 1]));
}
