// OTA Task List by Job (ListOTATaskByJob) and Cancel by Job (CancelOTATaskByJob) in n8n's engine,
// tested against each other and against Get Progress.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FIXTURE_FIRMWARES, LIST_OTA_TASK_MAX_RECORDS } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

const actionRequests = (action: string) => emulator.requests.filter((request) => request.action === action);
const pagesAsked = () => actionRequests('ListOTATaskByJob').map((r) => `${r.params.CurrentPage}:${r.params.PageSize}`);

const mixedJob = (taskCount = 1000) =>
	emulator.addJobWithTasks({
		firmwareId: FIXTURE_FIRMWARES.demo,
		taskCount,
		statusMix: { CONFIRM: 1, QUEUED: 3, NOTIFIED: 2, IN_PROGRESS: 2, SUCCEEDED: 1, FAILED: 1 },
		seed: taskCount,
	});

const listByJob = (parameters: INodeParameters, inputItems?: IDataObject[]) =>
	runOperation({ resource: 'otaTask', operation: 'listByJob', parameters, inputItems, credential: credentialFor(emulator) });

const cancelByJob = (parameters: INodeParameters, extra: { onError?: 'continueRegularOutput'; inputItems?: IDataObject[] } = {}) =>
	runOperation({ resource: 'otaTask', operation: 'cancelByJob', parameters, credential: credentialFor(emulator), ...extra });

const progressOf = async (jobId: string) =>
	(await runOperation({ resource: 'otaJob', operation: 'getProgress', parameters: { jobId }, credential: credentialFor(emulator) }))
		.items[0].json;

describe('OTA Task: List by Job', () => {
	it('returns every task of a job once with Return All, 100 per page', async () => {
		const job = mixedJob(250);
		const { items, error } = await listByJob({ jobId: job.jobId, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.TaskId)).size).toBe(250);
		for (const item of items) expect(item.json).toMatchObject({ JobId: job.jobId, DeviceName: expect.any(String), TaskStatus: expect.any(String) });
		// A short last page takes the smallest size that lines up with its offset: 50 at offset 200.
		expect(pagesAsked().sort()).toEqual(['1:100', '2:100', '5:50']);
	});

	it.each([
		[50, ['1:50']],
		[250, ['1:100', '2:100', '5:50']],
	])('returns exactly limit %i with the fewest requests', async (limit, pages) => {
		const job = mixedJob();
		const { items } = await listByJob({ jobId: job.jobId, returnAll: false, limit });
		expect(items).toHaveLength(limit);
		expect(pagesAsked()).toEqual(pages);
	});

	it('sends Task Status and Device Names to the API, which filters', async () => {
		const job = mixedJob(500);
		const { items } = await listByJob({
			jobId: job.jobId,
			returnAll: true,
			filters: { taskStatus: 'FAILED', deviceNames: 'device000001, device000002,device000003 , device000004' },
		});
		const [request] = actionRequests('ListOTATaskByJob');
		expect(request.params).toMatchObject({
			TaskStatus: 'FAILED',
			'DeviceNames.1': 'device000001',
			'DeviceNames.2': 'device000002',
			'DeviceNames.3': 'device000003',
			'DeviceNames.4': 'device000004',
		});
		for (const item of items) expect(item.json.TaskStatus).toBe('FAILED');
		const failedFirstFour = ['device000001', 'device000002', 'device000003', 'device000004'];
		for (const item of items) expect(failedFirstFour).toContain(item.json.DeviceName);

		const failedOnly = await listByJob({ jobId: job.jobId, returnAll: true, filters: { taskStatus: 'FAILED' } });
		expect(failedOnly.items).toHaveLength(emulator.taskSummary(job.jobId).counts.FAILED);
		expect(actionRequests('ListOTATaskByJob').slice(1).every((r) => r.params.TaskStatus === 'FAILED')).toBe(true);
	});

	it('takes Device Names as an array from an expression', async () => {
		const job = mixedJob(20);
		const { items } = await listByJob(
			{ jobId: job.jobId, returnAll: true, filters: { deviceNames: '={{ $json.devices }}' } },
			[{ devices: ['device000007', 'device000003'] }],
		);
		expect(items.map((item) => item.json.DeviceName).sort()).toEqual(['device000003', 'device000007']);
	});

	it('pairs several input items, each with its own job and filters', async () => {
		const first = mixedJob(30);
		const second = mixedJob(40);
		const { items } = await listByJob({ jobId: '={{ $json.jobId }}', returnAll: true, filters: { taskStatus: '={{ $json.status }}' } }, [
			{ jobId: first.jobId, status: 'QUEUED' },
			{ jobId: second.jobId, status: 'IN_PROGRESS' },
		]);
		const fromFirst = items.filter((item) => (item.pairedItem as { item: number }).item === 0);
		const fromSecond = items.filter((item) => (item.pairedItem as { item: number }).item === 1);
		expect(fromFirst).toHaveLength(emulator.taskSummary(first.jobId).counts.QUEUED);
		expect(fromSecond).toHaveLength(emulator.taskSummary(second.jobId).counts.IN_PROGRESS);
		for (const item of fromFirst) expect(item.json).toMatchObject({ JobId: first.jobId, TaskStatus: 'QUEUED' });
		for (const item of fromSecond) expect(item.json).toMatchObject({ JobId: second.jobId, TaskStatus: 'IN_PROGRESS' });
	});

	describe('the 100,000 cap (CurrentPage × PageSize ≤ 100,000)', () => {
		let bigJobId: string;
		beforeAll(() => {
			bigJobId = emulator.addJobWithTasks({
				firmwareId: FIXTURE_FIRMWARES.demo,
				taskCount: LIST_OTA_TASK_MAX_RECORDS + 2_000,
				statusMix: { QUEUED: 100_000, FAILED: 2_000 },
			}).jobId;
		});

		it('stops Return All with an error naming the cap and the filters, after one request', async () => {
			const { items, error } = await listByJob({ jobId: bigJobId, returnAll: true });
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				'This job has 102,000 matching tasks, and Alibaba Cloud lists only the first 100,000 (ListOTATaskByJob allows CurrentPage × PageSize ≤ 100,000) (item 0)',
			);
			expect(error?.description).toContain('Task Status or Device Names filter');
			expect(pagesAsked()).toEqual(['1:100']);
		});

		it('reads a Limit within the cap', async () => {
			const { items, error } = await listByJob({ jobId: bigJobId, returnAll: false, limit: 150 });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(150);
			expect(pagesAsked()).toEqual(['1:100', '3:50']);
		});

		it('reads all with Return All once a filter brings the list under the cap', async () => {
			const { items, error } = await listByJob({ jobId: bigJobId, returnAll: true, filters: { taskStatus: 'FAILED' } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2_000);
			expect(new Set(items.map((item) => item.json.TaskId)).size).toBe(2_000);
		});
	});
});

describe('OTA Task: Cancel by Job', () => {
	it('sends one flag per chosen state and answers what was asked and Alibaba\'s answer', async () => {
		const job = mixedJob(300);
		const { items, error } = await cancelByJob({ jobId: job.jobId, taskStates: ['QUEUED', 'IN_PROGRESS'] });
		expect(error).toBeUndefined();
		const [request] = actionRequests('CancelOTATaskByJob');
		// A write goes as POST, its parameters in the signed form body, as Alibaba's SDKs send it.
		expect(request.method).toBe('POST');
		expect(request.params).toMatchObject({
			JobId: job.jobId,
			CancelQueuedTask: 'true',
			CancelInProgressTask: 'true',
			CancelNotifiedTask: 'false',
			CancelScheduledTask: 'false',
			CancelUnconfirmedTask: 'false',
		});
		expect(items).toEqual([
			{
				json: {
					JobId: job.jobId,
					CanceledStates: ['QUEUED', 'IN_PROGRESS'],
					CancelUnconfirmedTask: false,
					CancelQueuedTask: true,
					CancelNotifiedTask: false,
					CancelInProgressTask: true,
					CancelScheduledTask: false,
					RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
					Success: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('after a cancel, Get Progress shows the canceled tasks and List by Job lists them', async () => {
		const job = mixedJob(1000);
		const before = emulator.taskSummary(job.jobId).counts;
		await cancelByJob({ jobId: job.jobId, taskStates: ['QUEUED', 'NOTIFIED'] });
		const progress = await progressOf(job.jobId);
		expect(progress).toMatchObject({
			Total: 1000,
			QUEUED: 0,
			NOTIFIED: 0,
			// CONFIRM tasks are left alone: CancelUnconfirmedTask=false was sent with CancelQueuedTask.
			CONFIRM: before.CONFIRM,
			IN_PROGRESS: before.IN_PROGRESS,
			CANCELED: before.CANCELED + before.QUEUED + before.NOTIFIED,
		});
		const canceled = await listByJob({ jobId: job.jobId, returnAll: true, filters: { taskStatus: 'CANCELED' } });
		expect(canceled.items).toHaveLength(progress.CANCELED as number);
	});

	it('cancels each input item\'s own job and states, paired', async () => {
		const first = mixedJob(50);
		const second = mixedJob(60);
		const { items } = await cancelByJob(
			{ jobId: '={{ $json.jobId }}', taskStates: '={{ $json.states }}' },
			{ inputItems: [{ jobId: first.jobId, states: ['CONFIRM'] }, { jobId: second.jobId, states: ['IN_PROGRESS'] }] },
		);
		expect(items.map((item) => [item.json.JobId, item.json.CanceledStates, item.pairedItem])).toEqual([
			[first.jobId, ['CONFIRM'], { item: 0 }],
			[second.jobId, ['IN_PROGRESS'], { item: 1 }],
		]);
		expect(emulator.taskSummary(first.jobId).counts.CONFIRM).toBe(0);
		expect(emulator.taskSummary(first.jobId).counts.QUEUED).toBeGreaterThan(0);
		expect(emulator.taskSummary(second.jobId).counts.IN_PROGRESS).toBe(0);
	});

	it('refuses an empty choice of states before any request, naming the field', async () => {
		const job = mixedJob(10);
		// An expression (or an AI agent) can leave the required field empty at run time.
		const { error } = await cancelByJob({ jobId: job.jobId, taskStates: '={{ $json.states }}' }, { inputItems: [{ states: [] }] });
		expect(error?.message).toBe(
			'Task States to Cancel is empty (item 0): choose at least one state whose tasks to cancel',
		);
		expect(emulator.requests).toHaveLength(0);
	});

	it('retries throttling and an unavailable gateway, which prove nothing was canceled', async () => {
		const job = mixedJob(100);
		emulator.inject({ action: 'CancelOTATaskByJob', respond: { kind: 'gateway', httpStatus: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' } });
		emulator.inject({ action: 'CancelOTATaskByJob', respond: { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' } });
		const { items, error } = await cancelByJob({ jobId: job.jobId, taskStates: ['QUEUED'] });
		expect(error).toBeUndefined();
		expect(items[0].json.Success).toBe(true);
		expect(actionRequests('CancelOTATaskByJob').map((r) => r.httpStatus)).toEqual([400, 503, 200]);
		expect(emulator.taskSummary(job.jobId).counts.QUEUED).toBe(0);
	});

	it.each([
		['a connection dropped after sending', { kind: 'destroy' as const }, {}],
		['a timeout', { kind: 'hang' as const }, { timeout: 300 }],
		['an internal error', { kind: 'gateway' as const, httpStatus: 500, code: 'InternalError', message: 'The request processing has failed due to some unknown error.' }, {}],
	])('never retries when the outcome is unknown: %s', async (_case, respond, options) => {
		const job = mixedJob(100);
		emulator.inject({ action: 'CancelOTATaskByJob', respond });
		const { error } = await cancelByJob({ jobId: job.jobId, taskStates: ['QUEUED'], options: { maxAttempts: 5, ...options } });
		// Throttled attempts before it (Cancel's quota is 5 per second) prove nothing and are retried;
		// the one whose outcome is unknown is the last request sent.
		const cancels = actionRequests('CancelOTATaskByJob');
		expect(cancels.filter((request) => request.code !== 'Throttling.User')).toHaveLength(1);
		expect(cancels[cancels.length - 1].code).not.toBe('Throttling.User');
		expect(error?.message).toContain('The cancel may or may not have been carried out, so it was not retried');
		expect(error?.message).toContain("check the job's tasks before canceling again");
	});

	it('lets other read operations retry the same failures', async () => {
		const job = mixedJob(10);
		emulator.inject({ action: 'ListOTATaskByJob', respond: { kind: 'destroy' } });
		const { items, error } = await listByJob({ jobId: job.jobId, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
	});

	it('gives a Continue On Fail item for an unknown job and cancels the next', async () => {
		const job = mixedJob(20);
		const { items } = await cancelByJob(
			{ jobId: '={{ $json.jobId }}', taskStates: ['QUEUED'] },
			{ onError: 'continueRegularOutput', inputItems: [{ jobId: 'NoSuchJob0000000000000200' }, { jobId: job.jobId }] },
		);
		expect(items[0]).toMatchObject({ json: { code: 'iot.ota.JobNotFound' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { JobId: job.jobId, Success: true }, pairedItem: { item: 1 } });
	});
});
