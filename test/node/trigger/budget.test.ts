// A poll within its budget, and a poll's state across restarts under n8n's two schedulers.
import type { IDataObject } from 'n8n-workflow';

import { FULL_LISTING_INTERVAL_MS } from '../../../nodes/AlibabaCloudIot/trigger/readFirmwareJobs';
import { useEmulator } from '../../support/useEmulator';
import { addFirmware, newFirmwareId, triggerPolls, watchOf, type PollSettings } from '../../support/triggerSetup';

const emulator = useEmulator((started) => started.setQps(0));
const poll = triggerPolls(emulator);

/** A budget already spent when the poll starts: only the first firmware of each poll runs. */
const SPENT = { pollBudgetMs: 0 };

function firmwaresOf(run: { requests: Array<{ params: Record<string, string> }> }): string[] {
	return [...new Set(run.requests.map((request) => request.params.FirmwareId))];
}

describe('Trigger poll budget', () => {
	it('stops starting firmwares when the budget is spent, and continues with the skipped ones first', async () => {
		const ids = [newFirmwareId('BudA'), newFirmwareId('BudB'), newFirmwareId('BudC')];
		for (const id of ids) addFirmware(emulator, id, { count: 300, open: 3 });
		const state: IDataObject = {};

		// Each poll gets through one firmware: the baseline takes three polls, and the state only ever
		// holds the firmwares a poll finished.
		for (const [index, id] of ids.entries()) {
			const run = await poll(ids, state, SPENT);
			expect(firmwaresOf(run)).toEqual([id]);
			expect(Object.keys(state.firmwares as object).sort()).toEqual(ids.slice(0, index + 1).sort());
		}

		const created = ids.map((id) => emulator.addJob(id, { JobStatus: 'PLANNED' }).JobId);
		const emitted: unknown[] = [];
		for (const id of ids) {
			const run = await poll(ids, state, SPENT);
			expect(firmwaresOf(run)).toEqual([id]);
			emitted.push(...run.events.map((event) => event.JobId));
			// A job appearing on a firmware already polled is reported when its turn comes again.
			if (id === ids[1]) created.push(emulator.addJob(ids[0], { JobStatus: 'PLANNED' }).JobId);
		}
		emitted.push(...(await poll(ids, state, SPENT)).events.map((event) => event.JobId));
		expect(emitted.sort()).toEqual([...created].sort());

		// With time to spare, one poll does all three again, and has nothing to report.
		const full = await poll(ids, state);
		expect(firmwaresOf(full).sort()).toEqual([...ids].sort());
		expect(full.events).toEqual([]);
	});
});

/**
 * n8n as far as the trigger's state is concerned: the classic scheduler saves static data only when a
 * poll emits; the durable one (with durable cursors) commits it after every poll, with the execution
 * when there is one. A restart goes back to what was saved; a poll whose hand-off fails (the process
 * dies before the execution is stored) counts for nothing.
 */
class SchedulerModel {
	private saved = '{}';
	private memory: IDataObject = {};
	readonly executions: IDataObject[][] = [];

	constructor(private readonly kind: 'classic' | 'durable') {}

	async tick(firmwareIds: string[], settings: PollSettings = {}): Promise<IDataObject[]> {
		const run = await poll(firmwareIds, this.memory, settings);
		if (run.events.length > 0) this.executions.push(run.events);
		if (run.events.length > 0 || this.kind === 'durable') this.saved = JSON.stringify(this.memory);
		return run.events;
	}

	async tickLostBeforeHandOff(firmwareIds: string[]): Promise<void> {
		await poll(firmwareIds, this.memory);
		this.restart();
	}

	restart(): void {
		this.memory = JSON.parse(this.saved) as IDataObject;
	}

	get state(): IDataObject {
		return this.memory;
	}
}

describe.each([
	['classic', 'newestFirst'],
	['classic', 'oldestFirst'],
	['durable', 'newestFirst'],
	['durable', 'oldestFirst'],
] as const)('Trigger across restarts (%s scheduler, jobs %s)', (kind, order) => {
	it('loses no event and repeats none', async () => {
		const [one, two] = [newFirmwareId('DurA'), newFirmwareId('DurB')];
		const jobsOne = addFirmware(emulator, one, { count: 300, open: 4, order });
		const jobsTwo = addFirmware(emulator, two, { count: 300, open: 4, order });
		const [openOne, openTwo] = [jobsOne.slice(0, 4), jobsTwo.slice(0, 4)];
		const n8n = new SchedulerModel(kind);
		const expected: string[] = [];
		const expect1 = (job: { JobId: string }, event: string) => expected.push(`${event} ${job.JobId}`);

		expect(await n8n.tick([one, two])).toEqual([]);
		expect1(emulator.addJob(one, { JobStatus: 'PLANNED' }), 'created');
		await n8n.tick([one, two]);

		// Restart between a change and the poll that sees it.
		emulator.setJobStatus(openTwo[1].JobId, 'COMPLETED');
		expect1(openTwo[1], 'statusChanged');
		n8n.restart();
		await n8n.tick([one, two]);

		// Polls with nothing to report that still move the state (the hourly full listing), then a restart.
		const listedAt = watchOf(n8n.state, one).listedAt!;
		watchOf(n8n.state, one).listedAt = listedAt - FULL_LISTING_INTERVAL_MS;
		expect(await n8n.tick([one, two])).toEqual([]);
		expect(await n8n.tick([one, two])).toEqual([]);
		n8n.restart();
		expect(await n8n.tick([one, two])).toEqual([]);

		// A poll that found events but died before n8n stored its execution: the next poll finds them again.
		expect1(emulator.addJob(two, { JobStatus: 'PLANNED' }), 'created');
		emulator.setJobStatus(openOne[2].JobId, 'CANCELED');
		expect1(openOne[2], 'statusChanged');
		await n8n.tickLostBeforeHandOff([one, two]);

		// Budget cuts with restarts in between: one firmware per poll.
		emulator.setJobStatus(openOne[3].JobId, 'PAUSED');
		expect1(openOne[3], 'statusChanged');
		expect1(emulator.addJob(two, { JobStatus: 'IN_PROGRESS' }), 'created');
		await n8n.tick([one, two], SPENT);
		n8n.restart();
		await n8n.tick([one, two], SPENT);
		n8n.restart();
		await n8n.tick([one, two], SPENT);
		await n8n.tick([one, two]);
		n8n.restart();
		expect(await n8n.tick([one, two])).toEqual([]);

		const emitted = n8n.executions.flat().map((event) => `${String(event.Event)} ${String(event.JobId)}`);
		expect(emitted.sort()).toEqual(expected.sort());
	});
});
