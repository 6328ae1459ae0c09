import { MAX_JOBS_PAGE_SIZE } from '../api/limits';
import { listOtaJobPage, type FirmwareJobsRequest, type OtaJob } from '../api/otaJobs';
import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { createdAt, listedOldestFirst } from './jobOrder';
import type { JobsRead } from './jobWatch';

const lastPageOf = (total: number) => Math.max(1, Math.ceil(total / MAX_JOBS_PAGE_SIZE));

/**
 * The tail of an oldest-first list: from the page where the list ended last time (`knownTotal`
 * jobs) on to where it ends now, then back until a page starts with a job created before
 * `before`. New jobs are appended at the end of such a list, so the pages before it do not shift
 * while we read. Undefined when creation times decrease anywhere along the pages read, or when a
 * page that should hold jobs is empty: the caller then lists every job.
 */
export async function readOldestFirstTail(
	call: IotCaller,
	request: FirmwareJobsRequest,
	before: number,
	knownTotal: number,
): Promise<JobsRead | undefined> {
	const pages = new Map<number, OtaJob[]>();
	let total = 0;
	const read = async (currentPage: number) => {
		const page = await listOtaJobPage(call, request, { currentPage, pageSize: MAX_JOBS_PAGE_SIZE });
		pages.set(currentPage, page.records);
		total = Math.max(total, page.total);
		return page.records;
	};

	let first = lastPageOf(knownTotal);
	if ((await readWhereItEnded(read, first)).length === 0 && first > 1) {
		// Fewer jobs than last time: start again from the page that is last now.
		first = lastPageOf(total);
		if ((await read(first)).length === 0 && total > 0) return undefined;
	}
	let last = first;
	while (last < lastPageOf(total)) await read(++last);
	while (first > 1 && !(createdAt(pages.get(first)![0]) < before)) {
		if ((await read(--first)).length === 0) return undefined;
	}

	const listed: OtaJob[] = [];
	for (let page = first; page <= last; page++) listed.push(...pages.get(page)!);
	if (!listedOldestFirst(listed)) return undefined;
	const seen = new Set<string>();
	const jobs = listed.filter((job) => !seen.has(job.JobId) && Boolean(seen.add(job.JobId)));
	return { jobs, complete: false, newestFirst: false, oldestFirst: true, total };
}

/**
 * The page where the list ended last time. If the list got shorter since, it may lie past the
 * end: the emulator then answers an empty page, as for page 2 of a 1-page list; whether Alibaba
 * answers so or refuses the page is not documented, so a refusal reads as that empty page too
 * (the full listing that follows shows any error that does not go away).
 */
async function readWhereItEnded(read: (currentPage: number) => Promise<OtaJob[]>, currentPage: number): Promise<OtaJob[]> {
	const refusedPage = (error: unknown) => currentPage > 1 && error instanceof AlibabaApiError && error.kind === 'business';
	// Any other error goes on as it is: the poll turns it into the node's error (or stops on its budget).
	return await read(currentPage).catch(async (error: unknown) => (refusedPage(error) ? [] : await Promise.reject(error)));
}
