import { type OtaJob } from '../../tools/emulator/index';
import { listJobs, sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function control(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${emulator.url}/__emulator/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function served(firmwareId: string): Promise<OtaJob[]> {
	const answer = await sendSigned(emulator.url, { params: listJobs(firmwareId, 1, 200) });
	return (answer.body.Data as { SimpleOTAJobInfo: OtaJob[] } | undefined)?.SimpleOTAJobInfo ?? [];
}

const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe('adding jobs', () => {
	it('addJob adds a running job created now, at the head of a newest-first list and the tail of an oldest-first one', async () => {
		emulator.addFirmware({ firmwareId: 'FwAddJob00000000000005', jobCount: 5, seed: 5 });
		const before = Date.now();
		const job = emulator.addJob('FwAddJob00000000000005');
		expect(job).toMatchObject({ FirmwareId: 'FwAddJob00000000000005', JobStatus: 'IN_PROGRESS' });
		expect(job.JobId).toMatch(/^[A-Za-z0-9]{22}0200$/);
		expect(job.UtcCreate).toMatch(API_TIME);
		expect(Date.parse(job.UtcCreate)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(job.UtcEndTime).toBeUndefined();
		expect(job.ProductKey).toBe(emulator.firmware('FwAddJob00000000000005')?.productKey);
		const jobs = await served('FwAddJob00000000000005');
		expect(jobs).toHaveLength(6);
		expect(jobs[0]).toEqual(job);
		emulator.setJobOrder('oldestFirst');
		expect((await served('FwAddJob00000000000005')).at(-1)).toEqual(job);
	});

	it('takes any given fields, and puts an older job at its place by UtcCreate', async () => {
		emulator.addFirmware({ firmwareId: 'FwAddJobOld00000000003', jobCount: 3, seed: 3 });
		const [newest, middle] = emulator.firmware('FwAddJobOld00000000003')?.jobs ?? [];
		const between = new Date((Date.parse(newest.UtcCreate) + Date.parse(middle.UtcCreate)) / 2).toISOString().replace(/\.\d{3}Z$/, '.000Z');
		const job = emulator.addJob('FwAddJobOld00000000003', { JobId: 'MyJob0000000000000000000200', UtcCreate: between, JobStatus: 'COMPLETED' });
		expect(job).toMatchObject({ JobId: 'MyJob0000000000000000000200', UtcCreate: between, JobStatus: 'COMPLETED' });
		expect(job.UtcEndTime).toMatch(API_TIME);
		expect((await served('FwAddJobOld00000000003')).map((j) => j.JobId)).toEqual([newest.JobId, job.JobId, middle.JobId, expect.any(String)]);
		expect(() => emulator.addJob('FwAddJobOld00000000003', { JobId: 'MyJob0000000000000000000200' })).toThrow(/already has job/);
		expect(() => emulator.addJob('FwNoSuchFirmware')).toThrow(/no firmware FwNoSuchFirmware/);
		expect(() => emulator.addJob('FwAddJobOld00000000003', { UtcCreate: 'yesterday' })).toThrow(/UtcCreate/);
	});

	it('POST /__emulator/firmwares/<id>/jobs adds one and answers it', async () => {
		emulator.addFirmware({ firmwareId: 'FwAddJobRoute000000002', jobCount: 2, seed: 2 });
		const empty = await control('POST', 'firmwares/FwAddJobRoute000000002/jobs');
		expect(empty.status).toBe(200);
		expect(empty.json).toMatchObject({ FirmwareId: 'FwAddJobRoute000000002', JobStatus: 'IN_PROGRESS' });
		const tagged = await control('POST', 'firmwares/FwAddJobRoute000000002/jobs', {
			JobType: 'VERIFY_FIRMWARE',
			Tags: { OtaTagDTO: [{ Key: 'env', Value: 'e2e' }] },
		});
		expect(tagged.json).toMatchObject({ JobType: 'VERIFY_FIRMWARE', Tags: { OtaTagDTO: [{ Key: 'env', Value: 'e2e' }] } });
		const jobs = await served('FwAddJobRoute000000002');
		expect(jobs.map((job) => job.JobId).slice(0, 2).sort()).toEqual([empty.json.JobId, tagged.json.JobId].sort());
		expect((await control('POST', 'firmwares/FwMissing/jobs')).status).toBe(400);
	});
});

describe('changing a job status', () => {
	it('setJobStatus sets JobStatus and UtcModified, and UtcEndTime when the job ends', async () => {
		emulator.addFirmware({ firmwareId: 'FwStatus00000000000004', jobCount: 4, seed: 4 });
		const job = emulator.addJob('FwStatus00000000000004', { UtcCreate: '2024-12-01T00:00:00.000Z' });
		const completed = emulator.setJobStatus(job.JobId, 'COMPLETED');
		expect(completed).toMatchObject({ JobId: job.JobId, JobStatus: 'COMPLETED' });
		expect(completed.UtcModified).toMatch(API_TIME);
		expect(Date.parse(completed.UtcModified)).toBeGreaterThan(Date.parse('2024-12-01T00:00:00.000Z'));
		expect(completed.UtcEndTime).toBe(completed.UtcModified);
		expect((await served('FwStatus00000000000004')).find((j) => j.JobId === job.JobId)).toEqual(completed);
		const paused = emulator.setJobStatus(job.JobId, 'PAUSED');
		expect(paused.UtcEndTime).toBeUndefined();
		expect(() => emulator.setJobStatus('NoSuchJob', 'CANCELED')).toThrow(/no job NoSuchJob/);
		expect(() => emulator.setJobStatus(job.JobId, '')).toThrow(/JobStatus/);
	});

	it('POST /__emulator/jobs/<jobId> {JobStatus} changes it and answers the job', async () => {
		emulator.addFirmware({ firmwareId: 'FwStatusRoute000000004', jobCount: 4, seed: 4 });
		const job = emulator.addJob('FwStatusRoute000000004');
		const canceled = await control('POST', `jobs/${job.JobId}`, { JobStatus: 'CANCELED' });
		expect(canceled.status).toBe(200);
		expect(canceled.json).toMatchObject({ JobId: job.JobId, JobStatus: 'CANCELED', UtcEndTime: expect.stringMatching(API_TIME) });
		expect((await served('FwStatusRoute000000004')).find((j) => j.JobId === job.JobId)?.JobStatus).toBe('CANCELED');
		expect((await control('POST', `jobs/${job.JobId}`, {})).status).toBe(400);
		expect((await control('POST', 'jobs/NoSuchJob', { JobStatus: 'CANCELED' })).status).toBe(400);
	});
});
