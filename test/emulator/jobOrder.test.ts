import { generateJobs, type OtaJob } from '../../tools/emulator/index';
import { listJobs, sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function page(firmwareId: string, currentPage: number, pageSize: number): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { params: listJobs(firmwareId, currentPage, pageSize) });
}

function jobsOf(answer: RpcAnswer): OtaJob[] {
	return (answer.body.Data as { SimpleOTAJobInfo: OtaJob[] } | undefined)?.SimpleOTAJobInfo ?? [];
}

async function listAll(firmwareId: string, pageSize: number): Promise<OtaJob[]> {
	const first = await page(firmwareId, 1, pageSize);
	const pages = [jobsOf(first)];
	for (let p = 2; p <= Number(first.body.PageCount); p++) pages.push(jobsOf(await page(firmwareId, p, pageSize)));
	return pages.flat();
}

const createTimes = (jobs: OtaJob[]) => jobs.map((job) => Date.parse(job.UtcCreate));
const isDescending = (times: number[]) => times.every((time, i) => i === 0 || times[i - 1] >= time);
const isAscending = (times: number[]) => times.every((time, i) => i === 0 || times[i - 1] <= time);

describe('job order', () => {
	const firmwareId = 'FwOrder000000000000047';
	beforeAll(() => {
		emulator.addFirmware({ firmwareId, jobCount: 47, seed: 47 });
	});

	it('serves newest first by default', async () => {
		const jobs = await listAll(firmwareId, 10);
		expect(jobs).toHaveLength(47);
		expect(isDescending(createTimes(jobs))).toBe(true);
		expect(jobs).toEqual(emulator.servedJobs(firmwareId));
	});

	it('serves oldest first emulator-wide, pages being (CurrentPage-1)*PageSize offsets into that order', async () => {
		const newestFirst = await listAll(firmwareId, 200);
		emulator.setJobOrder('oldestFirst');
		const oldestFirst = newestFirst.slice().reverse();
		for (const pageSize of [1, 7, 10, 47, 200]) {
			const jobs = await listAll(firmwareId, pageSize);
			expect(jobs).toEqual(oldestFirst);
		}
		const third = await page(firmwareId, 3, 7);
		expect(third.body).toMatchObject({ Total: 47, PageCount: 7, CurrentPage: 3, PageSize: 7 });
		expect(jobsOf(third)).toEqual(oldestFirst.slice(14, 21));
		expect(jobsOf(await page(firmwareId, 7, 7))).toEqual(oldestFirst.slice(42, 47));
		expect(jobsOf(await page(firmwareId, 8, 7))).toEqual([]);
		expect(isAscending(createTimes(oldestFirst))).toBe(true);
		expect(emulator.servedJobs(firmwareId)).toEqual(oldestFirst);
	});

	it('lets one firmware keep its own order whatever the emulator-wide one', async () => {
		emulator.addFirmware({ firmwareId: 'FwOrderOldest000000012', jobCount: 12, seed: 12, order: 'oldestFirst' });
		emulator.addFirmware({ firmwareId: 'FwOrderNewest000000012', jobCount: 12, seed: 12, order: 'newestFirst' });
		emulator.setJobOrder('oldestFirst');
		expect(isAscending(createTimes(await listAll('FwOrderOldest000000012', 5)))).toBe(true);
		expect(isDescending(createTimes(await listAll('FwOrderNewest000000012', 5)))).toBe(true);
		emulator.setJobOrder('newestFirst');
		expect(isAscending(createTimes(await listAll('FwOrderOldest000000012', 5)))).toBe(true);
	});

	it('is set over the control API, which also lists the served jobs and adds firmwares with their own order', async () => {
		const post = async (route: string, body: unknown) =>
			await fetch(`${emulator.url}/__emulator/${route}`, { method: 'POST', body: JSON.stringify(body) });
		expect((await post('job-order', { order: 'oldestFirst' })).status).toBe(200);
		expect(isAscending(createTimes(await listAll(firmwareId, 10)))).toBe(true);
		const listed = await fetch(`${emulator.url}/__emulator/firmwares/${firmwareId}/jobs`);
		expect(await listed.json()).toEqual(await listAll(firmwareId, 200));
		const bad = await post('job-order', { order: 'byName' });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toMatch(/newestFirst, oldestFirst/);
		const given = generateJobs('FwGivenOverControl0001', 5, 5).reverse();
		expect((await post('firmwares', { firmwareId: 'FwGivenOverControl0001', jobs: given, order: 'asGiven' })).status).toBe(200);
		expect(await listAll('FwGivenOverControl0001', 2)).toEqual(given);
		expect((await fetch(`${emulator.url}/__emulator/firmwares/FwNoSuch/jobs`)).status).toBe(400);
	});

	it('is set by the jobOrder option and rejects unknown orders', async () => {
		await withEmulator({ qps: 0, jobOrder: 'oldestFirst' }, async (other) => {
			const answer = await sendSigned(other.url, { params: listJobs('FwPages000000000000450', 1, 200) });
			expect(isAscending(createTimes(jobsOf(answer)))).toBe(true);
		});
		expect(() => emulator.setJobOrder('randomly' as never)).toThrow(/newestFirst, oldestFirst/);
		expect(() => emulator.addFirmware({ firmwareId: 'FwBadOrder', order: 'sideways' as never })).toThrow(/order/);
	});
});

describe('jobs as given (recorded answers)', () => {
	/** Deliberately in no order at all, one field in an unusual shape: served exactly like this. */
	const recorded: OtaJob[] = (() => {
		const jobs = generateJobs('FwRecorded000000000009', 9, 9);
		const shuffled = [jobs[4], jobs[0], jobs[8], jobs[2], jobs[6], jobs[1], jobs[7], jobs[3], jobs[5]];
		return shuffled.map((job, i) => (i === 2 ? { ...job, JobStatus: 'COMPLETE', UtcCreate: job.UtcCreate.replace('.000Z', 'Z') } : job));
	})();

	it("serves the given order and fields unchanged, not re-sorted, with page arithmetic over that order", async () => {
		emulator.addFirmware({ firmwareId: 'FwRecorded000000000009', jobs: recorded, order: 'asGiven' });
		for (const order of ['newestFirst', 'oldestFirst'] as const) {
			emulator.setJobOrder(order);
			expect(await listAll('FwRecorded000000000009', 4)).toEqual(recorded);
			expect(jobsOf(await page('FwRecorded000000000009', 2, 4))).toEqual(recorded.slice(4, 8));
		}
	});

	it('sorts explicit jobs newest first when no order is given', async () => {
		emulator.addFirmware({ firmwareId: 'FwExplicit000000000009', jobs: generateJobs('x', 9, 9).reverse() });
		expect(isDescending(createTimes(await listAll('FwExplicit000000000009', 4)))).toBe(true);
	});

	it('needs explicit jobs for asGiven', () => {
		expect(() => emulator.addFirmware({ firmwareId: 'FwNoJobs', jobCount: 3, order: 'asGiven' })).toThrow(/asGiven.*explicit jobs/);
	});
});
