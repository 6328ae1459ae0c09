import { MAX_JOBS_PAGE_SIZE } from '../api/limits';
import { listOtaJobPage, listOtaJobsByFirmware, type FirmwareJobsRequest, type OtaJob } from '../api/otaJobs';
import type { IotCaller } from '../transport/iotCaller';
import { createdAt, instantOf, listedNewestFirst, listedOldestFirst } from './jobOrder';
import type { FirmwareWatch, JobsRead } from './jobWatch';
import { readOldestFirstTail } from './readOldestFirstTail';

/** The safety net: however cheap the reads in between, every job is listed at least this often. */
export const FULL_LISTING_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The jobs a poll needs of one firmware. No public source says in which order the API lists jobs,
 * so the order is learned from the last full listing (and every read since): newest first, only
 * the head of the list is read, from page 1 down past both the newest job seen last time and the
 * oldest job still open; oldest first, only its tail, from the end back past the same two jobs.
 * Everything else (the first poll, an order that does not hold, the hourly safety net, a state
 * from an older version) lists every job.
 */
export async function readFirmwareJobs(
	call: IotCaller,
	request: FirmwareJobsRequest,
	previous: FirmwareWatch | undefined,
	now: number,
): Promise<JobsRead> {
	if (previous && !needsFullListing(previous, now)) {
		const partial =
			previous.newestFirst === true
				? await readNewest(call, request, readBoundary(previous))
				: await readOldestFirstTail(call, request, readBoundary(previous), previous.total!);
		// The order broke somewhere in what was read: fall back to every job, in this same poll.
		if (partial) return partial;
	}
	const jobs = await listOtaJobsByFirmware(call, request);
	const newestFirst = listedNewestFirst(jobs);
	return { jobs, complete: true, newestFirst, oldestFirst: !newestFirst && listedOldestFirst(jobs), total: jobs.length };
}

function needsFullListing(previous: FirmwareWatch, now: number): boolean {
	const orderKnown = previous.newestFirst === true || (previous.oldestFirst === true && previous.total !== undefined);
	if (!orderKnown || previous.listedAt === undefined) return true;
	if (!(now - previous.listedAt < FULL_LISTING_INTERVAL_MS)) return true;
	return Object.keys(previous.open).length > 0 && previous.oldestOpenCreate === undefined;
}

/** The read goes on until it has seen a job created before this instant (or the list ends). */
function readBoundary(previous: FirmwareWatch): number {
	const newest = instantOf(previous.newestCreate);
	const hasOpen = Object.keys(previous.open).length > 0;
	return hasOpen ? Math.min(newest, instantOf(previous.oldestOpenCreate)) : newest;
}

/**
 * Pages from the head of a newest-first list until a job older than `before` shows up; undefined
 * as soon as a creation time increases along the list, on any page read.
 */
async function readNewest(call: IotCaller, request: FirmwareJobsRequest, before: number): Promise<JobsRead | undefined> {
	const jobs: OtaJob[] = [];
	const seen = new Set<string>();
	let lastCreated = Infinity;
	let total = 0;
	for (let currentPage = 1; ; currentPage++) {
		const page = await listOtaJobPage(call, request, { currentPage, pageSize: MAX_JOBS_PAGE_SIZE });
		if (!listedNewestFirst(page.records, lastCreated)) return undefined;
		total = Math.max(total, page.total);
		// A job created while we read pushes the list down: the next page repeats one we have.
		for (const job of page.records) {
			if (seen.has(job.JobId)) continue;
			seen.add(job.JobId);
			jobs.push(job);
		}
		const last = page.records[page.records.length - 1];
		if (last) lastCreated = createdAt(last);
		const ended = page.records.length < MAX_JOBS_PAGE_SIZE || currentPage * MAX_JOBS_PAGE_SIZE >= page.total;
		if (ended || lastCreated < before) return { jobs, complete: false, newestFirst: true, oldestFirst: false, total };
	}
}
