import type { IPollFunctions } from 'n8n-workflow';

import type { OtaJob } from '../../nodes/AlibabaCloudIot/api/otaJobs';
import { createdAt, listedNewestFirst, listedOldestFirst } from '../../nodes/AlibabaCloudIot/trigger/jobOrder';
import { compareJobs, keepNewestOpen, MAX_OPEN_JOBS, type FirmwareWatch } from '../../nodes/AlibabaCloudIot/trigger/jobWatch';
import { PollBudgetSpent, pollDeadline } from '../../nodes/AlibabaCloudIot/trigger/pollBudget';
import { FakeClock } from '../support/fakeClock';

const BASE = Date.UTC(2025, 0, 1);

function job(n: number, status = 'IN_PROGRESS', utcCreate = new Date(BASE + n * 1000).toISOString()): OtaJob {
	return { JobId: `job-${n}`, JobStatus: status, UtcCreate: utcCreate } as OtaJob;
}

const full = (jobs: OtaJob[]) => ({
	jobs,
	complete: true,
	newestFirst: listedNewestFirst(jobs),
	oldestFirst: !listedNewestFirst(jobs) && listedOldestFirst(jobs),
	total: jobs.length,
});

function baseline(jobs: OtaJob[]): FirmwareWatch {
	return compareJobs(undefined, full(jobs), 0).next;
}

describe('creation times as instants', () => {
	it('reads every ISO form of one instant as the same time, and an unreadable one as the oldest', () => {
		expect(createdAt(job(0, '', '2025-01-01T00:00:00.000Z'))).toBe(createdAt(job(0, '', '2025-01-01T00:00:00Z')));
		expect(createdAt(job(0, '', '2025-01-01T08:00:00+08:00'))).toBe(BASE);
		expect(createdAt(job(0, '', 'yesterday'))).toBe(-Infinity);
	});

	it('tells a newest-first list, ties allowed, from any other', () => {
		expect(listedNewestFirst([job(3), job(2), job(2), job(1)])).toBe(true);
		expect(listedNewestFirst([job(1), job(2)])).toBe(false);
		// A page continues the one before it.
		expect(listedNewestFirst([job(5)], createdAt(job(4)))).toBe(false);
	});

	it('tells an oldest-first list, ties allowed, from any other', () => {
		expect(listedOldestFirst([job(1), job(2), job(2), job(3)])).toBe(true);
		expect(listedOldestFirst([job(2), job(1)])).toBe(false);
		expect(listedOldestFirst([job(1), job(3), job(2)])).toBe(false);
	});
});

describe('compareJobs', () => {
	it('reports nothing on the baseline, then new jobs and status changes, oldest job first', () => {
		const previous = baseline([job(2), job(1, 'PLANNED'), job(0, 'COMPLETED')]);
		const { events } = compareJobs(previous, full([job(4, 'PLANNED'), job(3), job(2, 'COMPLETED'), job(1, 'PLANNED')]), 1);
		expect(events.map((event) => [event.job.JobId, event.event, event.previousStatus])).toEqual([
			['job-2', 'statusChanged', 'IN_PROGRESS'],
			['job-3', 'created', null],
			['job-4', 'created', null],
		]);
	});

	it('a job created at the newest instant seen is new once, however its time is written', () => {
		const previous = baseline([job(5), job(4)]);
		const twin = { ...job(5), JobId: 'twin', UtcCreate: new Date(BASE + 5000).toISOString().replace('.000Z', 'Z') };
		const first = compareJobs(previous, full([twin, job(5), job(4)]), 1);
		expect(first.events.map((event) => event.job.JobId)).toEqual(['twin']);
		expect(compareJobs(first.next, full([job(5), twin, job(4)]), 2).events).toEqual([]);
	});

	it('a change between spellings of one value is no event; COMPLETE ends a job; unknown values stay open', () => {
		const previous = baseline([job(3, 'PAUSED'), job(2), job(1)]);
		const { events, next } = compareJobs(previous, full([job(3, 'paused'), job(2, 'COMPLETE'), job(1, 'CANCELLED')]), 1);
		expect(events.map((event) => [event.job.JobId, event.job.JobStatus])).toEqual([
			['job-1', 'CANCELLED'],
			['job-2', 'COMPLETE'],
		]);
		expect(next.open).toEqual({ 'job-3': 'paused' });
	});

	it('learns the order and the time of a full listing; a partial read keeps both', () => {
		const listed = compareJobs(undefined, full([job(3), job(2), job(1)]), 100).next;
		expect(listed).toMatchObject({ newestFirst: true, listedAt: 100, checkedAt: 100, oldestOpenCreate: job(1).UtcCreate });
		const partial = compareJobs(listed, { jobs: [job(3), job(2)], complete: false, newestFirst: true, oldestFirst: false, total: 3 }, 200).next;
		expect(partial).toMatchObject({ newestFirst: true, listedAt: 100, checkedAt: 200 });
		expect(compareJobs(undefined, full([job(1), job(2)]), 300).next).toMatchObject({ newestFirst: false, oldestFirst: true, total: 2 });
		expect(compareJobs(undefined, full([job(1), job(3), job(2)]), 300).next).toMatchObject({ newestFirst: false, oldestFirst: false });
	});

	it('keeps its state as JSON keeps it', () => {
		const { next } = compareJobs(undefined, full([job(2), job(1, 'x', 'not a time')]), 5);
		expect(JSON.parse(JSON.stringify(next))).toEqual(next);
	});
});

describe('keepNewestOpen', () => {
	const many = Array.from({ length: MAX_OPEN_JOBS + 50 }, (_, n) => job(n));
	const newest = many.slice(50).map((entry) => entry.JobId);

	it.each([
		['oldest first', many],
		['newest first', [...many].reverse()],
		['shuffled', [...many].sort((a, b) => (a.JobId.length % 3) - (b.JobId.length % 3) || b.JobId.localeCompare(a.JobId))],
	])('keeps the %s list’s newest open jobs', (_order, jobs) => {
		expect(keepNewestOpen(jobs).map((entry) => entry.JobId).sort()).toEqual([...newest].sort());
	});

	it('counts only jobs not completed or canceled', () => {
		expect(keepNewestOpen([job(3, 'COMPLETE'), job(2, 'CANCELED'), job(1, 'PLANNED')]).map((entry) => entry.JobId)).toEqual(['job-1']);
	});
});

describe('pollDeadline', () => {
	const context = (budgetMs?: number) =>
		(budgetMs === undefined ? {} : { getPollBudgetMs: () => budgetMs }) as unknown as IPollFunctions;

	it('passes the budget less a reserve for the requests under way, and then refuses to start one', async () => {
		const clock = new FakeClock();
		const deadline = pollDeadline(context(36_000), clock);
		const call = deadline.guard(async () => ({ Success: true }));
		// 36 s less 9 s (a quarter, under the 10 s reserve).
		await clock.runUntilSettled(clock.sleep(26_999));
		expect(deadline.passed()).toBe(false);
		await expect(call('ListOTAJobByFirmware', {})).resolves.toEqual({ Success: true });
		await clock.runUntilSettled(clock.sleep(1));
		expect(deadline.passed()).toBe(true);
		await expect(call('ListOTAJobByFirmware', {})).rejects.toBeInstanceOf(PollBudgetSpent);
	});

	it('keeps a quarter of a small budget in reserve, and never passes without one', async () => {
		const clock = new FakeClock();
		const small = pollDeadline(context(4_000), clock);
		const none = pollDeadline(context(undefined), clock);
		await clock.runUntilSettled(clock.sleep(3_000));
		expect(small.passed()).toBe(true);
		await clock.runUntilSettled(clock.sleep(10 ** 9));
		expect(none.passed()).toBe(false);
	});
});
