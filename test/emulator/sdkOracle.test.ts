// Alibaba's own SDK (@alicloud/iot20180120, generated from Alibaba's API metadata) as the emulator's
// oracle: every action the emulator serves is called through it, signed with signature V3, and every field
// of the emulator's JSON must be one the SDK's response model names. New actions in the registry are
// included automatically; one with no sample request below fails the test until it gets one.
import Iot, * as $Iot from '@alicloud/iot20180120';
import * as $OpenApi from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { EMULATOR_KEYS } from '../../tools/emulator/accounts';
import { ACTIONS } from '../../tools/emulator/actions/registry';
import { FIXTURE_FIRMWARES, FIXTURE_PRODUCTS, LISTING_ONLY_FIRMWARES } from '../../tools/emulator/fixtures';
import { sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });
const JOB = 'SdkOracleJob00000000000001';

type ModelClass = { names(): Record<string, string>; types(): Record<string, unknown> };
type Raw = { body: unknown };

function sdkClient(secret: string): { client: Iot; raw: () => unknown } {
	const config = new $OpenApi.Config({
		accessKeyId: EMULATOR_KEYS.active.accessKeyId,
		accessKeySecret: secret,
		endpoint: new URL(emulator.url).host,
		protocol: 'http',
		regionId: 'cn-shanghai',
	});
	const client = new Iot(config);
	let last: unknown;
	// Keep the JSON as the emulator sent it, before the SDK casts it into its model.
	const callApi = client.callApi.bind(client);
	client.callApi = async (...args: Parameters<typeof callApi>) => {
		const answer = (await callApi(...args)) as Raw;
		last = answer.body;
		return answer as never;
	};
	return { client, raw: () => last };
}

/** Paths (a.b[].c) of the JSON's keys that the model does not name, recursively. */
function unknownKeys(json: unknown, model: ModelClass, path = ''): string[] {
	if (json === null || typeof json !== 'object' || Array.isArray(json)) return [];
	const names = model.names();
	const types = model.types();
	const byWire = new Map(Object.entries(names).map(([prop, wire]) => [wire, prop]));
	const found: string[] = [];
	for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
		const prop = byWire.get(key);
		if (!prop) {
			found.push(path + key);
			continue;
		}
		const type = types[prop];
		if (typeof type === 'function') found.push(...unknownKeys(value, type as unknown as ModelClass, `${path}${key}.`));
		else if (type && typeof type === 'object' && 'itemType' in type && typeof (type as { itemType: unknown }).itemType === 'function' && Array.isArray(value)) {
			for (const item of value) found.push(...unknownKeys(item, (type as { itemType: ModelClass }).itemType, `${path}${key}[].`));
		}
	}
	return [...new Set(found)];
}

const demo = FIXTURE_FIRMWARES.demo;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const meter = FIXTURE_PRODUCTS.meter.productKey;

interface Known {
	failedTaskId: string;
	dynamicJobId: string;
}

/** One request per action, with values the fresh emulator (plus JOB and a dynamic job) knows. */
const SAMPLES: Record<string, (known: Known) => Record<string, unknown>> = {
	ListOTAJobByFirmware: () => ({ firmwareId: demo, currentPage: 1, pageSize: 10 }),
	ListOTAFirmware: () => ({ currentPage: 1, pageSize: 10 }),
	QueryOTAFirmware: () => ({ firmwareId: demo }),
	QueryOTAJob: () => ({ jobId: JOB }),
	ListOTATaskByJob: () => ({ jobId: JOB, currentPage: 1, pageSize: 10 }),
	CancelOTATaskByJob: () => ({ jobId: JOB, cancelQueuedTask: true }),
	CreateOTAVerifyJob: () => ({ firmwareId: LISTING_ONLY_FIRMWARES.lightFull, productKey: FIXTURE_PRODUCTS.light.productKey, targetDeviceName: ['dev-sdk-1'], timeoutInMinutes: 60 }),
	CreateOTAStaticUpgradeJob: () => ({ firmwareId: demo, productKey: meter, targetSelection: 'ALL', srcVersion: ['1.1.0'] }),
	CreateOTADynamicUpgradeJob: () => ({ firmwareId: demo, productKey: meter, srcVersion: ['1.1.0'], dynamicMode: 1 }),
	CancelOTAStrategyByJob: (known) => ({ jobId: known.dynamicJobId }),
	ConfirmOTATask: () => ({ taskId: ['SdkOracleTask0001'] }),
	ReupgradeOTATask: (known) => ({ jobId: JOB, taskId: [known.failedTaskId] }),
	CancelOTATaskByDevice: () => ({ productKey: meter, firmwareId: demo, deviceName: ['dev-sdk-1'] }),
	ListOTAUnfinishedTaskByDevice: () => ({ productKey: meter, deviceName: 'dev-sdk-1', taskStatus: 'CONFIRM' }),
	GenerateOTAUploadURL: () => ({ fileSuffix: 'bin' }),
	CreateOTAFirmware: () => ({ firmwareName: 'SDK oracle firmware', destVersion: '9.9.9', firmwareUrl: 'https://example.invalid/fw.bin', productKey: meter }),
	DeleteOTAFirmware: () => ({ firmwareId: FIXTURE_FIRMWARES.emptyArray }),
};

function lowerFirst(text: string): string {
	return text[0].toLowerCase() + text.slice(1);
}

let known: Known = { failedTaskId: '', dynamicJobId: '' };

/** CreateOTAFirmware needs a package uploaded to the emulator's OSS first: its answer here is the business error. */
const ANSWERED_WITH_A_BUSINESS_ERROR = new Set(['CreateOTAFirmware']);

async function callThroughSdk(client: Iot, action: string): Promise<{ body: Record<string, unknown> }> {
	const requestClass = ($Iot as unknown as Record<string, new (map: Record<string, unknown>) => unknown>)[`${action}Request`];
	const method = (client as unknown as Record<string, (request: unknown) => Promise<{ body: Record<string, unknown> }>>)[lowerFirst(action)];
	return method.call(client, new requestClass(SAMPLES[action](known)));
}

describe('the emulator against Alibaba’s SDK (signature V3)', () => {
	// Once: the emulator's state lives on through the file, a firmware has at most one open dynamic job (the
	// sample below makes demo's) and the control route does not replace an existing job.
	beforeAll(async () => {
		const { client, raw } = sdkClient(EMULATOR_KEYS.active.accessKeySecret);
		await client.createOTADynamicUpgradeJob(
			new $Iot.CreateOTADynamicUpgradeJobRequest({ firmwareId: LISTING_ONLY_FIRMWARES.meterOld, productKey: meter, srcVersion: ['0.9.0'], dynamicMode: 1 }),
		);
		const created = raw() as { Data?: { JobId: string }; Code?: string };
		if (!created.Data) throw new Error(`dynamic job not created: ${created.Code}`);
		known = { ...known, dynamicJobId: created.Data.JobId };

		await fetch(`${emulator.url}/__emulator/jobs-with-tasks`, {
			method: 'POST',
			body: JSON.stringify({ firmwareId: demo, jobId: JOB, taskCount: 5, statusMix: { CONFIRM: 2, FAILED: 3 } }),
		});
		await client.listOTATaskByJob(new $Iot.ListOTATaskByJobRequest({ jobId: JOB, currentPage: 1, pageSize: 10, taskStatus: 'FAILED' }));
		const tasks = (raw() as { Data: { SimpleOTATaskInfo: Array<{ TaskId: string }> } }).Data.SimpleOTATaskInfo;
		known = { ...known, failedTaskId: tasks[0].TaskId };
	});

	it('has a sample request for every action it serves', () => {
		expect([...ACTIONS.keys()].filter((action) => !SAMPLES[action])).toEqual([]);
	});

	it.each([...ACTIONS.keys()])('%s answers JSON the SDK model knows field by field', async (action) => {
		const { client, raw } = sdkClient(EMULATOR_KEYS.active.accessKeySecret);
		const answer = await callThroughSdk(client, action);
		const json = raw() as Record<string, unknown>;
		expect(typeof json.RequestId).toBe('string');
		expect(json.Success).toBe(!ANSWERED_WITH_A_BUSINESS_ERROR.has(action));
		const model = ($Iot as unknown as Record<string, ModelClass>)[`${action}ResponseBody`];
		expect(unknownKeys(json, model)).toEqual([]);
		expect(answer.body).toBeInstanceOf(model as unknown as new () => unknown);
	});

	it('refuses a wrong secret for V3 as for V1', async () => {
		const { client } = sdkClient('not-the-secret');
		await expect(callThroughSdk(client, 'QueryOTAFirmware')).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
		const v1 = await sendSigned(emulator.url, {
			credentials: { accessKeyId: EMULATOR_KEYS.active.accessKeyId, accessKeySecret: 'not-the-secret' },
			params: { Action: 'QueryOTAFirmware', FirmwareId: demo },
		});
		expect({ status: v1.status, code: v1.body.Code }).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
	});

	it('refuses a V3 request whose body is not the one its x-acs-content-sha256 names, and takes it unchanged', async () => {
		// Signed by the SDK's own util over an empty body; then sent as is, and with a body a proxy added.
		const send = async (body: string) => {
			const headers: Record<string, string> = {
				host: new URL(emulator.url).host,
				'x-acs-action': 'QueryOTAFirmware',
				'x-acs-version': '2018-01-20',
				'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
				'x-acs-signature-nonce': `nonce-${Math.random()}`,
				'x-acs-content-sha256': EMPTY_SHA256,
			};
			const request = { pathname: '/', method: 'POST', query: { FirmwareId: demo }, headers };
			headers.authorization = OpenApiUtil.getAuthorization(
				request as never,
				'ACS3-HMAC-SHA256',
				EMPTY_SHA256,
				EMULATOR_KEYS.active.accessKeyId,
				EMULATOR_KEYS.active.accessKeySecret,
			);
			const answer = await fetch(`${emulator.url}/?FirmwareId=${demo}`, {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				body,
			});
			return { status: answer.status, code: ((await answer.json()) as { Code?: string }).Code };
		};
		expect(await send('')).toEqual({ status: 200, code: undefined });
		expect(await send('FirmwareId=other')).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
	});
});
