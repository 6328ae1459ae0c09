import { MAX_JOBS_PAGE_SIZE } from './apiLimits';
import type { IotCaller } from './iotCaller';
import type { OtaJobFilter } from './otaJobFilter';
import { isEmptyOtaJobFilter, matchesOtaJobFilter } from './otaJobFilter';
import type { PageRequest } from './paging';
import { mapConcurrent, planPages } from './paging';
import type { IotAnswer } from './popRequest';

export interface OtaTag {
	Key: string;
	Value: string;
}

/** A `SimpleOTAJobInfo` with the API's field names, `Tags` unwrapped from `{ OtaTagDTO: [...] }`. */
export interface OtaJob {
	FirmwareId: string;
	JobId: string;
	JobStatus: string;
	JobType: string;
	ProductKey: string;
	SelectionType: string;
	TargetSelection: string;
	Tags: OtaTag[];
	UtcCreate: string;
	UtcStartTime?: string;
	UtcEndTime?: string;
	UtcModified: string;
	[field: string]: unknown;
}

export interface ListOtaJobsRequest {
	firmwareId: string;
	iotInstanceId?: string;
	/** Undefined returns every job. */
	limit?: number;
	/** Applied before the limit: with a filter, `limit` counts matching jobs. */
	filter?: OtaJobFilter;
}

/** Pages fetched at once after the first; the rate limiter, not this, sets the pace. */
const CONCURRENT_PAGES = 10;

interface FetchedPage {
	jobs: OtaJob[];
	total: number;
	/** Fewer jobs than asked for: the list ends here. */
	short: boolean;
}

/**
 * Every job of a firmware (or the first `limit`), in the API's order, each once.
 * The first page tells the total; the rest are fetched concurrently. Pages can shift while we
 * read (a job created mid-listing pushes the others down), so jobs are deduplicated by JobId and
 * the listing goes on while the total grows.
 */
export async function listOtaJobsByFirmware(
	call: IotCaller,
	request: ListOtaJobsRequest,
): Promise<OtaJob[]> {
	const { limit } = request;
	const filter = isEmptyOtaJobFilter(request.filter) ? undefined : request.filter;
	const fetchPage = async (page: PageRequest): Promise<FetchedPage> => {
		const answer = await call('ListOTAJobByFirmware', {
			FirmwareId: request.firmwareId,
			IotInstanceId: request.iotInstanceId,
			CurrentPage: page.currentPage,
			PageSize: page.pageSize,
		});
		const jobs = jobsOfAnswer(answer);
		return { jobs, total: totalOfAnswer(answer), short: jobs.length < page.pageSize };
	};

	const collected = new JobCollector(limit, filter);
	// With a filter, the limit says nothing about how many jobs to read: read full pages.
	const pageSize = filter ? MAX_JOBS_PAGE_SIZE : Math.min(limit ?? MAX_JOBS_PAGE_SIZE, MAX_JOBS_PAGE_SIZE);
	const first = await fetchPage({ currentPage: 1, pageSize, offset: 0 });
	collected.add(first.jobs);
	let total = first.total;
	let nextOffset = pageSize;
	let ended = first.short;

	while (!ended && !collected.full && nextOffset < total) {
		const wanted = limit === undefined ? total : nextOffset + collected.readAheadFor(nextOffset);
		const planned = planPages(nextOffset, Math.min(total, wanted), pageSize);
		// A filtered read-ahead is a guess: go one batch at a time and look again.
		const pages = filter && limit !== undefined ? planned.slice(0, CONCURRENT_PAGES) : planned;
		const fetched = await mapConcurrent(pages, CONCURRENT_PAGES, fetchPage);
		for (const page of fetched) {
			collected.add(page.jobs);
			total = Math.max(total, page.total);
			ended ||= page.short;
		}
		const last = pages[pages.length - 1];
		nextOffset = last.offset + last.pageSize;
	}
	return collected.jobs;
}

class JobCollector {
	readonly jobs: OtaJob[] = [];
	private readonly seen = new Set<string>();

	constructor(
		private readonly limit: number | undefined,
		private readonly filter: OtaJobFilter | undefined,
	) {}

	/**
	 * How many more jobs to read from `readSoFar` on to reach the limit: exactly what is missing
	 * without a filter (more than planned if duplicates were dropped); with one, what is missing
	 * divided by the share of jobs that matched so far.
	 */
	readAheadFor(readSoFar: number): number {
		const missing = (this.limit ?? 0) - this.jobs.length;
		if (!this.filter) return missing;
		const matchShare = Math.max(this.jobs.length / Math.max(readSoFar, 1), 1 / MAX_JOBS_PAGE_SIZE);
		return Math.max(Math.ceil(missing / matchShare), MAX_JOBS_PAGE_SIZE);
	}

	get count(): number {
		return this.jobs.length;
	}

	get full(): boolean {
		return this.limit !== undefined && this.jobs.length >= this.limit;
	}

	add(jobs: OtaJob[]): void {
		for (const job of jobs) {
			if (this.full) return;
			if (this.seen.has(job.JobId)) continue;
			this.seen.add(job.JobId);
			if (this.filter && !matchesOtaJobFilter(job, this.filter)) continue;
			this.jobs.push(job);
		}
	}
}

function totalOfAnswer(answer: IotAnswer): number {
	const total = Number(answer.Total);
	return Number.isFinite(total) ? total : 0;
}

/** Alibaba wraps arrays in an object named after the element: `Data.SimpleOTAJobInfo[]`. */
export function jobsOfAnswer(answer: IotAnswer): OtaJob[] {
	const data = answer.Data as { SimpleOTAJobInfo?: unknown } | undefined;
	return asArray(data?.SimpleOTAJobInfo).map(toOtaJob);
}

function toOtaJob(raw: unknown): OtaJob {
	const job = raw as Record<string, unknown>;
	// Spread copies onto a plain object: json-bigint's objects have a null prototype.
	return { ...job, Tags: unwrapTags(job.Tags) } as OtaJob;
}

export function unwrapTags(tags: unknown): OtaTag[] {
	const list = Array.isArray(tags) ? tags : asArray((tags as { OtaTagDTO?: unknown } | undefined)?.OtaTagDTO);
	return list.map((tag) => {
		const { Key, Value } = tag as { Key?: unknown; Value?: unknown };
		return { Key: String(Key ?? ''), Value: String(Value ?? '') };
	});
}

/** An empty result may have no wrapper at all, and a one-element list may come unwrapped. */
function asArray(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}
