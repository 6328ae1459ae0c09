// What a poll costs: once a firmware's order is known, a newest-first list is read only from its
// head and an oldest-first one only from its tail; everything else falls back to a full listing
// (requests counted from the emulator).
import type { IDataObject } from 'n8n-workflow';

import { FULL_LISTING_INTERVAL_MS } from '../../../nodes/AlibabaCloudIot/trigger/readFirmwareJobs';
import { useEmulator } from '../../support/useEmulator';
import { addFirmware, eventsOf, newFirmwareId, pagesOf, triggerPolls, watchOf } from '../../support/triggerSetup';

const emulator = useEmulator((started) => started.setQps(0));
const poll = triggerPolls(emulator);

/** 1,000 jobs: 5 pages of 200. */
const JOBS = 1000;

describe('Trigger cost per poll', () => {
	it('newest first, open jobs on page 1: one full listing, then 1 request per poll', async () => {
		const firmwareId = newFirmwareId('Cost');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 30 });
		const state: IDataObject = {};

		const baseline = await poll([firmwareId], state);
		expect(pagesOf(baseline)).toEqual([1, 2, 3, 4, 5]);
		expect(watchOf(state, firmwareId)).toMatchObject({ newestFirst: true, listedAt: expect.any(Number) });

		const quiet = await poll([firmwareId], state);
		expect(pagesOf(quiet)).toEqual([1]);
		expect(quiet.requests[0].params.PageSize).toBe('200');
		expect(quiet.events).toEqual([]);

		// A new job and a status change, both on page 1: still one request, both reported.
		const created = emulator.addJob(firmwareId, { JobStatus: 'PLANNED' });
		emulator.setJobStatus(jobs[20].JobId, 'COMPLETED');
		const busy = await poll([firmwareId], state);
		expect(pagesOf(busy)).toEqual([1]);
		expect(eventsOf(busy)).toEqual([
			['statusChanged', jobs[20].JobId, 'IN_PROGRESS', 'COMPLETED'],
			['created', created.JobId, null, 'PLANNED'],
		]);
	});

	it('reads down to the oldest open job, and no further', async () => {
		const firmwareId = newFirmwareId('Deep');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 450 });
		const state: IDataObject = {};
		await poll([firmwareId], state);

		// The oldest open job is the 450th: on page 3.
		const deep = await poll([firmwareId], state);
		expect(pagesOf(deep)).toEqual([1, 2, 3]);

		// It ends: the next poll reports it, and then the oldest open job is the 449th, still on page 3.
		emulator.setJobStatus(jobs[449].JobId, 'CANCELED');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['statusChanged', jobs[449].JobId, 'IN_PROGRESS', 'CANCELED']]);
		// Jobs 150..448 end: the open ones are all on page 1 again, with an ended one after them.
		for (const job of jobs.slice(150, 449)) emulator.setJobStatus(job.JobId, 'COMPLETED');
		const ended = await poll([firmwareId], state);
		expect(pagesOf(ended)).toEqual([1, 2, 3]);
		expect(ended.events).toHaveLength(299);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);
	});

	it('oldest first, open jobs on the last page: one full listing, then 1 request per poll', async () => {
		const firmwareId = newFirmwareId('Old');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 30, order: 'oldestFirst' });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		expect(watchOf(state, firmwareId)).toMatchObject({ newestFirst: false, oldestFirst: true, total: JOBS });

		const quiet = await poll([firmwareId], state);
		expect(pagesOf(quiet)).toEqual([5]);
		expect(quiet.events).toEqual([]);

		// A new job opens page 6, read on from page 5; both events reported.
		const created = emulator.addJob(firmwareId, { JobStatus: 'PLANNED' });
		emulator.setJobStatus(jobs[5].JobId, 'COMPLETED');
		const next = await poll([firmwareId], state);
		expect(pagesOf(next)).toEqual([5, 6]);
		expect(eventsOf(next)).toEqual([
			['statusChanged', jobs[5].JobId, 'IN_PROGRESS', 'COMPLETED'],
			['created', created.JobId, null, 'PLANNED'],
		]);
		// Page 6 holds the newest job only: the read goes back to page 5, where the open jobs start.
		const after = await poll([firmwareId], state);
		expect(pagesOf(after)).toEqual([6, 5]);
		expect(after.events).toEqual([]);
	});

	it('oldest first: reads back to the oldest open job, and no further', async () => {
		const firmwareId = newFirmwareId('OldDeep');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 450, order: 'oldestFirst' });
		const state: IDataObject = {};
		await poll([firmwareId], state);

		// The oldest open job is the 450th newest, the 551st listed: on page 3.
		expect(pagesOf(await poll([firmwareId], state))).toEqual([5, 4, 3]);
		emulator.setJobStatus(jobs[449].JobId, 'CANCELED');
		const ended = await poll([firmwareId], state);
		expect(pagesOf(ended)).toEqual([5, 4, 3]);
		expect(eventsOf(ended)).toEqual([['statusChanged', jobs[449].JobId, 'IN_PROGRESS', 'CANCELED']]);
		for (const job of jobs.slice(30, 449)) emulator.setJobStatus(job.JobId, 'COMPLETED');
		expect((await poll([firmwareId], state)).events).toHaveLength(419);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([5]);
	});

	it('oldest first: a list that got shorter is read from its new end', async () => {
		const firmwareId = newFirmwareId('OldShort');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 30, order: 'oldestFirst' });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		// As if the firmware had had 1,300 jobs at the last poll: page 7 is empty now.
		watchOf(state, firmwareId).total = 1300;
		emulator.setJobStatus(jobs[0].JobId, 'COMPLETED');
		const shorter = await poll([firmwareId], state);
		expect(pagesOf(shorter)).toEqual([7, 5]);
		expect(eventsOf(shorter)).toEqual([['statusChanged', jobs[0].JobId, 'IN_PROGRESS', 'COMPLETED']]);
		expect(watchOf(state, firmwareId).total).toBe(JOBS);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([5]);

		// Were a page past the end refused rather than answered empty (the docs do not say), the
		// trigger reads the list from page 1 on and reports the same.
		watchOf(state, firmwareId).total = 1300;
		emulator.inject({ respond: { kind: 'business', code: 'iot.common.InvalidPageParams', errorMessage: 'page out of range' } });
		emulator.setJobStatus(jobs[1].JobId, 'COMPLETED');
		const refused = await poll([firmwareId], state);
		expect(pagesOf(refused)).toEqual([7, 1, 2, 3, 4, 5]);
		expect(eventsOf(refused)).toEqual([['statusChanged', jobs[1].JobId, 'IN_PROGRESS', 'COMPLETED']]);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([5]);
	});

	it('an order that stops holding is seen on the page read, that same poll lists every job and learns the new order', async () => {
		const firmwareId = newFirmwareId('Flip');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 30 });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);

		emulator.firmware(firmwareId)!.order = 'oldestFirst';
		emulator.setJobStatus(jobs[3].JobId, 'COMPLETED');
		const flipped = await poll([firmwareId], state);
		expect(pagesOf(flipped)).toEqual([1, 1, 2, 3, 4, 5]);
		expect(eventsOf(flipped)).toEqual([['statusChanged', jobs[3].JobId, 'IN_PROGRESS', 'COMPLETED']]);
		expect(watchOf(state, firmwareId)).toMatchObject({ newestFirst: false, oldestFirst: true });
		expect(pagesOf(await poll([firmwareId], state))).toEqual([5]);

		// Newest first again: the tail read sees it on its first page, and that poll lists every job.
		delete emulator.firmware(firmwareId)!.order;
		emulator.setJobStatus(jobs[4].JobId, 'COMPLETED');
		const back = await poll([firmwareId], state);
		expect(pagesOf(back)).toEqual([5, 1, 2, 3, 4, 5]);
		expect(eventsOf(back)).toEqual([['statusChanged', jobs[4].JobId, 'IN_PROGRESS', 'COMPLETED']]);
		expect(watchOf(state, firmwareId)).toMatchObject({ newestFirst: true, oldestFirst: false });
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);
	});

	it('lists every job again once an hour has passed since the last full listing', async () => {
		const firmwareId = newFirmwareId('Hour');
		addFirmware(emulator, firmwareId, { count: JOBS, open: 30 });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		const listedAt = watchOf(state, firmwareId).listedAt!;
		// Time passing, as the stored time of the last full listing says: a minute short of the hour, then the hour.
		watchOf(state, firmwareId).listedAt = listedAt - FULL_LISTING_INTERVAL_MS + 60_000;
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);
		watchOf(state, firmwareId).listedAt = listedAt - FULL_LISTING_INTERVAL_MS;
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1, 2, 3, 4, 5]);
		expect(Date.now() - watchOf(state, firmwareId).listedAt!).toBeLessThan(FULL_LISTING_INTERVAL_MS);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);
	});

	it('a state saved by version 0.1 is read as it is: one full listing, no event lost or repeated', async () => {
		const firmwareId = newFirmwareId('Legacy');
		const jobs = addFirmware(emulator, firmwareId, { count: JOBS, open: 3 });
		const state: IDataObject = {
			firmwares: {
				[firmwareId]: {
					newestCreate: jobs[0].UtcCreate,
					idsAtNewest: [jobs[0].JobId],
					open: { [jobs[0].JobId]: 'IN_PROGRESS', [jobs[1].JobId]: 'IN_PROGRESS', [jobs[2].JobId]: 'IN_PROGRESS' },
				},
			},
		};
		emulator.setJobStatus(jobs[1].JobId, 'COMPLETED');
		const first = await poll([firmwareId], state);
		expect(pagesOf(first)).toEqual([1, 2, 3, 4, 5]);
		expect(eventsOf(first)).toEqual([['statusChanged', jobs[1].JobId, 'IN_PROGRESS', 'COMPLETED']]);
		expect(pagesOf(await poll([firmwareId], state))).toEqual([1]);
	});
});

describe('Trigger test event ("Fetch Test Event")', () => {
	for (const order of ['newestFirst', 'oldestFirst'] as const) {
		it(`returns the newest job with page 1 and the last page of each firmware (${order})`, async () => {
			const big = newFirmwareId('SampleBig');
			const small = newFirmwareId('SampleSmall');
			const bigJobs = addFirmware(emulator, big, { count: 450, order });
			addFirmware(emulator, small, { count: 150, order });
			const state: IDataObject = {};
			const run = await poll([small, big], state, { mode: 'manual' });
			expect(run.requests.map((request) => [request.params.FirmwareId, request.params.CurrentPage, request.params.PageSize])).toEqual([
				[small, '1', '200'],
				[big, '1', '200'],
				[big, '3', '200'],
			]);
			const newest = [...bigJobs, ...emulator.firmware(small)!.jobs].sort((a, b) => Date.parse(b.UtcCreate) - Date.parse(a.UtcCreate))[0];
			expect(run.events.map((event) => [event.JobId, event.Event, event.PreviousJobStatus])).toEqual([[newest.JobId, 'created', null]]);
			expect(state).toEqual({});
		});
	}
});
