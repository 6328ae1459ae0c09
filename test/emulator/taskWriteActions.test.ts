// The four task actions of the write side against the emulator's task state, signed by hand (V1).
import { FIXTURE_FIRMWARES, FIXTURE_PRODUCTS } from '../../tools/emulator/fixtures';
import { sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });
// A job ID per test: the control route does not replace an existing job.
let jobNumber = 0;
let JOB = '';
type Task = { TaskId: string; DeviceName: string; TaskStatus: string };

async function seed(statusMix: Record<string, number>): Promise<void> {
	JOB = `TaskWritesJob${String(++jobNumber).padStart(13, '0')}`;
	const taskCount = Object.values(statusMix).reduce((a, b) => a + b, 0);
	await fetch(`${emulator.url}/__emulator/jobs-with-tasks`, {
		method: 'POST',
		body: JSON.stringify({ firmwareId: FIXTURE_FIRMWARES.demo, jobId: JOB, taskCount, statusMix }),
	});
}

async function tasks(): Promise<Task[]> {
	const answer = await sendSigned(emulator.url, { params: { Action: 'ListOTATaskByJob', JobId: JOB, CurrentPage: '1', PageSize: '100' } });
	return (answer.body.Data as { SimpleOTATaskInfo: Task[] }).SimpleOTATaskInfo;
}

const numbered = (prefix: string, values: string[]) => Object.fromEntries(values.map((value, i) => [`${prefix}.${i + 1}`, value]));

describe('ConfirmOTATask', () => {
	it('moves CONFIRM tasks to QUEUED, as POST only', async () => {
		await seed({ CONFIRM: 3 });
		const ids = (await tasks()).map((task) => task.TaskId);
		const byGet = await sendSigned(emulator.url, { method: 'GET', params: { Action: 'ConfirmOTATask', ...numbered('TaskId', ids) } });
		expect(byGet.body.Code).toBe('UnsupportedHTTPMethod');
		expect((await tasks()).map((task) => task.TaskStatus)).toEqual(['CONFIRM', 'CONFIRM', 'CONFIRM']);
		const byPost = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ConfirmOTATask', ...numbered('TaskId', ids.slice(0, 2)) } });
		expect(byPost.body.Success).toBe(true);
		expect((await tasks()).map((task) => task.TaskStatus).sort()).toEqual(['CONFIRM', 'QUEUED', 'QUEUED']);
	});

	it('refuses 11 task IDs and none', async () => {
		const eleven = Array.from({ length: 11 }, (_, i) => `T${i}`);
		const tooMany = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ConfirmOTATask', ...numbered('TaskId', eleven) } });
		expect(tooMany.body.Success).toBe(false);
		const none = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ConfirmOTATask' } });
		expect(none.body.Code).toBe('MissingTaskId.1');
	});
});

describe('ReupgradeOTATask', () => {
	it('re-queues FAILED tasks and refuses one in another state', async () => {
		await seed({ FAILED: 2, QUEUED: 1 });
		const all = await tasks();
		const failed = all.filter((task) => task.TaskStatus === 'FAILED').map((task) => task.TaskId);
		const running = all.find((task) => task.TaskStatus === 'QUEUED')!.TaskId;
		const refused = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ReupgradeOTATask', JobId: JOB, ...numbered('TaskId', [running]) } });
		expect(refused.body.Success).toBe(false);
		const done = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ReupgradeOTATask', JobId: JOB, ...numbered('TaskId', failed) } });
		expect(done.body).toMatchObject({ Success: true });
		expect((await tasks()).filter((task) => failed.includes(task.TaskId)).map((task) => task.TaskStatus)).not.toContain('FAILED');
		const noJob = await sendSigned(emulator.url, { method: 'POST', params: { Action: 'ReupgradeOTATask', ...numbered('TaskId', failed) } });
		expect(noJob.body.Code).toBe('MissingJobId');
	});
});

describe('CancelOTATaskByDevice and ListOTAUnfinishedTaskByDevice', () => {
	it('cancels the named devices’ unfinished tasks, which then no longer list as unfinished', async () => {
		await seed({ QUEUED: 3 });
		const [first, second] = await tasks();
		const productKey = FIXTURE_PRODUCTS.meter.productKey;
		const unfinished = async (deviceName: string) =>
			sendSigned(emulator.url, {
				params: { Action: 'ListOTAUnfinishedTaskByDevice', ProductKey: productKey, DeviceName: deviceName, 'TaskStatusList.1': 'QUEUED' },
			});
		expect(((await unfinished(first.DeviceName)).body.Data as { SimpleOTATaskInfo: Task[] }).SimpleOTATaskInfo.map((t) => t.TaskId)).toContain(first.TaskId);
		const canceled = await sendSigned(emulator.url, {
			method: 'POST',
			params: { Action: 'CancelOTATaskByDevice', ProductKey: productKey, FirmwareId: FIXTURE_FIRMWARES.demo, JobId: JOB, ...numbered('DeviceName', [first.DeviceName]) },
		});
		expect(canceled.body.Success).toBe(true);
		const after = await tasks();
		expect(after.find((t) => t.TaskId === first.TaskId)!.TaskStatus).toBe('CANCELED');
		expect(after.find((t) => t.TaskId === second.TaskId)!.TaskStatus).toBe('QUEUED');
		const listed = (await unfinished(first.DeviceName)).body.Data as { SimpleOTATaskInfo: Task[] } | undefined;
		expect((listed?.SimpleOTATaskInfo ?? []).map((t) => t.TaskId)).not.toContain(first.TaskId);
	});

	it('refuses 201 device names, and a list of unfinished tasks without a status', async () => {
		const names = Array.from({ length: 201 }, (_, i) => `dev-${i}`);
		const tooMany = await sendSigned(emulator.url, {
			method: 'POST',
			params: { Action: 'CancelOTATaskByDevice', ProductKey: FIXTURE_PRODUCTS.meter.productKey, FirmwareId: FIXTURE_FIRMWARES.demo, ...numbered('DeviceName', names) },
		});
		expect(tooMany.body.Success).toBe(false);
		const noStatus = await sendSigned(emulator.url, {
			params: { Action: 'ListOTAUnfinishedTaskByDevice', ProductKey: FIXTURE_PRODUCTS.meter.productKey, DeviceName: 'dev-0' },
		});
		expect(noStatus.body.Code).toBe('MissingTaskStatusList.1');
	});
});
