import { EMULATOR_KEYS, FIXTURE_FIRMWARES, JOB_NOT_FOUND_CODE, TASK_STATUSES, type JobSpec, type TaskStatus } from '../../tools/emulator/index';
import { sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function call(action: string, params: Record<string, string | undefined>): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { params: { Action: action, ...params } });
}

const cancel = (jobId: string, flags: Record<string, string | undefined>) => call('CancelOTATaskByJob', { JobId: jobId, ...flags });

/** What Get Progress does: one PageSize=1 ListOTATaskByJob call per state, reading Total. */
async function progress(jobId: string): Promise<Record<TaskStatus | 'Total', number>> {
	const counts = { Total: Number((await call('ListOTATaskByJob', { JobId: jobId, CurrentPage: '1', PageSize: '1' })).body.Total) };
	for (const status of TASK_STATUSES) {
		const answer = await call('ListOTATaskByJob', { JobId: jobId, TaskStatus: status, CurrentPage: '1', PageSize: '1' });
		Object.assign(counts, { [status]: answer.body.Total });
	}
	return counts as Record<TaskStatus | 'Total', number>;
}

const MIX: JobSpec['statusMix'] = { CONFIRM: 10, QUEUED: 20, NOTIFIED: 30, IN_PROGRESS: 40, SUCCEEDED: 50, FAILED: 5 };
const newJob = (spec: Partial<JobSpec> = {}) => emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 155, statusMix: MIX, ...spec }).jobId;

describe('CancelOTATaskByJob', () => {
	it('needs at least one flag set to true, and says which flags there are', async () => {
		const jobId = newJob();
		for (const flags of [{}, { CancelQueuedTask: 'false', CancelInProgressTask: 'false' }]) {
			const answer = await cancel(jobId, flags);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.IllegalRequest' });
			expect(answer.body.ErrorMessage).toContain('CancelScheduledTask, CancelQueuedTask, CancelInProgressTask, CancelNotifiedTask, CancelUnconfirmedTask');
		}
		expect((await cancel(jobId, { CancelQueuedTask: 'yes' })).body.ErrorMessage).toBe('CancelQueuedTask must be true or false, not "yes".');
		expect((await progress(jobId)).CANCELED).toBe(0);
	});

	it('answers {RequestId, Success} only, and cancels exactly the states asked for', async () => {
		const jobId = newJob();
		const answer = await cancel(jobId, { CancelInProgressTask: 'true', CancelNotifiedTask: 'true' });
		expect(Object.keys(answer.body).sort()).toEqual(['RequestId', 'Success']);
		expect(answer.body.Success).toBe(true);
		expect(await progress(jobId)).toEqual({ Total: 155, CONFIRM: 10, QUEUED: 20, NOTIFIED: 0, IN_PROGRESS: 0, SUCCEEDED: 50, FAILED: 5, CANCELED: 70 });
	});

	it('cancels CONFIRM with CancelQueuedTask unless CancelUnconfirmedTask is sent, as documented', async () => {
		const queuedOnly = newJob();
		await cancel(queuedOnly, { CancelQueuedTask: 'true', CancelUnconfirmedTask: 'false' });
		expect(await progress(queuedOnly)).toMatchObject({ CONFIRM: 10, QUEUED: 0, CANCELED: 20 });

		const both = newJob();
		await cancel(both, { CancelQueuedTask: 'true' });
		expect(await progress(both)).toMatchObject({ CONFIRM: 0, QUEUED: 0, CANCELED: 30 });

		const unconfirmed = newJob();
		await cancel(unconfirmed, { CancelUnconfirmedTask: 'true' });
		expect(await progress(unconfirmed)).toMatchObject({ CONFIRM: 0, QUEUED: 20, CANCELED: 10 });
	});

	it('cancels the waiting tasks of a scheduled (PLANNED) job with CancelScheduledTask, and no others', async () => {
		const planned = emulator.firmware(FIXTURE_FIRMWARES.pages)?.jobs.find((job) => job.JobStatus === 'PLANNED');
		if (!planned) throw new Error('the 450-job fixture has PLANNED jobs');
		const waiting = (await progress(planned.JobId)).Total;
		await cancel(planned.JobId, { CancelScheduledTask: 'true' });
		expect(await progress(planned.JobId)).toMatchObject({ Total: waiting, QUEUED: 0, CANCELED: waiting });
		const running = newJob();
		await cancel(running, { CancelScheduledTask: 'true' });
		expect((await progress(running)).CANCELED).toBe(0);
		// A job whose every task ended is no longer open in the job list either.
		const listed = await call('QueryOTAJob', { JobId: planned.JobId });
		expect((listed.body.Data as Record<string, unknown>).JobStatus).toBe('CANCELED');
	});

	it('keeps progress, listing and cancel consistent while tasks move on', async () => {
		const jobId = newJob({ taskCount: 1000, statusMix: { QUEUED: 1 }, failureRate: 0.2 });
		emulator.advanceTasks(jobId); // all NOTIFIED
		emulator.advanceTasks(jobId); // all IN_PROGRESS
		await cancel(jobId, { CancelInProgressTask: 'true' });
		const afterCancel = await progress(jobId);
		expect(afterCancel).toMatchObject({ Total: 1000, IN_PROGRESS: 0, CANCELED: 1000 });
		// Canceled tasks stay canceled; the job has ended.
		emulator.advanceTasks(jobId, 3);
		expect(await progress(jobId)).toEqual(afterCancel);
		expect(emulator.taskSummary(jobId).jobStatus).toBe('COMPLETED');

		const other = newJob({ taskCount: 1000, statusMix: { QUEUED: 1 }, failureRate: 0.2 });
		emulator.advanceTasks(other, 2);
		await cancel(other, { CancelQueuedTask: 'true', CancelNotifiedTask: 'true' }); // nothing left in those states
		emulator.advanceTasks(other);
		const done = await progress(other);
		expect(done.SUCCEEDED + done.FAILED).toBe(1000);
		expect(done.FAILED).toBeGreaterThan(100);
		expect(done.CANCELED).toBe(0);
		const failedPage = await call('ListOTATaskByJob', { JobId: other, TaskStatus: 'FAILED', PageSize: '100' });
		expect(failedPage.body.Total).toBe(done.FAILED);
	});

	it('needs a JobId and names an unknown job', async () => {
		expect((await cancel('', { CancelQueuedTask: 'true' })).body.Code).toBe('MissingJobId');
		expect((await cancel('NoSuchJob0000000000000200', { CancelQueuedTask: 'true' })).body.Code).toBe(JOB_NOT_FOUND_CODE);
	});
});

describe('CancelOTATaskByJob quota', () => {
	it('admits 5 per second per account, the documented quota', async () => {
		await withEmulator({}, async (fresh) => {
			const jobId = fresh.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 10 }).jobId;
			const params = { Action: 'CancelOTATaskByJob', JobId: jobId, CancelQueuedTask: 'true' };
			const answers = await Promise.all(
				[1, 2, 3, 4, 5, 6].map((n) =>
					sendSigned(fresh.url, { credentials: n % 2 ? EMULATOR_KEYS.active : EMULATOR_KEYS.sameAccount, params }),
				),
			);
			expect(answers.map((answer) => String(answer.body.Code ?? 'ok')).sort()).toEqual(['Throttling.User', 'ok', 'ok', 'ok', 'ok', 'ok']);
			expect(fresh.quotas().qpsByAction.CancelOTATaskByJob).toBe(5);
		});
	});
});
