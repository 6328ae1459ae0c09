// A write carried out whose answer never reaches the client: the fault the exactly-once rules guard against.
import { FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

const newJob = () =>
	emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 20, statusMix: { QUEUED: 20 } }).jobId;
const cancelQueued = (jobId: string) =>
	sendSigned(emulator.url, { params: { Action: 'CancelOTATaskByJob', JobId: jobId, CancelQueuedTask: 'true' } });

describe('lost answers', () => {
	it('an injected fault after carrying out: the write happened, the connection broke', async () => {
		const jobId = newJob();
		emulator.inject({ action: 'CancelOTATaskByJob', afterCarryingOut: true, respond: { kind: 'destroy' } });
		await expect(cancelQueued(jobId)).rejects.toThrow();
		expect(emulator.taskSummary(jobId).counts).toMatchObject({ QUEUED: 0, CANCELED: 20 });
		expect(emulator.requests.at(-1)).toMatchObject({ action: 'CancelOTATaskByJob', fault: 'destroy after carrying out' });
	});

	it('an injected fault without afterCarryingOut still refuses before the action runs', async () => {
		const jobId = newJob();
		emulator.inject({ action: 'CancelOTATaskByJob', respond: { kind: 'destroy' } });
		await expect(cancelQueued(jobId)).rejects.toThrow();
		expect(emulator.taskSummary(jobId).counts).toMatchObject({ QUEUED: 20 });
	});

	it('lostAnswers mode: writes are carried out and lose their answer at the rate; reads are untouched', async () => {
		emulator.setFaultMode({ mode: 'lostAnswers', rate: 1, seed: 7 });
		const jobId = newJob();
		const seen = [];
		for (let i = 0; i < 3; i++) {
			seen.push(await cancelQueued(jobId).then((a) => `${a.status} ${String(a.body.Code ?? a.text.slice(0, 14))}`, () => 'broken'));
		}
		expect(seen).toEqual(['broken', '500 InternalError', '502 <!DOCTYPE HTML']);
		expect(emulator.taskSummary(jobId).counts).toMatchObject({ QUEUED: 0, CANCELED: 20 });
		const read = await sendSigned(emulator.url, {
			params: { Action: 'QueryOTAJob', JobId: jobId },
		});
		expect(read.status).toBe(200);
		expect(read.body.Success).toBe(true);
	});

	it('lostAnswers mode refuses a typo in its settings', () => {
		expect(() => emulator.setFaultMode({ mode: 'lostAnswers', rate: 2 })).toThrow('"rate" must be from 0 to 1');
		expect(() => emulator.setFaultMode({ mode: 'lostAnswers', rate: 0.2, actions: 'CreateOTAFirmware' } as never)).toThrow(
			'"actions" must be a list of action names',
		);
	});
});
