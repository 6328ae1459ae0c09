import { mapConcurrent } from './concurrency';
import type { IotCaller } from '../transport/iotCaller';
import type { IotAnswer, IotParams } from '../transport/popRequest';
import { totalOf } from './records';

/** Page arithmetic for CurrentPage/PageSize APIs, where a page's offset is (CurrentPage - 1) * PageSize. */
export interface PageRequest {
	currentPage: number;
	pageSize: number;
	/** Offset of the page's first element in the whole list. */
	offset: number;
}

/** One page as an action answers it: its records, and the list's `Total` at that moment. */
export interface FetchedPage<T> {
	records: T[];
	total: number;
}

interface CollectPagesRequest<T> {
	maxPageSize: number;
	fetchPage: (page: PageRequest) => Promise<FetchedPage<T>>;
	/** Identity of a record, to drop the ones a shifting list shows twice. */
	idOf: (record: T) => string;
	/** Undefined collects every record. */
	limit?: number;
	/** Records kept (and counted against the limit); the others are read past. */
	keep?: (record: T) => boolean;
	/** How far the API lets a list be read (CurrentPage × PageSize at most this); undefined: no cap. */
	maxReadable?: number;
}

/**
 * The records wanted lie beyond what the API lets anyone page to. Thrown before any page past
 * the cap is asked for: the listing neither loops at the cap nor ends short without saying so.
 */
export class PagingCapError extends Error {
	constructor(
		readonly cap: number,
		readonly total: number,
	) {
		super(`The list has ${total} records; the API pages only through the first ${cap}`);
		this.name = 'PagingCapError';
	}
}

/** Pages fetched at once after the first; the rate limiter, not this, sets the pace. */
const CONCURRENT_PAGES = 10;

/**
 * Every record of a paged list (or the first `limit` kept ones), in the API's order, each once.
 * The first page tells the total; the rest are fetched concurrently. Pages can shift while we
 * read (a record created mid-listing pushes the others down), so records are deduplicated and the
 * listing goes on while the total grows.
 */
export async function collectPages<T>(request: CollectPagesRequest<T>): Promise<T[]> {
	const { limit, maxPageSize, keep } = request;
	const collected = new PageCollector(request);
	// With a keep-predicate, the limit says nothing about how many records to read: read full pages.
	const pageSize = keep ? maxPageSize : Math.min(limit ?? maxPageSize, maxPageSize);
	const first = await request.fetchPage({ currentPage: 1, pageSize, offset: 0 });
	collected.add(first.records);
	let total = first.total;
	let nextOffset = pageSize;
	let ended = first.records.length < pageSize;

	while (!ended && !collected.full && nextOffset < total) {
		const wanted = limit === undefined ? total : nextOffset + collected.readAheadFor(nextOffset);
		const { maxReadable } = request;
		if (maxReadable !== undefined && Math.min(total, wanted) > maxReadable) throw new PagingCapError(maxReadable, total);
		const planned = planPages(nextOffset, Math.min(total, wanted), pageSize);
		// A filtered read-ahead is a guess: go one batch at a time and look again.
		const pages = keep && limit !== undefined ? planned.slice(0, CONCURRENT_PAGES) : planned;
		const fetched = await mapConcurrent(pages, CONCURRENT_PAGES, request.fetchPage);
		fetched.forEach((page, index) => {
			collected.add(page.records);
			total = Math.max(total, page.total);
			ended ||= page.records.length < pages[index].pageSize;
		});
		const last = pages[pages.length - 1];
		nextOffset = last.offset + last.pageSize;
	}
	return collected.records;
}

class PageCollector<T> {
	private readonly distinct: DistinctRecords<T>;

	constructor(private readonly request: CollectPagesRequest<T>) {
		this.distinct = new DistinctRecords(request.idOf);
	}

	get records(): T[] {
		return this.distinct.records;
	}

	/**
	 * How many more records to read from `readSoFar` on to reach the limit: exactly what is
	 * missing without a keep-predicate (more than planned if duplicates were dropped); with one,
	 * what is missing divided by the share of records kept so far.
	 */
	readAheadFor(readSoFar: number): number {
		const missing = (this.request.limit ?? 0) - this.records.length;
		if (!this.request.keep) return missing;
		const { maxPageSize } = this.request;
		const keptShare = Math.max(this.records.length / Math.max(readSoFar, 1), 1 / maxPageSize);
		return Math.max(Math.ceil(missing / keptShare), maxPageSize);
	}

	get full(): boolean {
		return this.request.limit !== undefined && this.records.length >= this.request.limit;
	}

	add(records: T[]): void {
		const { keep } = this.request;
		for (const record of records) {
			if (this.full) return;
			this.distinct.add(record, keep);
		}
	}
}

/**
 * The records of a list read page by page, each once, in the order first seen. Pages can shift
 * while they are read (a record created mid-listing pushes the others down, so the next page
 * repeats the last one): every reader of a paged list drops the repeats here.
 */
export class DistinctRecords<T> {
	readonly records: T[] = [];
	private readonly seen = new Set<string>();

	constructor(private readonly idOf: (record: T) => string) {}

	/** Adds a record not seen before (and, with `keep`, kept by it); a repeat is dropped. */
	add(record: T, keep?: (record: T) => boolean): void {
		const id = this.idOf(record);
		if (this.seen.has(id)) return;
		this.seen.add(id);
		if (keep && !keep(record)) return;
		this.records.push(record);
	}

	addAll(records: readonly T[]): this {
		for (const record of records) this.add(record);
		return this;
	}
}

/** The number of the last page of a list of `total` records (page 1 for an empty list). */
export function lastPageOf(total: number, pageSize: number): number {
	return Math.max(1, Math.ceil(total / pageSize));
}

/** Whether page `currentPage` ends the list: a short page, or one that reaches the list's total. */
export function endsList(page: FetchedPage<unknown>, currentPage: number, pageSize: number): boolean {
	return page.records.length < pageSize || currentPage * pageSize >= page.total;
}

/**
 * The pages that cover [fromOffset, toOffset) with the fewest requests and pages of at most
 * `maxPageSize`. A page must start at a multiple of its size, so a short last page takes the
 * smallest size that lines up: a limit of 250 costs pages of 200 and 50, not two of 200.
 */
function planPages(fromOffset: number, toOffset: number, maxPageSize: number): PageRequest[] {
	const pages: PageRequest[] = [];
	for (let offset = fromOffset; offset < toOffset; ) {
		const size = alignedPageSize(offset, Math.min(toOffset - offset, maxPageSize), maxPageSize);
		pages.push({ currentPage: offset / size + 1, pageSize: size, offset });
		offset += size;
	}
	return pages;
}

/**
 * The smallest size from `wanted` up to `maxPageSize` that divides `offset`; failing that, the
 * largest below `wanted` that does (1 always does, so the listing always moves on).
 */
function alignedPageSize(offset: number, wanted: number, maxPageSize: number): number {
	for (let size = wanted; size <= maxPageSize; size++) {
		if (offset % size === 0) return size;
	}
	for (let size = wanted - 1; size > 1; size--) {
		if (offset % size === 0) return size;
	}
	return 1;
}

/** One page of a CurrentPage/PageSize action: its records (as `recordsOf` finds them) and its `Total`. */
export async function fetchListPage<T>(
	call: IotCaller,
	action: string,
	params: IotParams,
	page: Pick<PageRequest, 'currentPage' | 'pageSize'>,
	recordsOf: (answer: IotAnswer) => T[],
): Promise<FetchedPage<T>> {
	const answer = await call(action, { ...params, CurrentPage: page.currentPage, PageSize: page.pageSize });
	return { records: recordsOf(answer), total: totalOf(answer) };
}
