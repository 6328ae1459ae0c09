import { listOtaJobsByFirmware, type FirmwareJobsRequest, type OtaJob } from '../api/otaJobs';
import { readOtaJobsHead, readOtaJobsTail, type JobsPart } from '../api/otaJobsByFirmwareReads';
import type { IotCaller } from '../transport/iotCaller';
import { createdAt, instantOf, listedNewestFirst, listedOldestFirst } from './jobOrder';
import type { FirmwareWatch, JobsRead } from './jobWatch';

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
		const partial = await readPart(call, request, previous);
		// The order broke somewhere in what was read: fall back to every job, in this same poll.
		if (partial) return { ...partial, complete: false, newestFirst: previous.newestFirst === true, oldestFirst: previous.newestFirst !== true };
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
 * Newest first, the head of the list; oldest first, its tail from where it ended last time. Either
 * read goes past `readBoundary` and is undefined as soon as the order does not hold along it.
 */
async function readPart(call: IotCaller, request: FirmwareJobsRequest, previous: FirmwareWatch): Promise<JobsPart | undefined> {
	const before = readBoundary(previous);
	const farEnough = (job: OtaJob) => createdAt(job) < before;
	if (previous.newestFirst === true) {
		const inOrder = (jobs: readonly OtaJob[], listedBefore?: OtaJob) => listedNewestFirst(jobs, listedBefore && createdAt(listedBefore));
		return await readOtaJobsHead(call, request, { inOrder, farEnough });
	}
	return await readOtaJobsTail(call, request, previous.total!, { inOrder: listedOldestFirst, farEnough });
}
