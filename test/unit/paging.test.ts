import { collectPages } from '../../nodes/AlibabaCloudIot/api/paging';
import { mapConcurrent } from '../../nodes/AlibabaCloudIot/api/concurrency';

/** A list of `length` records served with CurrentPage/PageSize arithmetic; every page asked is recorded. */
function pagedList(length: number, onRequest?: (list: string[], calls: number) => void) {
	const list = Array.from({ length }, (_, index) => `r${index}`);
	const pages: Array<[number, number]> = [];
	const fetchPage = async ({ currentPage, pageSize }: { currentPage: number; pageSize: number }) => {
		pages.push([currentPage, pageSize]);
		onRequest?.(list, pages.length);
		const start = (currentPage - 1) * pageSize;
		return { records: list.slice(start, start + pageSize), total: list.length };
	};
	return { fetchPage, pages };
}

const collect = (list: ReturnType<typeof pagedList>, limit?: number, keep?: (record: string) => boolean) =>
	collectPages({ maxPageSize: 200, fetchPage: list.fetchPage, idOf: (record) => record, limit, keep });

describe('collectPages: the pages it asks for', () => {
	it('reads page 1, then the rest with full pages', async () => {
		const list = pagedList(800);
		expect(await collect(list)).toHaveLength(800);
		expect(list.pages.sort((a, b) => a[0] - b[0])).toEqual([[1, 200], [2, 200], [3, 200], [4, 200]]);
	});

	it('asks a short last page with the smallest size that lines up with its offset', async () => {
		const fiftyMore = pagedList(1000);
		await collect(fiftyMore, 250);
		expect(fiftyMore.pages).toEqual([[1, 200], [5, 50]]);
		// 130 does not divide 200: the smallest size >= 130 that does is 200 itself.
		const hundredThirtyMore = pagedList(1000);
		expect(await collect(hundredThirtyMore, 330)).toHaveLength(330);
		expect(hundredThirtyMore.pages).toEqual([[1, 200], [2, 200]]);
	});

	it('moves on off the page grid when a shifted list repeats a record', async () => {
		// Limit 150: page 1 has 150 records, one of which the next page repeats after a shift.
		const list = pagedList(1000, (records, calls) => {
			if (calls === 2) records.unshift('new');
		});
		const records = await collect(list, 150);
		expect(list.pages[0]).toEqual([1, 150]);
		expect(records).toHaveLength(150);
		expect(new Set(records).size).toBe(150);
	});

	it('with a keep-predicate starts with a full page, counts only kept records, and reads on only as needed', async () => {
		const list = pagedList(5000);
		const records = await collect(list, 10, (record) => Number(record.slice(1)) % 50 === 0);
		expect(records).toEqual(Array.from({ length: 10 }, (_, index) => `r${index * 50}`));
		expect(list.pages[0]).toEqual([1, 200]);
		// The 10th kept record is r450: 3 pages' worth, not all 25.
		expect(list.pages.length).toBeLessThanOrEqual(4);
	});
});

describe('mapConcurrent', () => {
	it('keeps input order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapConcurrent([30, 10, 20, 5, 15], 2, async (delay, index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, delay));
			running--;
			return index;
		});
		expect(results).toEqual([0, 1, 2, 3, 4]);
		expect(peak).toBe(2);
	});

	it('starts no new task after one fails', async () => {
		const started: number[] = [];
		await expect(
			mapConcurrent([0, 1, 2, 3, 4, 5], 1, async (value) => {
				started.push(value);
				if (value === 1) throw new Error('boom');
				return value;
			}),
		).rejects.toThrow('boom');
		expect(started).toEqual([0, 1]);
	});
});
