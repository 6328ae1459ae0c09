import { EMULATOR_INSTANCE_ID, EMULATOR_KEYS, FIXTURE_FIRMWARES, JOB_NOT_FOUND_CODE, LISTING_ONLY_FIRMWARES } from '../../tools/emulator/index';
import { sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function call(action: string, params: Record<string, string | undefined>): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { params: { Action: action, ...params } });
}

const jobsOf = (firmwareId: string) => emulator.firmware(firmwareId)?.jobs ?? [];

describe('QueryOTAJob', () => {
	it("answers the job's full record as Data, with SrcVersions and Tags wrapped as the SDK model shows", async () => {
		const job = jobsOf(FIXTURE_FIRMWARES.demo).find((candidate) => candidate.Tags);
		if (!job) throw new Error('the demo fixture has tagged jobs');
		const answer = await call('QueryOTAJob', { JobId: job.JobId });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body).sort()).toEqual(['Data', 'RequestId', 'Success']);
		const data = answer.body.Data as Record<string, unknown>;
		// What the list shows of the job, the record repeats.
		const { Tags, ...listed } = job;
		expect(data).toMatchObject(listed);
		expect(data.Tags).toEqual({ OtaTagDTO: Tags?.OtaTagDTO });
		expect(data.SrcVersions).toEqual({ SrcVersion: expect.arrayContaining([expect.any(String)]) });
		expect(data).toMatchObject({ DestVersion: '1.2.0', Name: 'Meter firmware 1.2.0', NeedPush: true, DownloadProtocol: 'HTTPS' });
		for (const key of ['JobDesc', 'MaximumPerMinute', 'MultiModuleMode', 'NeedConfirm', 'OverwriteMode']) expect(data).toHaveProperty(key);
		// The same record on every call.
		const again = (await call('QueryOTAJob', { JobId: job.JobId })).body.Data;
		expect(again).toEqual(data);
	});

	it('carries the fields only some jobs have: GrayPercent, DynamicMode, UtcScheduleTime', async () => {
		const jobs = jobsOf(FIXTURE_FIRMWARES.pages);
		const dataOf = async (predicate: (job: (typeof jobs)[number]) => boolean) => {
			const job = jobs.find(predicate);
			if (!job) throw new Error('the 450-job fixture has every kind of job');
			return (await call('QueryOTAJob', { JobId: job.JobId })).body.Data as Record<string, unknown>;
		};
		expect((await dataOf((job) => job.TargetSelection === 'GRAY')).GrayPercent).toMatch(/^\d+\.00$/);
		expect((await dataOf((job) => job.TargetSelection !== 'GRAY')).GrayPercent).toBeUndefined();
		expect([1, 2]).toContain((await dataOf((job) => job.SelectionType === 'DYNAMIC')).DynamicMode);
		const planned = await dataOf((job) => job.JobStatus === 'PLANNED');
		expect(planned.UtcScheduleTime).toBe(planned.UtcStartTime);
		expect(planned.UtcEndTime).toBeUndefined();
	});

	it("shows a job's status change once its tasks have all ended", async () => {
		const { jobId } = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 3, statusMix: { IN_PROGRESS: 1 } });
		expect(((await call('QueryOTAJob', { JobId: jobId })).body.Data as Record<string, unknown>).JobStatus).toBe('IN_PROGRESS');
		emulator.advanceTasks(jobId);
		const data = (await call('QueryOTAJob', { JobId: jobId })).body.Data as Record<string, unknown>;
		expect(data.JobStatus).toBe('COMPLETED');
		expect(data.UtcEndTime).toEqual(expect.any(String));
	});

	it('needs a JobId, honours IotInstanceId, and names an unknown job', async () => {
		expect((await call('QueryOTAJob', {})).body.Code).toBe('MissingJobId');
		expect((await call('QueryOTAJob', { JobId: 'NoSuchJob0000000000000200' })).body).toMatchObject({ Success: false, Code: JOB_NOT_FOUND_CODE });
		const enterpriseJob = jobsOf(FIXTURE_FIRMWARES.enterprise)[0].JobId;
		expect((await call('QueryOTAJob', { JobId: enterpriseJob })).body.Code).toBe(JOB_NOT_FOUND_CODE);
		expect((await call('QueryOTAJob', { JobId: enterpriseJob, IotInstanceId: EMULATOR_INSTANCE_ID })).body.Success).toBe(true);
	});
});

describe('QueryOTAFirmware', () => {
	it('answers the record as FirmwareInfo beside RequestId, not under Data', async () => {
		const answer = await call('QueryOTAFirmware', { FirmwareId: FIXTURE_FIRMWARES.demo });
		expect(Object.keys(answer.body).sort()).toEqual(['FirmwareInfo', 'RequestId', 'Success']);
		const info = answer.body.FirmwareInfo as Record<string, unknown>;
		expect(info).toMatchObject({
			FirmwareId: FIXTURE_FIRMWARES.demo,
			FirmwareName: 'Meter firmware 1.2.0',
			DestVersion: '1.2.0',
			Type: 0,
			SignMethod: 'MD5',
			ModuleName: 'default',
		});
		expect(info.FirmwareSign).toMatch(/^[0-9a-f]{32}$/);
		expect(info.FirmwareSize).toEqual(expect.any(Number));
		// Like the live one, a pre-signed download URL: a client must keep it out of its output.
		expect(info.FirmwareUrl).toMatch(/^https:\/\/.+\?Expires=\d+&OSSAccessKeyId=[^&]+&Signature=/);
		const diff = (await call('QueryOTAFirmware', { FirmwareId: LISTING_ONLY_FIRMWARES.meterDiff })).body.FirmwareInfo;
		expect(diff).toMatchObject({ SrcVersion: '1.0.0', Type: 1 });
	});

	it('needs a FirmwareId, honours IotInstanceId, and answers iot.ota.FirmwareNotFound', async () => {
		expect((await call('QueryOTAFirmware', {})).body.Code).toBe('MissingFirmwareId');
		expect((await call('QueryOTAFirmware', { FirmwareId: 'FwNothing' })).body).toMatchObject({ Success: false, Code: 'iot.ota.FirmwareNotFound' });
		expect((await call('QueryOTAFirmware', { FirmwareId: FIXTURE_FIRMWARES.enterprise })).body.Code).toBe('iot.ota.FirmwareNotFound');
		const enterprise = await call('QueryOTAFirmware', { FirmwareId: FIXTURE_FIRMWARES.enterprise, IotInstanceId: EMULATOR_INSTANCE_ID });
		expect(enterprise.body.Success).toBe(true);
	});

	it('admits 20 per second per account, twice the list actions', async () => {
		await withEmulator({}, async (fresh) => {
			const params = { Action: 'QueryOTAFirmware', FirmwareId: FIXTURE_FIRMWARES.demo };
			const answers = await Promise.all(Array.from({ length: 21 }, () => sendSigned(fresh.url, { credentials: EMULATOR_KEYS.sameAccount, params })));
			expect(answers.filter((answer) => answer.body.Code === 'Throttling.User')).toHaveLength(1);
			const stats = (await (await fetch(`${fresh.url}/__emulator/stats`)).json()) as { byAction: Record<string, Record<string, number>> };
			expect(stats.byAction.QueryOTAFirmware).toMatchObject({ requests: 21, accepted: 20, throttled: 1 });
		});
	});
});
