// OTA Job Get (QueryOTAJob) and Get Progress (ListOTATaskByJob counted per status) in n8n's engine.
import { FIXTURE_FIRMWARES, TASK_STATUSES } from '../../../tools/emulator';
import { credentialFor, secretsOf } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

const actionRequests = (action: string) => emulator.requests.filter((request) => request.action === action);

describe('OTA Job: Get', () => {
	it('returns the job\'s full record, with Tags and SrcVersions unwrapped', async () => {
		const [job] = emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs.filter((entry) => entry.Tags);
		const { items, error } = await runOperation({
			resource: 'otaJob',
			operation: 'get',
			parameters: { jobId: job.JobId },
			credential: credentialFor(emulator),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const record = items[0].json;
		expect(record).toMatchObject({ JobId: job.JobId, FirmwareId: FIXTURE_FIRMWARES.demo, JobStatus: job.JobStatus });
		expect(record.Tags).toEqual(job.Tags!.OtaTagDTO);
		expect(Array.isArray(record.SrcVersions)).toBe(true);
		for (const version of record.SrcVersions as unknown[]) expect(typeof version).toBe('string');
		expect(record).toHaveProperty('MaximumPerMinute');
		expect(actionRequests('QueryOTAJob').map((request) => request.params.JobId)).toEqual([job.JobId]);
	});

	it('reads each input item\'s own job, paired with its item', async () => {
		const jobIds = emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs.slice(0, 3).map((job) => job.JobId);
		const { items } = await runOperation({
			resource: 'otaJob',
			operation: 'get',
			parameters: { jobId: '={{ $json.jobId }}' },
			inputItems: jobIds.map((jobId) => ({ jobId })),
			credential: credentialFor(emulator),
		});
		expect(items.map((item) => [item.json.JobId, item.pairedItem])).toEqual(
			jobIds.map((jobId, index) => [jobId, { item: index }]),
		);
	});

	it('names an empty Job ID before any request', async () => {
		const { error } = await runOperation({
			resource: 'otaJob',
			operation: 'get',
			parameters: { jobId: '  ' },
			credential: credentialFor(emulator),
		});
		expect(error?.message).toBe('Job ID is empty (item 0): enter the ID of an OTA job (its JobId)');
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('OTA Job: Get Progress', () => {
	it('counts a job\'s tasks per state with 8 one-task pages, never reading the tasks', async () => {
		const summary = emulator.addJobWithTasks({
			firmwareId: FIXTURE_FIRMWARES.demo,
			taskCount: 5000,
			statusMix: { CONFIRM: 100, QUEUED: 900, NOTIFIED: 500, IN_PROGRESS: 1000, SUCCEEDED: 2000, FAILED: 400, CANCELED: 100 },
		});
		const { items, error } = await runOperation({
			resource: 'otaJob',
			operation: 'getProgress',
			parameters: { jobId: summary.jobId },
			credential: credentialFor(emulator),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					JobId: summary.jobId,
					Total: 5000,
					CONFIRM: 100,
					QUEUED: 900,
					NOTIFIED: 500,
					IN_PROGRESS: 1000,
					SUCCEEDED: 2000,
					FAILED: 400,
					CANCELED: 100,
					SucceededPercent: 40,
					FailedPercent: 8,
				},
				pairedItem: { item: 0 },
			},
		]);
		const requests = actionRequests('ListOTATaskByJob');
		expect(requests).toHaveLength(8);
		for (const request of requests) expect(request.params).toMatchObject({ JobId: summary.jobId, PageSize: '1', CurrentPage: '1' });
		expect(requests.map((request) => request.params.TaskStatus).sort()).toEqual([undefined, ...TASK_STATUSES].sort());
	});

	it('follows tasks as they move on, and gives 0 percent for a job without tasks', async () => {
		const moving = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 200, failureRate: 0.25, seed: 7 });
		const empty = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 0 });
		emulator.advanceTasks(moving.jobId, 3);
		const after = emulator.taskSummary(moving.jobId);
		const { items } = await runOperation({
			resource: 'otaJob',
			operation: 'getProgress',
			parameters: { jobId: '={{ $json.jobId }}' },
			inputItems: [{ jobId: moving.jobId }, { jobId: empty.jobId }],
			credential: credentialFor(emulator),
		});
		expect(items[0].json).toMatchObject({ JobId: moving.jobId, Total: 200, ...after.counts });
		expect(after.counts.FAILED).toBeGreaterThan(0);
		expect(items[0].json.FailedPercent).toBe(Math.round((after.counts.FAILED / 200) * 10_000) / 100);
		expect(items[1].json).toMatchObject({ JobId: empty.jobId, Total: 0, SucceededPercent: 0, FailedPercent: 0 });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('fails one item under Continue On Fail and goes on with the others', async () => {
		const known = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 10 });
		const { items, serialized } = await runOperation({
			resource: 'otaJob',
			operation: 'getProgress',
			parameters: { jobId: '={{ $json.jobId }}' },
			inputItems: [{ jobId: 'NoSuchJob0000000000000200' }, { jobId: known.jobId }],
			credential: credentialFor(emulator),
			onError: 'continueRegularOutput',
		});
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { code: 'iot.ota.JobNotFound' }, pairedItem: { item: 0 } });
		expect(String(items[0].json.error)).toContain('iot.ota.JobNotFound');
		expect(items[1]).toMatchObject({ json: { JobId: known.jobId, Total: 10, QUEUED: 10 }, pairedItem: { item: 1 } });
		for (const secret of secretsOf(credentialFor(emulator))) expect(serialized).not.toContain(secret);
	});
});
