import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { MAX_JOBS_PAGE_SIZE } from './limits';
import { listOtaJobPage, type FirmwareJobsRequest, type OtaJob } from './otaJobs';
import { DistinctRecords, endsList, lastPageOf } from './paging';

/**
 * Reads of one end of a firmware's job list, for a caller that knows in which order the API lists
 * the jobs (ListOTAJobByFirmware documents none): these readers know the pages, the caller says
 * when a read went far enough and whether the jobs read are in the order it expects.
 */
export interface PartialJobsRead {
	/**
	 * Whether `jobs`, as listed, keep the caller's order (`listedBefore`: the job listed just before
	 * them, if any). False abandons the read: it then answers undefined.
	 */
	inOrder: (jobs: readonly OtaJob[], listedBefore?: OtaJob) => boolean;
	/** Whether the read went far enough once it reached `job`: a head page's last, a tail page's first. */
	farEnough: (job: OtaJob) => boolean;
}

/** The jobs a partial read found, each once in list order, and the list's total as the API gave it. */
export interface JobsPart {
	jobs: OtaJob[];
	total: number;
}

const pageOf = async (call: IotCaller, request: FirmwareJobsRequest, currentPage: number) =>
	await listOtaJobPage(call, request, { currentPage, pageSize: MAX_JOBS_PAGE_SIZE });

/**
 * Pages from the head of the list (page 1 on) until the last job of a page is far enough or the
 * list ends; undefined as soon as a page is out of order, before the next page is asked.
 */
export async function readOtaJobsHead(
	call: IotCaller,
	request: FirmwareJobsRequest,
	read: PartialJobsRead,
): Promise<JobsPart | undefined> {
	const jobs = new DistinctRecords<OtaJob>((job) => job.JobId);
	let listedBefore: OtaJob | undefined;
	let total = 0;
	for (let currentPage = 1; ; currentPage++) {
		const page = await pageOf(call, request, currentPage);
		if (!read.inOrder(page.records, listedBefore)) return undefined;
		total = Math.max(total, page.total);
		jobs.addAll(page.records);
		listedBefore = page.records[page.records.length - 1] ?? listedBefore;
		const farEnough = listedBefore !== undefined && read.farEnough(listedBefore);
		if (endsList(page, currentPage, MAX_JOBS_PAGE_SIZE) || farEnough) return { jobs: jobs.records, total };
	}
}

/**
 * The tail of a list that grows at its end: from the page where the list ended last time
 * (`knownTotal` jobs) on to where it ends now, then back until a page starts with a job that is
 * far enough. The pages before the end do not shift while we read. Undefined when the pages read
 * are out of order (checked once, over all of them), or when a page that should hold jobs is empty.
 */
export async function readOtaJobsTail(
	call: IotCaller,
	request: FirmwareJobsRequest,
	knownTotal: number,
	read: PartialJobsRead,
): Promise<JobsPart | undefined> {
	const pages = new Map<number, OtaJob[]>();
	let total = 0;
	const readPage = async (currentPage: number) => {
		const page = await pageOf(call, request, currentPage);
		pages.set(currentPage, page.records);
		total = Math.max(total, page.total);
		return page.records;
	};
	const lastPage = (jobs: number) => lastPageOf(jobs, MAX_JOBS_PAGE_SIZE);

	let first = lastPage(knownTotal);
	if ((await readWhereItEnded(readPage, first)).length === 0 && first > 1) {
		// Fewer jobs than last time: start again from the page that is last now.
		first = lastPage(total);
		if ((await readPage(first)).length === 0 && total > 0) return undefined;
	}
	let last = first;
	while (last < lastPage(total)) await readPage(++last);
	while (first > 1 && !read.farEnough(pages.get(first)![0])) {
		if ((await readPage(--first)).length === 0) return undefined;
	}

	const listed: OtaJob[] = [];
	for (let page = first; page <= last; page++) listed.push(...pages.get(page)!);
	if (!read.inOrder(listed)) return undefined;
	return { jobs: new DistinctRecords<OtaJob>((job) => job.JobId).addAll(listed).records, total };
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

/**
 * The jobs at both ends of a firmware's list, each once: page 1, and the last page when there is
 * more than one. Whichever way the API sorts the jobs by creation, the newest and the oldest are
 * among them; at most two requests.
 */
export async function readOtaJobEnds(call: IotCaller, request: FirmwareJobsRequest): Promise<OtaJob[]> {
	const first = await pageOf(call, request, 1);
	const jobs = new DistinctRecords<OtaJob>((job) => job.JobId).addAll(first.records);
	const lastPage = lastPageOf(first.total, MAX_JOBS_PAGE_SIZE);
	if (lastPage > 1) jobs.addAll((await pageOf(call, request, lastPage)).records);
	return jobs.records;
}
