// OTA Job Create Verify / Static / Dynamic and Cancel Dynamic in n8n's engine against the emulator:
// the wire parameters, the output, every bad value refused before any request, and each path of
// the exactly-once rule (the request token's tag proves whether a job whose answer was lost exists).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REQUEST_TAG_KEY } from '../../../nodes/AlibabaCloudIot/api/otaJobTags';
import type { FirmwareFixture, InjectedFault } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

let firmwareCount = 0;
const emulator = useEmulator();

/** A fresh firmware of product a1Rollout01, verified unless said otherwise, with `jobCount` old jobs. */
function newFirmware(status = 1, jobCount = 3): FirmwareFixture {
	const fixture = emulator.addFirmware({ firmwareId: `FwCreate${String(++firmwareCount).padStart(14, '0')}`, productKey: 'a1Rollout01', jobCount });
	fixture.status = status;
	return fixture;
}

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
const jobsOf = (firmwareId: string) => emulator.servedJobs(firmwareId);

const run = (operation: string, parameters: INodeParameters, extra: { onError?: 'continueRegularOutput'; inputItems?: IDataObject[] } = {}) =>
	runOperation({ resource: 'otaJob', operation, parameters, credential: credentialFor(emulator), ...extra });

const byId = (firmwareId: string) => ({ __rl: true, mode: 'id', value: firmwareId });

const lose = (action: string, respond: InjectedFault['respond'] = { kind: 'destroy' }, times = 1) =>
	emulator.inject({ action, afterCarryingOut: true, respond, times });

describe('OTA Job: Create Verify Job', () => {
	it('sends CreateOTAVerifyJob as POST with the devices, options and tags, and answers the new job', async () => {
		const firmware = newFirmware(0);
		const { items, error } = await run('createVerify', {
			firmwareId: byId(firmware.firmwareId),
			productKey: 'a1Rollout01',
			deviceNames: 'test1, test2,test3',
			options: { timeoutInMinutes: 30, needConfirm: false, downloadProtocol: 'MQTT', tags: { tag: [{ key: 'ci.build', value: '4711' }] } },
		});
		expect(error).toBeUndefined();
		const [request] = writes('CreateOTAVerifyJob');
		expect(request.method).toBe('POST');
		expect(request.params).toMatchObject({
			FirmwareId: firmware.firmwareId,
			ProductKey: 'a1Rollout01',
			'TargetDeviceName.1': 'test1',
			'TargetDeviceName.2': 'test2',
			'TargetDeviceName.3': 'test3',
			TimeoutInMinutes: '30',
			NeedConfirm: 'false',
			DownloadProtocol: 'MQTT',
			'Tag.1.Key': 'ci.build',
			'Tag.1.Value': '4711',
			'Tag.2.Key': REQUEST_TAG_KEY,
		});
		expect(request.params['Tag.2.Value']).toMatch(/^[0-9a-f]{32}$/);
		expect(Object.keys(request.params).some((key) => /undefined/.test(request.params[key]))).toBe(false);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			JobId: jobsOf(firmware.firmwareId)[0].JobId,
			FirmwareId: firmware.firmwareId,
			ProductKey: 'a1Rollout01',
			RequestToken: request.params['Tag.2.Value'],
			RequestId: expect.any(String),
			Tags: [{ Key: 'ci.build', Value: '4711' }, { Key: REQUEST_TAG_KEY, Value: request.params['Tag.2.Value'] }],
		});
		expect(items[0].json.Recovered).toBeUndefined();
		expect(jobsOf(firmware.firmwareId)[0]).toMatchObject({ JobType: 'VERIFY_FIRMWARE', JobId: items[0].json.JobId });
	});

	it.each([
		[{ deviceNames: '={{ "" }}' }, 'Device Names is empty (item 0)'],
		[{ deviceNames: Array.from({ length: 11 }, (_, i) => `d${i}`).join(',') }, 'Device Names has 11 entries (item 0): at most 10'],
		[{ options: { timeoutInMinutes: 2000 } }, 'Timeout (Minutes) must be a whole number from 1 to 1440 (item 0)'],
		[{ options: { tags: { tag: [{ key: 'bad key!', value: 'x' }] } } }, 'Tags has the key "bad key!"'],
		[{ options: { tags: { tag: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }, 'Tags has 10 tags'],
		[{ options: { tags: { tag: [{ key: 'big', value: 'x'.repeat(4100) }] } } }, 'characters in all'],
		[{ options: { tags: { tag: [{ key: REQUEST_TAG_KEY, value: 'mine' }] } } }, 'keeps for its request token'],
	])('refuses bad values before any request: %#', async (parameters, message) => {
		const firmware = newFirmware(0);
		const { error } = await run('createVerify', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', deviceNames: 'd1', ...parameters });
		expect(`${error?.message}`).toContain(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it('under Continue On Fail gives a bad item its error and creates the good ones', async () => {
		const firmware = newFirmware(-1);
		const { items } = await run(
			'createVerify',
			{ firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', deviceNames: '={{ $json.devices }}' },
			{ onError: 'continueRegularOutput', inputItems: [{ devices: 'd1' }, { devices: '' }] },
		);
		expect(items).toHaveLength(2);
		expect(items[0].json.JobId).toEqual(expect.any(String));
		expect(String(items[1].json.error)).toContain('Device Names is empty (item 1)');
		expect(writes('CreateOTAVerifyJob')).toHaveLength(1);
	});
});

describe('OTA Job: Create Static Upgrade Job', () => {
	it('sends a gray batch with its percent, versions and schedule as epoch milliseconds', async () => {
		const firmware = newFirmware();
		const start = new Date(Date.now() + 60 * 60_000);
		const finish = new Date(start.getTime() + 2 * 60 * 60_000);
		const { items, error } = await run('createStatic', {
			firmwareId: byId(firmware.firmwareId),
			productKey: 'a1Rollout01',
			targetSelection: 'GRAY',
			grayPercent: '10',
			srcVersions: '1.0.0,1.0.1',
			options: { scheduleTime: start.toISOString(), scheduleFinishTime: finish.toISOString(), maximumPerMinute: 100, retryInterval: 10, retryCount: 2, overwriteMode: 2 },
		});
		expect(error).toBeUndefined();
		expect(writes('CreateOTAStaticUpgradeJob')[0].params).toMatchObject({
			TargetSelection: 'GRAY',
			GrayPercent: '10',
			'SrcVersion.1': '1.0.0',
			'SrcVersion.2': '1.0.1',
			ScheduleTime: String(start.getTime()),
			ScheduleFinishTime: String(finish.getTime()),
			MaximumPerMinute: '100',
			RetryInterval: '10',
			RetryCount: '2',
			OverwriteMode: '2',
		});
		expect(jobsOf(firmware.firmwareId)[0]).toMatchObject({ JobId: items[0].json.JobId, TargetSelection: 'GRAY', JobStatus: 'PLANNED' });
		// 10% of the emulator's 1,000 devices per product.
		expect(emulator.taskSummary(String(items[0].json.JobId)).total).toBe(100);
	});

	it('sends the devices of a SPECIFIC job, and a GROUP job its group', async () => {
		const firmware = newFirmware();
		await run('createStatic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', targetSelection: 'SPECIFIC', deviceNames: ['a', 'b'] });
		await run('createStatic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', targetSelection: 'GROUP', groupId: 'G1', groupType: 'LINK_PLATFORM_DYNAMIC' });
		const [specific, group] = writes('CreateOTAStaticUpgradeJob');
		expect(specific.params).toMatchObject({ TargetSelection: 'SPECIFIC', 'TargetDeviceName.1': 'a', 'TargetDeviceName.2': 'b' });
		expect(group.params).toMatchObject({ TargetSelection: 'GROUP', GroupId: 'G1', GroupType: 'LINK_PLATFORM_DYNAMIC' });
	});

	it.each([
		[{ grayPercent: '0' }, 'Gray Percent must be a percentage above 0 and at most 100 with up to 3 decimals (item 0), got "0"'],
		[{ grayPercent: '100.5' }, 'got "100.5"'],
		[{ grayPercent: '12.3456' }, 'got "12.3456"'],
		[{ srcVersions: Array.from({ length: 11 }, (_, i) => `1.0.${i}`) }, 'Source Versions has 11 entries (item 0): at most 10'],
		[{ options: { retryInterval: 10 } }, 'Retry Interval and Retry Count go together (item 0)'],
		[{ options: { scheduleTime: new Date(Date.now() + 60_000).toISOString() } }, 'Schedule Time must be 5 minutes to 7 days from now (item 0)'],
		[{ options: { scheduleTime: 'next tuesday-ish' } }, 'Schedule Time is not a time (item 0)'],
		[{ options: { scheduleFinishTime: new Date(Date.now() + 10 * 60_000).toISOString() } }, 'Schedule Finish Time must be 1 hour to 30 days after now (item 0)'],
		[{ targetSelection: 'SPECIFIC', deviceNames: ' , ' }, 'Device Names is empty (item 0)'],
		[{ targetSelection: 'GROUP' }, 'Group ID is empty (item 0)'],
		[{ productKey: '={{ $json.missing }}' }, 'Product Key is empty (item 0)'],
	])('refuses bad values before any request: %#', async (parameters, message) => {
		const firmware = newFirmware();
		const { error } = await run('createStatic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', targetSelection: 'GRAY', grayPercent: '10', ...parameters });
		expect(`${error?.message}`).toContain(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it("shows Alibaba's refusal of an unverified firmware with its code", async () => {
		const firmware = newFirmware(0);
		const { error } = await run('createStatic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', targetSelection: 'ALL' });
		expect(error?.message).toContain('iot.ota.FirmwareNotVerified');
		expect(writes('CreateOTAStaticUpgradeJob')).toHaveLength(1);
	});
});

describe('OTA Job: creates are carried out exactly once', () => {
	const gray = (firmware: FirmwareFixture): INodeParameters => ({ firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', targetSelection: 'GRAY', grayPercent: '10' });

	it.each<[string, InjectedFault['respond']]>([
		['a dropped connection', { kind: 'destroy' }],
		['an InternalError', { kind: 'gateway', httpStatus: 500, code: 'InternalError', message: 'The request processing has failed due to some unknown error.' }],
		['a proxy page', { kind: 'raw', httpStatus: 502, contentType: 'text/html', body: '<html><title>502 Bad Gateway</title></html>' }],
	])('after %s finds the job by its token: recovered, never sent again', async (_, respond) => {
		const firmware = newFirmware();
		const before = jobsOf(firmware.firmwareId).length;
		lose('CreateOTAStaticUpgradeJob', respond);
		const { items, error } = await run('createStatic', gray(firmware));
		expect(error).toBeUndefined();
		expect(writes('CreateOTAStaticUpgradeJob')).toHaveLength(1);
		expect(jobsOf(firmware.firmwareId)).toHaveLength(before + 1);
		expect(items[0].json).toMatchObject({ JobId: jobsOf(firmware.firmwareId)[0].JobId, Recovered: true });
	});

	it('sends once more when the read proves the first request was not carried out, and makes one job', async () => {
		const firmware = newFirmware();
		const before = jobsOf(firmware.firmwareId).length;
		// Lost before it was carried out: the job does not exist, so the node may send again.
		emulator.inject({ action: 'CreateOTAStaticUpgradeJob', respond: { kind: 'destroy' } });
		const { items, error } = await run('createStatic', gray(firmware));
		expect(error).toBeUndefined();
		expect(writes('CreateOTAStaticUpgradeJob')).toHaveLength(2);
		expect(writes('ListOTAJobByFirmware').length).toBeGreaterThan(0);
		expect(jobsOf(firmware.firmwareId)).toHaveLength(before + 1);
		expect(items[0].json.Recovered).toBeUndefined();
		expect(items[0].json.JobId).toBe(jobsOf(firmware.firmwareId)[0].JobId);
	});

	it('fails with what to check, and sends nothing more, when the read cannot tell', async () => {
		const firmware = newFirmware();
		lose('CreateOTAStaticUpgradeJob');
		emulator.inject({ action: 'ListOTAJobByFirmware', respond: { kind: 'business', code: 'iot.common.RamActionPermissionDeny', errorMessage: 'denied' } });
		const { error } = await run('createStatic', gray(firmware));
		expect(error?.message).toMatch(/may or may not have been created/);
		expect(error?.message).toContain(`look for the tag ${REQUEST_TAG_KEY}=`);
		expect(writes('CreateOTAStaticUpgradeJob')).toHaveLength(1);
	});

	it('never makes a second job when every answer of 40 creates is lost after carrying it out', async () => {
		const firmware = newFirmware(1, 0);
		emulator.setFaultMode({ mode: 'lostAnswers', rate: 1, seed: 7 });
		const { items } = await run('createStatic', gray(firmware), { inputItems: Array.from({ length: 40 }, () => ({})) });
		// A blind re-send would leave 80 jobs; proving by token leaves exactly one per item.
		expect(jobsOf(firmware.firmwareId)).toHaveLength(40);
		expect(items.every((item) => item.json.Recovered === true)).toBe(true);
		expect(new Set(items.map((item) => item.json.JobId)).size).toBe(40);
	});
});

describe('OTA Job: Create Dynamic Upgrade Job and Cancel Dynamic Job', () => {
	it('creates a dynamic job, then cancels it: the job is CANCELED', async () => {
		const firmware = newFirmware(1, 0);
		const created = await run('createDynamic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01', srcVersions: '1.0.0', dynamicMode: 2 });
		expect(created.error).toBeUndefined();
		expect(writes('CreateOTADynamicUpgradeJob')[0].params).toMatchObject({ DynamicMode: '2', 'SrcVersion.1': '1.0.0' });
		const jobId = String(created.items[0].json.JobId);
		expect(jobsOf(firmware.firmwareId)[0]).toMatchObject({ JobId: jobId, SelectionType: 'DYNAMIC' });

		const canceled = await run('cancelDynamic', { jobId });
		expect(canceled.error).toBeUndefined();
		expect(writes('CancelOTAStrategyByJob')[0].method).toBe('POST');
		expect(canceled.items[0].json).toMatchObject({ JobId: jobId, Success: true, RequestId: expect.any(String) });
		expect(jobsOf(firmware.firmwareId)[0].JobStatus).toBe('CANCELED');
	});

	it('after a lost cancel reads the job: CANCELED is recovered, nothing sent again', async () => {
		const firmware = newFirmware(1, 0);
		const jobId = String((await run('createDynamic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01' })).items[0].json.JobId);
		lose('CancelOTAStrategyByJob');
		const { items, error } = await run('cancelDynamic', { jobId });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ JobId: jobId, JobStatus: 'CANCELED', Recovered: true });
		expect(writes('CancelOTAStrategyByJob')).toHaveLength(1);
		expect(writes('QueryOTAJob')).toHaveLength(1);
	});

	it('after a lost cancel that was not carried out sends it once more', async () => {
		const firmware = newFirmware(1, 0);
		const jobId = String((await run('createDynamic', { firmwareId: byId(firmware.firmwareId), productKey: 'a1Rollout01' })).items[0].json.JobId);
		emulator.inject({ action: 'CancelOTAStrategyByJob', respond: { kind: 'destroy' } });
		const { items } = await run('cancelDynamic', { jobId });
		expect(writes('CancelOTAStrategyByJob')).toHaveLength(2);
		expect(items[0].json).toMatchObject({ Success: true });
		expect(jobsOf(firmware.firmwareId)[0].JobStatus).toBe('CANCELED');
	});
});
