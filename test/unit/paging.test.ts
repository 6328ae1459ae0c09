import { alignedPageSize, mapConcurrent, planPages } from '../../nodes/AlibabaCloudIot/transport/paging';

describe('planPages', () => {
	it('covers a range with full pages', () => {
		expect(planPages(200, 800, 200)).toEqual([
			{ currentPage: 2, pageSize: 200, offset: 200 },
			{ currentPage: 3, pageSize: 200, offset: 400 },
			{ currentPage: 4, pageSize: 200, offset: 600 },
		]);
	});

	it('shrinks the last page to the smallest size that lines up with its offset', () => {
		expect(planPages(200, 250, 200)).toEqual([{ currentPage: 5, pageSize: 50, offset: 200 }]);
		// 130 does not divide 200: the smallest size >= 130 that does is 200 itself.
		expect(planPages(200, 330, 200)).toEqual([{ currentPage: 2, pageSize: 200, offset: 200 }]);
		expect(planPages(400, 450, 200)).toEqual([{ currentPage: 9, pageSize: 50, offset: 400 }]);
	});

	it('starts anywhere, even off the page grid, and always moves on', () => {
		const pages = planPages(250, 253, 200);
		expect(pages.map((page) => (page.currentPage - 1) * page.pageSize)).toEqual(
			pages.map((page) => page.offset),
		);
		expect(pages[pages.length - 1].offset + pages[pages.length - 1].pageSize).toBeGreaterThanOrEqual(253);
	});

	it('plans nothing for an empty range', () => {
		expect(planPages(400, 400, 200)).toEqual([]);
	});
});

describe('alignedPageSize', () => {
	it('takes the wanted size at offset 0 and when it divides the offset', () => {
		expect(alignedPageSize(0, 37, 200)).toBe(37);
		expect(alignedPageSize(200, 40, 200)).toBe(40);
	});

	it('never exceeds the maximum page size', () => {
		for (let offset = 1; offset < 1000; offset += 7) {
			const size = alignedPageSize(offset, 150, 200);
			expect(size).toBeLessThanOrEqual(200);
			expect(offset % size).toBe(0);
		}
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
