// Which order a firmware's jobs are listed in. Stored jobs are newest first (or, for 'asGiven', in the
// order given); 'oldestFirst' reads the stored list backwards, so a page is still the slice
// [(CurrentPage-1)*PageSize, CurrentPage*PageSize) of the list in served order.
import type { JobOrder } from './servingModes';
import type { FirmwareFixture, OtaJob } from './types';

function readsBackwards(fixture: FirmwareFixture, defaultOrder: JobOrder): boolean {
	const order = fixture.order ?? defaultOrder;
	return order === 'oldestFirst';
}

/** `count` jobs from position `start` of the list in served order; past the end, fewer or none. */
export function servedSlice(fixture: FirmwareFixture, defaultOrder: JobOrder, start: number, count: number): OtaJob[] {
	if (!readsBackwards(fixture, defaultOrder)) return fixture.jobs.slice(start, start + count);
	const total = fixture.jobs.length;
	const from = Math.max(0, total - start - count);
	const to = Math.max(0, total - start);
	return fixture.jobs.slice(from, to).reverse();
}

/** The whole list in served order. */
export function servedJobs(fixture: FirmwareFixture, defaultOrder: JobOrder): OtaJob[] {
	return servedSlice(fixture, defaultOrder, 0, fixture.jobs.length);
}

/** Where a job created at `utcCreate` goes in the stored list: among newer-first jobs by time; for an
 * 'asGiven' list, at the head unless the given list reads oldest first, then at the tail. */
export function insertionIndex(fixture: FirmwareFixture, utcCreate: string): number {
	const jobs = fixture.jobs;
	const createMs = Date.parse(utcCreate);
	if (fixture.order === 'asGiven') return givenOldestFirst(jobs) ? jobs.length : 0;
	const at = jobs.findIndex((job) => !(Date.parse(job.UtcCreate) > createMs));
	return at === -1 ? jobs.length : at;
}

function givenOldestFirst(jobs: readonly OtaJob[]): boolean {
	if (jobs.length < 2) return false;
	const first = Date.parse(jobs[0].UtcCreate);
	const last = Date.parse(jobs[jobs.length - 1].UtcCreate);
	return first < last;
}
