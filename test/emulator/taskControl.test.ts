import { FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function control(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${emulator.url}/__emulator/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('control routes for jobs with tasks', () => {
	it('creates a job with tasks, moves them on, and reports counts per state', async () => {
		const created = await control('POST', 'jobs-with-tasks', {
			firmwareId: FIXTURE_FIRMWARES.demo,
			jobId: 'CtrlJob0000000000000000200',
			taskCount: 50_000,
			statusMix: { QUEUED: 40_000, CONFIRM: 10_000 },
		});
		expect(created).toEqual({
			status: 200,
			json: {
				jobId: 'CtrlJob0000000000000000200',
				firmwareId: FIXTURE_FIRMWARES.demo,
				jobStatus: 'IN_PROGRESS',
				total: 50_000,
				counts: { CONFIRM: 10_000, QUEUED: 40_000, NOTIFIED: 0, IN_PROGRESS: 0, SUCCEEDED: 0, FAILED: 0, CANCELED: 0 },
			},
		});
		// The new job heads its firmware's list, as the newest.
		const listed = await sendSigned(emulator.url, {
			params: { Action: 'ListOTAJobByFirmware', FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: '1', PageSize: '1' },
		});
		expect((listed.body.Data as { SimpleOTAJobInfo: Array<{ JobId: string }> }).SimpleOTAJobInfo[0].JobId).toBe('CtrlJob0000000000000000200');

		const advanced = await control('POST', 'advance-tasks', { jobId: 'CtrlJob0000000000000000200', steps: 2 });
		expect(advanced.json.counts).toMatchObject({ IN_PROGRESS: 50_000 });
		const summary = await control('GET', 'task-summary?jobId=CtrlJob0000000000000000200');
		expect(summary.json).toEqual(advanced.json);
	});

	it('refuses bad input with a message naming the field', async () => {
		const cases: Array<[unknown, string]> = [
			[{ firmwareId: 'FwNope', taskCount: 1 }, 'firmwareId "FwNope" is not a firmware of the emulator'],
			[{ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: -1 }, 'taskCount must be an integer from 0 to 2000000'],
			[{ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 5, statusMix: { DONE: 1 } }, 'statusMix: "DONE" is not a task status'],
			[{ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 5, failureRate: 2 }, 'failureRate must be from 0 to 1'],
		];
		for (const [body, message] of cases) {
			const answer = await control('POST', 'jobs-with-tasks', body);
			expect(answer.status).toBe(400);
			expect(String(answer.json.error)).toContain(message);
		}
		const duplicate = emulator.firmware(FIXTURE_FIRMWARES.demo)?.jobs[1].JobId;
		expect((await control('POST', 'jobs-with-tasks', { firmwareId: FIXTURE_FIRMWARES.demo, jobId: duplicate, taskCount: 1 })).json.error).toBe(
			`jobId "${duplicate}" already exists`,
		);
		expect((await control('POST', 'advance-tasks', { jobId: 'nope' })).json.error).toBe('jobId "nope" is not a job of the emulator');
		expect((await control('POST', 'advance-tasks', { jobId: duplicate, steps: 0 })).json.error).toBe('steps must be an integer from 1 to 10');
	});
});
