import {
	EMULATOR_INSTANCE_ID,
	FIXTURE_FIRMWARES,
	generateJobs,
	type OtaJob,
} from '../../tools/emulator/index';
import { listJobs, sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function listPage(
	firmwareId: string,
	page: number,
	pageSize: number,
	extra: Record<string, string | undefined> = {},
): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { method: 'POST', params: listJobs(firmwareId, page, pageSize, extra) });
}

function jobsOf(answer: RpcAnswer): OtaJob[] {
	return (answer.body.Data as { SimpleOTAJobInfo: OtaJob[] }).SimpleOTAJobInfo;
}

const JOB_FIELDS = [
	'FirmwareId',
	'JobId',
	'JobStatus',
	'JobType',
	'ProductKey',
	'SelectionType',
	'TargetSelection',
	'Tags',
	'UtcCreate',
	'UtcStartTime',
	'UtcEndTime',
	'UtcModified',
];
const API_TIME = /^2024-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe('ListOTAJobByFirmware', () => {
	it('answers a page in the documented shape', async () => {
		const answer = await listPage(FIXTURE_FIRMWARES.demo, 1, 10);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/json;charset=utf-8');
		expect(answer.body).toMatchObject({ Success: true, Total: 7, PageSize: 10, PageCount: 1, CurrentPage: 1 });
		expect(Object.keys(answer.body)).toEqual(['RequestId', 'Success', 'Total', 'PageSize', 'PageCount', 'CurrentPage', 'Data']);
		expect(jobsOf(answer)).toEqual(emulator.firmware(FIXTURE_FIRMWARES.demo)?.jobs);
	});

	it('serves demo jobs with exactly the API fields, consistent with each other', async () => {
		const jobs = jobsOf(await listPage(FIXTURE_FIRMWARES.demo, 1, 10));
		expect(new Set(jobs.map((job) => job.JobStatus))).toEqual(new Set(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELED']));
		expect(jobs.some((job) => job.Tags)).toBe(true);
		expect(jobs.some((job) => !('Tags' in job))).toBe(true);
		for (const job of jobs) {
			for (const key of Object.keys(job)) expect(JOB_FIELDS).toContain(key);
			expect(job.FirmwareId).toBe(FIXTURE_FIRMWARES.demo);
			expect(job.JobId).toMatch(/^[A-Za-z0-9]{20,26}$/);
			for (const time of [job.UtcCreate, job.UtcStartTime, job.UtcModified]) expect(time).toMatch(API_TIME);
			expect('UtcEndTime' in job).toBe(job.JobStatus === 'COMPLETED' || job.JobStatus === 'CANCELED');
			if (job.SelectionType === 'DYNAMIC') expect(job.TargetSelection).toBe('ALL');
			if (job.Tags) {
				expect(job.Tags.OtaTagDTO.length).toBeGreaterThanOrEqual(1);
				expect(job.Tags.OtaTagDTO.length).toBeLessThanOrEqual(3);
				for (const tag of job.Tags.OtaTagDTO) expect(Object.keys(tag)).toEqual(['Key', 'Value']);
			}
		}
	});

	it('pages 450 jobs as 200 + 200 + 50, newest first, each job once; past the end is an empty array', async () => {
		const pages = await Promise.all([1, 2, 3, 4].map((page) => listPage(FIXTURE_FIRMWARES.pages, page, 200)));
		expect(pages.map((page) => page.body.PageCount)).toEqual([3, 3, 3, 3]);
		expect(pages.map((page) => jobsOf(page).length)).toEqual([200, 200, 50, 0]);
		const all = pages.flatMap(jobsOf);
		expect(new Set(all.map((job) => job.JobId)).size).toBe(450);
		const created = all.map((job) => job.UtcCreate);
		expect(created).toEqual([...created].sort().reverse());
	});

	it.each([
		['noData', FIXTURE_FIRMWARES.emptyNoData, undefined],
		['emptyArray', FIXTURE_FIRMWARES.emptyArray, { SimpleOTAJobInfo: [] }],
	])('answers a firmware without jobs in the %s shape', async (_shape, firmwareId, data) => {
		const answer = await listPage(firmwareId, 1, 10);
		expect(answer.body).toMatchObject({ Success: true, Total: 0, PageCount: 0 });
		expect(answer.body.Data).toEqual(data);
		expect('Data' in answer.body).toBe(data !== undefined);
	});

	it('rejects a missing FirmwareId at the gateway', async () => {
		const answer = await listPage(FIXTURE_FIRMWARES.demo, 1, 10, { FirmwareId: undefined });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ Code: 'MissingFirmwareId', Message: 'FirmwareId is mandatory for this action.' });
	});

	it.each(['CurrentPage', 'PageSize'])('rejects a missing %s at the gateway', async (name) => {
		const answer = await listPage(FIXTURE_FIRMWARES.demo, 1, 10, { [name]: undefined });
		expect([answer.status, answer.body.Code]).toEqual([400, `Missing${name}`]);
	});

	it.each([
		['0', '10'],
		['-1', '10'],
		['abc', '10'],
		['1.5', '10'],
		['undefined', '10'],
		['1', '0'],
		['1', '201'],
		['1', 'null'],
		['1', '1e2'],
		['99999999999', '10'],
	])('answers CurrentPage=%s PageSize=%s with the business error iot.common.InvalidPageParams', async (page, size) => {
		const answer = await listPage(FIXTURE_FIRMWARES.demo, 1, 10, { CurrentPage: page, PageSize: size });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body).sort()).toEqual(['Code', 'ErrorMessage', 'RequestId', 'Success']);
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.common.InvalidPageParams' });
	});

	it('accepts PageSize 200, the documented maximum', async () => {
		expect((await listPage(FIXTURE_FIRMWARES.demo, 1, 200)).body.Success).toBe(true);
	});

	it.each(['FwDoesNotExist0000000000', 'undefined', 'null'])('answers firmware %s with iot.ota.FirmwareNotFound', async (id) => {
		const answer = await listPage(id, 1, 10);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.ota.FirmwareNotFound', ErrorMessage: 'The firmware does not exist.' });
	});

	describe('IotInstanceId', () => {
		it('finds an Enterprise firmware only through its instance', async () => {
			const withInstance = await listPage(FIXTURE_FIRMWARES.enterprise, 2, 10, { IotInstanceId: EMULATOR_INSTANCE_ID });
			expect(withInstance.body).toMatchObject({ Success: true, Total: 25, PageCount: 3, CurrentPage: 2 });
			expect(jobsOf(withInstance)).toHaveLength(10);
			const without = await listPage(FIXTURE_FIRMWARES.enterprise, 1, 10);
			expect(without.body.Code).toBe('iot.ota.FirmwareNotFound');
		});

		it('does not find a public-instance firmware through an Enterprise instance', async () => {
			const answer = await listPage(FIXTURE_FIRMWARES.demo, 1, 10, { IotInstanceId: EMULATOR_INSTANCE_ID });
			expect(answer.body.Code).toBe('iot.ota.FirmwareNotFound');
		});

		it.each(['iot-cn-unknown00', 'undefined'])('answers unknown instance %s with iot.system.InstanceNotFound', async (id) => {
			const answer = await listPage(FIXTURE_FIRMWARES.enterprise, 1, 10, { IotInstanceId: id });
			expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.InstanceNotFound' });
		});

		it('treats an empty IotInstanceId as none', async () => {
			expect((await listPage(FIXTURE_FIRMWARES.demo, 1, 10, { IotInstanceId: '' })).body.Success).toBe(true);
		});
	});

	it('serves firmwares added at run time, sorting given jobs newest first', async () => {
		const [older, newer] = generateJobs('FwAddedAtRunTime0000001', 2, 9).reverse();
		emulator.addFirmware({ firmwareId: 'FwAddedAtRunTime0000001', jobs: [older, newer] });
		expect(jobsOf(await listPage('FwAddedAtRunTime0000001', 1, 10)).map((job) => job.JobId)).toEqual([newer.JobId, older.JobId]);

		const generated = emulator.addFirmware({ firmwareId: 'FwGenerated000000000001', jobCount: 1234, seed: 5 });
		expect((await listPage('FwGenerated000000000001', 7, 200)).body).toMatchObject({ Total: 1234, PageCount: 7 });
		expect(jobsOf(await listPage('FwGenerated000000000001', 7, 200))).toEqual(generated.jobs.slice(1200));
	});
});

describe('generateJobs', () => {
	it('is deterministic: same seed, same jobs; another seed or firmware, other jobs', () => {
		expect(generateJobs('FwSeedTest000000000001', 50, 42)).toEqual(generateJobs('FwSeedTest000000000001', 50, 42));
		expect(generateJobs('FwSeedTest000000000001', 50, 43)).not.toEqual(generateJobs('FwSeedTest000000000001', 50, 42));
		const otherFirmware = generateJobs('FwSeedTest000000000002', 50, 42).map((job) => job.JobId);
		expect(otherFirmware).not.toEqual(generateJobs('FwSeedTest000000000001', 50, 42).map((job) => job.JobId));
	});

	it('mixes the documented enum values, with about half the jobs tagged', () => {
		const jobs = generateJobs('FwMixTest0000000000001', 2000, 1, 'a1MixTest01');
		const share = (predicate: (job: OtaJob) => boolean) => jobs.filter(predicate).length / jobs.length;
		expect(share((job) => job.Tags !== undefined)).toBeGreaterThan(0.4);
		expect(share((job) => job.Tags !== undefined)).toBeLessThan(0.6);
		expect(share((job) => job.JobType === 'VERIFY_FIRMWARE')).toBeGreaterThan(0.05);
		expect(share((job) => job.JobType === 'VERIFY_FIRMWARE')).toBeLessThan(0.3);
		expect(new Set(jobs.map((job) => job.TargetSelection))).toEqual(new Set(['ALL', 'SPECIFIC', 'GRAY']));
		expect(new Set(jobs.map((job) => job.SelectionType))).toEqual(new Set(['STATIC', 'DYNAMIC']));
		expect(jobs.every((job) => job.ProductKey === 'a1MixTest01')).toBe(true);
		expect(new Set(jobs.map((job) => job.JobId)).size).toBe(2000);
		expect(jobs.every((job) => job.UtcEndTime === undefined || job.UtcEndTime >= job.UtcCreate)).toBe(true);
	});
});
