import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES, JOB_NOT_FOUND_CODE, TASK_STATUSES } from '../../tools/emulator/index';
import { sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

/** 250 tasks: 100 QUEUED, 50 NOTIFIED, 60 IN_PROGRESS, 30 SUCCEEDED, 10 FAILED. */
let jobId: string;

const emulator = useEmulator({
	qps: 0,
	seed: (started) => {
		jobId = started.addJobWithTasks({
			firmwareId: FIXTURE_FIRMWARES.demo,
			taskCount: 250,
			statusMix: { QUEUED: 100, NOTIFIED: 50, IN_PROGRESS: 60, SUCCEEDED: 30, FAILED: 10 },
		}).jobId;
	},
});

type Task = Record<string, unknown> & { DeviceName: string; TaskStatus: string; TaskId: string };

async function listTasks(params: Record<string, string | undefined>): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { params: { Action: 'ListOTATaskByJob', JobId: jobId, ...params } });
}

function tasksOf(answer: RpcAnswer): Task[] {
	return (answer.body.Data as { SimpleOTATaskInfo: Task[] } | undefined)?.SimpleOTATaskInfo ?? [];
}

describe('ListOTATaskByJob', () => {
	it('answers a page in the documented shape: Data.SimpleOTATaskInfo[] with the SDK fields', async () => {
		const answer = await listTasks({ CurrentPage: '1', PageSize: '100' });
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ Success: true, Total: 250, PageSize: 100, PageCount: 3, CurrentPage: 1 });
		const tasks = tasksOf(answer);
		expect(tasks).toHaveLength(100);
		expect(tasks[0]).toMatchObject({
			JobId: jobId,
			FirmwareId: FIXTURE_FIRMWARES.demo,
			DeviceName: 'device000001',
			DestVersion: '1.2.0',
			ProductName: 'Smart Meter',
		});
		for (const key of ['IotId', 'ProductKey', 'Progress', 'SrcVersion', 'TaskId', 'TaskStatus', 'UtcCreate', 'UtcModified']) {
			expect(tasks[0]).toHaveProperty(key);
		}
		expect(typeof tasks[0].Progress).toBe('string');
		expect(new Set(tasks.map((task) => task.TaskId)).size).toBe(100);
		const last = await listTasks({ CurrentPage: '3', PageSize: '100' });
		expect(tasksOf(last).map((task) => task.DeviceName).slice(-1)).toEqual(['device000250']);
	});

	it('defaults to the first page of 10 when CurrentPage and PageSize are left out (defaults not documented)', async () => {
		const answer = await listTasks({});
		expect(answer.body).toMatchObject({ CurrentPage: 1, PageSize: 10, Total: 250 });
		expect(tasksOf(answer)).toHaveLength(10);
	});

	it('filters by TaskStatus on the server: Total is the count of that state', async () => {
		const expected = { QUEUED: 100, NOTIFIED: 50, IN_PROGRESS: 60, SUCCEEDED: 30, FAILED: 10, CONFIRM: 0, CANCELED: 0 };
		for (const status of TASK_STATUSES) {
			const answer = await listTasks({ TaskStatus: status, CurrentPage: '1', PageSize: '1' });
			expect(answer.body.Total).toBe(expected[status]);
		}
		const failed = tasksOf(await listTasks({ TaskStatus: 'FAILED', PageSize: '100' }));
		expect(failed).toHaveLength(10);
		expect(failed.every((task) => task.TaskStatus === 'FAILED' && task.TaskDesc !== undefined)).toBe(true);
		expect((await listTasks({ TaskStatus: 'DONE' })).body).toMatchObject({ Success: false, Code: 'iot.system.IllegalRequest' });
	});

	it('filters by DeviceNames.N, combined with TaskStatus', async () => {
		const answer = await listTasks({ 'DeviceNames.1': 'device000007', 'DeviceNames.2': 'device000003', 'DeviceNames.3': 'nobody' });
		expect(answer.body.Total).toBe(2);
		expect(tasksOf(answer).map((task) => task.DeviceName)).toEqual(['device000003', 'device000007']);
		const status = tasksOf(answer)[0].TaskStatus;
		const both = await listTasks({ 'DeviceNames.1': 'device000003', 'DeviceNames.2': 'device000007', TaskStatus: status });
		expect(tasksOf(both).map((task) => task.DeviceName)).toContain('device000003');
		expect(tasksOf(both).every((task) => task.TaskStatus === status)).toBe(true);
	});

	it('leaves Data out of an empty page (undocumented shape)', async () => {
		const answer = await listTasks({ TaskStatus: 'CANCELED' });
		expect(answer.body).toMatchObject({ Success: true, Total: 0, PageCount: 0 });
		expect(answer.body).not.toHaveProperty('Data');
	});

	it('caps PageSize at 100 and CurrentPage × PageSize at 100,000', async () => {
		expect((await listTasks({ PageSize: '101' })).body.Code).toBe('iot.common.InvalidPageParams');
		expect((await listTasks({ CurrentPage: '1000', PageSize: '100' })).body).toMatchObject({ Success: true, CurrentPage: 1000 });
		expect((await listTasks({ CurrentPage: '2000', PageSize: '50' })).body.Success).toBe(true);
		const beyond = await listTasks({ CurrentPage: '1001', PageSize: '100' });
		expect(beyond.status).toBe(200);
		expect(beyond.body).toMatchObject({ Success: false, Code: 'iot.common.InvalidPageParams' });
		expect((await listTasks({ CurrentPage: '100001', PageSize: '1' })).body.Code).toBe('iot.common.InvalidPageParams');
	});

	it('serves a job of 150,000 tasks: counts per state, and pages up to the cap only', async () => {
		const big = emulator.addJobWithTasks({
			firmwareId: FIXTURE_FIRMWARES.pages,
			taskCount: 150_000,
			statusMix: { QUEUED: 100_000, IN_PROGRESS: 30_000, SUCCEEDED: 15_000, FAILED: 5_000 },
		});
		const count = async (status?: string) =>
			(await listTasks({ JobId: big.jobId, TaskStatus: status, CurrentPage: '1', PageSize: '1' })).body.Total;
		expect(await count()).toBe(150_000);
		expect(await count('QUEUED')).toBe(100_000);
		expect(await count('FAILED')).toBe(5_000);
		const lastReachable = await listTasks({ JobId: big.jobId, CurrentPage: '1000', PageSize: '100' });
		expect(tasksOf(lastReachable).map((task) => task.DeviceName).slice(-1)).toEqual(['device100000']);
		expect((await listTasks({ JobId: big.jobId, CurrentPage: '1001', PageSize: '100' })).body.Code).toBe('iot.common.InvalidPageParams');
		// A filter brings tasks beyond number 100,000 within reach.
		const named = await listTasks({ JobId: big.jobId, 'DeviceNames.1': 'device149999' });
		expect(tasksOf(named).map((task) => task.DeviceName)).toEqual(['device149999']);
	});

	it('needs a JobId, finds Enterprise jobs only through their instance, and names an unknown job', async () => {
		expect((await listTasks({ JobId: undefined })).body.Code).toBe('MissingJobId');
		expect((await listTasks({ JobId: 'NoSuchJob000000000000000200' })).body).toMatchObject({ Success: false, Code: JOB_NOT_FOUND_CODE });
		const enterpriseJob = emulator.firmware(FIXTURE_FIRMWARES.enterprise)?.jobs[0].JobId;
		expect((await listTasks({ JobId: enterpriseJob })).body.Code).toBe(JOB_NOT_FOUND_CODE);
		expect((await listTasks({ JobId: enterpriseJob, IotInstanceId: EMULATOR_INSTANCE_ID })).body.Success).toBe(true);
		expect((await listTasks({ IotInstanceId: 'iot-cn-nope' })).body.Code).toBe('iot.system.InstanceNotFound');
	});

	it("gives every fixture job tasks consistent with its JobStatus", async () => {
		for (const job of emulator.firmware(FIXTURE_FIRMWARES.demo)?.jobs ?? []) {
			if (job.JobId === jobId) continue;
			const open = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS'];
			let unfinished = 0;
			for (const status of open) unfinished += Number((await listTasks({ JobId: job.JobId, TaskStatus: status, PageSize: '1' })).body.Total);
			const total = Number((await listTasks({ JobId: job.JobId, PageSize: '1' })).body.Total);
			expect(total).toBeGreaterThan(0);
			if (job.JobStatus === 'COMPLETED' || job.JobStatus === 'CANCELED') expect(unfinished).toBe(0);
			if (job.JobStatus === 'PLANNED') expect(unfinished).toBe(total);
		}
	});
});
