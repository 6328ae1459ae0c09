// The trigger never depends on the API's list order, the spelling of an enum value or the string
// form of a time: run against the emulator in both orders and with the docs' other spellings.
import type { IDataObject } from 'n8n-workflow';

import { MAX_OPEN_JOBS } from '../../../nodes/AlibabaCloudIot/trigger/jobWatch';
import { useEmulator } from '../../support/useEmulator';
import { addFirmware, eventsOf, newFirmwareId, triggerPolls, watchOf } from '../../support/triggerSetup';

const emulator = useEmulator((started) => started.setQps(0));
const poll = triggerPolls(emulator);

afterEach(() => emulator.setEnumSpelling('documented'));

describe.each(['newestFirst', 'oldestFirst'] as const)('Trigger with jobs listed %s', (order) => {
	it(`remembers the ${MAX_OPEN_JOBS} newest open jobs, whatever the order`, async () => {
		const firmwareId = newFirmwareId('Cap');
		const jobs = addFirmware(emulator, firmwareId, { count: MAX_OPEN_JOBS + 500, open: MAX_OPEN_JOBS + 400 });
		emulator.firmware(firmwareId)!.order = order;
		const state: IDataObject = {};
		await poll([firmwareId], state);
		const newestOpen = jobs.slice(0, MAX_OPEN_JOBS).map((job) => job.JobId);
		expect(Object.keys(watchOf(state, firmwareId).open).sort()).toEqual([...newestOpen].sort());
		expect(watchOf(state, firmwareId).oldestOpenCreate).toBe(jobs[MAX_OPEN_JOBS - 1].UtcCreate);
	});

	it('a job beyond the cap: its changes go unreported until it is among the newest open jobs', async () => {
		const firmwareId = newFirmwareId('Beyond');
		const jobs = addFirmware(emulator, firmwareId, { count: MAX_OPEN_JOBS + 100, open: MAX_OPEN_JOBS + 100, order });
		const beyond = jobs[MAX_OPEN_JOBS + 60];
		const state: IDataObject = {};
		await poll([firmwareId], state);

		// Never remembered, so its earlier status is unknown: no event, and it is not remembered now.
		emulator.setJobStatus(beyond.JobId, 'PLANNED');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);
		expect(watchOf(state, firmwareId).open).not.toHaveProperty(beyond.JobId);

		// 100 newer jobs end (each reported): room for it, and it is taken in with its status as it is.
		for (const job of jobs.slice(0, 100)) emulator.setJobStatus(job.JobId, 'COMPLETED');
		expect((await poll([firmwareId], state)).events).toHaveLength(100);
		expect(watchOf(state, firmwareId).open[beyond.JobId]).toBe('PLANNED');

		// From now on its changes are reported.
		emulator.setJobStatus(beyond.JobId, 'IN_PROGRESS');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['statusChanged', beyond.JobId, 'PLANNED', 'IN_PROGRESS']]);
	});

	it('a new job created at the same instant as the newest seen, its time written another way: emitted once', async () => {
		const firmwareId = newFirmwareId('Tie');
		const [newest] = addFirmware(emulator, firmwareId, { count: 300, open: 5, order });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		expect(newest.UtcCreate).toMatch(/:\d\d\.000Z$/);

		// The same instant without milliseconds: not a new job by itself ...
		emulator.firmware(firmwareId)!.jobs[0] = { ...newest, UtcCreate: newest.UtcCreate.replace('.000Z', 'Z') };
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);
		// ... but another job created at that instant is, once.
		const twin = emulator.addJob(firmwareId, { UtcCreate: newest.UtcCreate.replace('.000Z', 'Z'), JobStatus: 'PLANNED' });
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['created', twin.JobId, null, 'PLANNED']]);
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);
		expect(watchOf(state, firmwareId).idsAtNewest.sort()).toEqual([newest.JobId, twin.JobId].sort());
	});

	it('COMPLETE ends a job like COMPLETED, and is passed on as the API spells it', async () => {
		const firmwareId = newFirmwareId('Spell');
		const jobs = addFirmware(emulator, firmwareId, { count: 300, open: 5, order });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		emulator.setEnumSpelling('alternative');
		// The ended jobs now read COMPLETE: not a change of any remembered job.
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);

		emulator.setJobStatus(jobs[2].JobId, 'COMPLETED');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['statusChanged', jobs[2].JobId, 'IN_PROGRESS', 'COMPLETE']]);
		expect(watchOf(state, firmwareId).open).not.toHaveProperty(jobs[2].JobId);
		emulator.setEnumSpelling('documented');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);
	});

	it('an unknown status is passed on unchanged, and the job stays open', async () => {
		const firmwareId = newFirmwareId('Unknown');
		const jobs = addFirmware(emulator, firmwareId, { count: 300, open: 5, order });
		const state: IDataObject = {};
		await poll([firmwareId], state);
		emulator.setJobStatus(jobs[1].JobId, 'PAUSED');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['statusChanged', jobs[1].JobId, 'IN_PROGRESS', 'PAUSED']]);
		expect(watchOf(state, firmwareId).open[jobs[1].JobId]).toBe('PAUSED');
		// The same value in other letters is not a change.
		emulator.setJobStatus(jobs[1].JobId, 'paused');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([]);
		emulator.setJobStatus(jobs[1].JobId, 'IN_PROGRESS');
		expect(eventsOf(await poll([firmwareId], state))).toEqual([['statusChanged', jobs[1].JobId, 'paused', 'IN_PROGRESS']]);
	});
});
