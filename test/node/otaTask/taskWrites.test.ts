// OTA Task Confirm, Re-upgrade, Cancel by Device and List Unfinished by Device in n8n's engine against
// the emulator: batching at the API's maximum per request, POST, bad values refused before any
// request, and a lost answer that is never re-sent, with the error naming what is unknown and what is done.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
const run = (operation: string, parameters: INodeParameters, extra: { onError?: 'continueRegularOutput'; inputItems?: IDataObject[] } = {}) =>
	runOperation({ resource: 'otaTask', operation, parameters, credential: credentialFor(emulator), ...extra });

/** A job of the demo firmware whose tasks are all in `status`, and their TaskIds as List by Job gives them. */
async function jobWithTasks(taskCount: number, status: 'CONFIRM' | 'FAILED' | 'QUEUED') {
	const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount, statusMix: { [status]: 1 } });
	const { items } = await run('listByJob', { jobId: job.jobId, returnAll: true });
	emulator.resetStats();
	return { jobId: job.jobId, taskIds: items.map((item) => String(item.json.TaskId)) };
}

describe('OTA Task: Confirm', () => {
	it('sends any number of TaskIds 10 per request, as POST, and the tasks go on', async () => {
		const { jobId, taskIds } = await jobWithTasks(25, 'CONFIRM');
		const { items, error } = await run('confirm', { taskIds: taskIds.join(', ') });
		expect(error).toBeUndefined();
		const requests = writes('ConfirmOTATask');
		expect(requests.map((request) => request.method)).toEqual(['POST', 'POST', 'POST']);
		const sent = requests.flatMap((request) => Object.entries(request.params).filter(([key]) => /^TaskId\.\d+$/.test(key)).map(([, value]) => value));
		expect(sent.sort()).toEqual([...taskIds].sort());
		expect(requests.map((request) => Object.keys(request.params).filter((key) => key.startsWith('TaskId.')).length).sort()).toEqual([10, 10, 5]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ TaskIds: taskIds, Requests: 3, Success: true });
		expect(items[0].json.RequestIds).toHaveLength(3);
		expect(emulator.taskSummary(jobId).counts).toMatchObject({ CONFIRM: 0, QUEUED: 25 });
	});

	it('never re-sends a batch whose answer was lost, and names the unknown and the done task IDs', async () => {
		const { taskIds } = await jobWithTasks(30, 'CONFIRM');
		emulator.inject({ action: 'ConfirmOTATask', afterCarryingOut: true, respond: { kind: 'destroy' } });
		const { error } = await run('confirm', { taskIds });
		// Three batches in flight; a blind retry of the lost one would make four.
		expect(writes('ConfirmOTATask')).toHaveLength(3);
		const lost = writes('ConfirmOTATask').find((request) => request.httpStatus === 0)!;
		const lostIds = Array.from({ length: 10 }, (_, i) => lost.params[`TaskId.${i + 1}`]);
		expect(error?.message).toContain(`may or may not have been carried out for the task IDs ${lostIds.join(', ')}`);
		expect(error?.message).toMatch(/was done for \S+/);
		for (const id of taskIds.filter((id) => !lostIds.includes(id))) expect(error?.message).toContain(id);
	});

	it('refuses an empty list before any request', async () => {
		const { error } = await run('confirm', { taskIds: '={{ [] }}' });
		expect(error?.message).toContain('Task IDs is empty (item 0)');
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('OTA Task: Re-upgrade', () => {
	it('sends the job and 10 TaskIds per request; FAILED tasks are queued again', async () => {
		const { jobId, taskIds } = await jobWithTasks(12, 'FAILED');
		const { items, error } = await run('reupgrade', { jobId, taskIds });
		expect(error).toBeUndefined();
		expect(writes('ReupgradeOTATask').map((request) => request.params.JobId)).toEqual([jobId, jobId]);
		expect(items[0].json).toMatchObject({ JobId: jobId, TaskIds: taskIds, Requests: 2 });
		expect(emulator.taskSummary(jobId).counts).toMatchObject({ FAILED: 0, QUEUED: 12 });
	});

	it("shows Alibaba's refusal and what was done before it", async () => {
		const { jobId, taskIds } = await jobWithTasks(3, 'QUEUED');
		const { error } = await run('reupgrade', { jobId, taskIds });
		expect(error?.message).toContain('iot.system.IllegalRequest');
		expect(error?.message).toContain('ReupgradeOTATask was refused for');
		expect(writes('ReupgradeOTATask')).toHaveLength(1);
	});
});

describe('OTA Task: Cancel by Device', () => {
	it('sends 200 device names per request and cancels their unfinished tasks', async () => {
		const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 300, statusMix: { QUEUED: 1 } });
		const deviceNames = Array.from({ length: 250 }, (_, i) => `device${String(i + 1).padStart(6, '0')}`);
		const { items, error } = await run('cancelByDevice', {
			productKey: 'a1EmuMeter1',
			firmwareId: { __rl: true, mode: 'id', value: FIXTURE_FIRMWARES.demo },
			deviceNames,
			jobId: job.jobId,
		});
		expect(error).toBeUndefined();
		const requests = writes('CancelOTATaskByDevice');
		expect(requests.map((request) => Object.keys(request.params).filter((key) => key.startsWith('DeviceName.')).length).sort()).toEqual([200, 50]);
		expect(requests[0].params).toMatchObject({ ProductKey: 'a1EmuMeter1', FirmwareId: FIXTURE_FIRMWARES.demo, JobId: job.jobId });
		expect(items[0].json).toMatchObject({ DeviceNames: deviceNames, Requests: 2, JobId: job.jobId });
		expect(emulator.taskSummary(job.jobId).counts).toMatchObject({ CANCELED: 250, QUEUED: 50 });
	});

	it('a lost answer is not sent again: the devices of that request are named as unknown', async () => {
		emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 5, statusMix: { QUEUED: 1 } });
		emulator.inject({ action: 'CancelOTATaskByDevice', afterCarryingOut: true, respond: { kind: 'gateway', httpStatus: 500, code: 'InternalError', message: 'The request processing has failed due to some unknown error.' } });
		const { error } = await run('cancelByDevice', {
			productKey: 'a1EmuMeter1',
			firmwareId: { __rl: true, mode: 'id', value: FIXTURE_FIRMWARES.demo },
			deviceNames: 'device000001,device000002',
		});
		expect(writes('CancelOTATaskByDevice')).toHaveLength(1);
		expect(error?.message).toContain('may or may not have been carried out for the device names device000001, device000002');
		expect(error?.message).toContain('was done for none');
	});
});

describe('OTA Task: List Unfinished by Device', () => {
	it("lists a device's unfinished tasks in the states asked for", async () => {
		const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 4, statusMix: { QUEUED: 1 } });
		const { items, error } = await run('listUnfinishedByDevice', { productKey: 'a1EmuMeter1', deviceName: 'device000003', taskStatuses: ['QUEUED', 'NOTIFIED'] });
		expect(error).toBeUndefined();
		expect(writes('ListOTAUnfinishedTaskByDevice')[0].params).toMatchObject({ ProductKey: 'a1EmuMeter1', DeviceName: 'device000003', 'TaskStatusList.1': 'QUEUED', 'TaskStatusList.2': 'NOTIFIED' });
		expect(items.map((item) => item.json.JobId)).toContain(job.jobId);
		for (const item of items) expect(item.json).toMatchObject({ DeviceName: 'device000003', TaskStatus: expect.stringMatching(/QUEUED|NOTIFIED/) });
	});

	it('refuses a device given by neither name nor IoT ID, and under Continue On Fail goes on', async () => {
		const { items } = await run(
			'listUnfinishedByDevice',
			{ productKey: 'a1EmuMeter1', deviceName: '={{ $json.name }}', taskStatuses: ['QUEUED'] },
			{ onError: 'continueRegularOutput', inputItems: [{ name: '' }, { name: 'device000001' }] },
		);
		expect(String(items[0].json.error)).toContain('Device Name is empty (item 0)');
		expect(writes('ListOTAUnfinishedTaskByDevice')).toHaveLength(1);
	});
});
