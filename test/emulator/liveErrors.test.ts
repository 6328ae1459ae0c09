// The error answers the live service varies in: RAM denials, instance-not-found codes, unknown codes.
import RPCClient from '@alicloud/pop-core';

import { EMULATOR_KEYS, FIXTURE_FIRMWARES, RAM_DENIALS, type InjectedResponse } from '../../tools/emulator/index';
import { listJobs, sendSigned, type Credentials, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

const GATEWAY_KEYS = ['RequestId', 'Message', 'Recommend', 'HostId', 'Code'];
const BUSINESS_KEYS = ['RequestId', 'Success', 'Code', 'ErrorMessage'];

async function asKey(credentials: Credentials, action = 'ListOTAJobByFirmware'): Promise<RpcAnswer> {
	const params = action === 'ListOTAJobByFirmware' ? listJobs(FIXTURE_FIRMWARES.demo) : { Action: action, CurrentPage: '1', PageSize: '1' };
	return await sendSigned(emulator.url, { credentials, params });
}

describe('RAM denials by access key', () => {
	const cases = [
		['ramDenied', 403, 'Forbidden.RAM', GATEWAY_KEYS],
		['ramDenied400', 400, 'Forbidden.RAM', GATEWAY_KEYS],
		['ramNoPermission', 403, 'NoPermission', GATEWAY_KEYS],
		['ramBusinessDeny', 200, 'iot.common.RamActionPermissionDeny', BUSINESS_KEYS],
	] as const;

	it.each(cases)('%s answers every action with HTTP %i %s in its shape', async (key, status, code, keys) => {
		for (const action of ['ListOTAJobByFirmware', 'ListOTAFirmware']) {
			const answer = await asKey(EMULATOR_KEYS[key], action);
			expect(answer.status).toBe(status);
			expect(answer.body.Code).toBe(code);
			expect(Object.keys(answer.body).sort()).toEqual([...keys].sort());
			if (status === 200) expect(answer.body.Success).toBe(false);
			else expect(answer.body.HostId).toBe('iot.cn-shanghai.aliyuncs.com');
			expect(emulator.requests.at(-1)).toMatchObject({ httpStatus: status, code, accessKeyId: EMULATOR_KEYS[key].accessKeyId });
		}
	});

	it('still checks the signature first: a wrong secret is SignatureDoesNotMatch, not a denial', async () => {
		const answer = await asKey({ ...EMULATOR_KEYS.ramNoPermission, accessKeySecret: 'wrong' });
		expect(answer.body.Code).toBe('SignatureDoesNotMatch');
		const business = await asKey({ ...EMULATOR_KEYS.ramBusinessDeny, accessKeySecret: 'wrong' });
		expect(business.body.Code).toBe('SignatureDoesNotMatch');
	});

	it('reach pop-core as errors carrying the code', async () => {
		for (const key of ['ramDenied400', 'ramNoPermission', 'ramBusinessDeny'] as const) {
			const client = new RPCClient({ ...EMULATOR_KEYS[key], endpoint: emulator.url, apiVersion: '2018-01-20' });
			await expect(
				client.request('ListOTAJobByFirmware', { FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: 1, PageSize: 1 }, { method: 'GET' }),
			).rejects.toMatchObject({ code: cases.find(([name]) => name === key)?.[2] });
		}
	});
});

describe('injected denials and unknown codes', () => {
	it.each(Object.entries(RAM_DENIALS))('inject(%s) answers it once for the active key', async (_name, respond: InjectedResponse) => {
		emulator.inject({ respond });
		const answer = await asKey(EMULATOR_KEYS.active);
		const expected = respond.kind === 'gateway' ? { status: respond.httpStatus, keys: GATEWAY_KEYS } : { status: 200, keys: BUSINESS_KEYS };
		expect(answer.status).toBe(expected.status);
		expect(Object.keys(answer.body).sort()).toEqual([...expected.keys].sort());
		expect(answer.body.Code).toBe((respond as { code: string }).code);
		expect((await asKey(EMULATOR_KEYS.active)).body.Success).toBe(true);
	});

	it('answers an unknown business code as asked', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'iot.ota.SomethingNew', errorMessage: 'A code no client knows.' } });
		const answer = await asKey(EMULATOR_KEYS.active);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.ota.SomethingNew', ErrorMessage: 'A code no client knows.' });
	});
});

describe('instance not found', () => {
	const withInstance = (id: string) => listJobs(FIXTURE_FIRMWARES.enterprise, 1, 10, { IotInstanceId: id });

	it('answers iot.system.InstanceNotFound by default', async () => {
		const answer = await sendSigned(emulator.url, { params: withInstance('iot-cn-nosuchinstance') });
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.InstanceNotFound' });
	});

	it('answers iot.Sre.IotInstanceNotFound when set, for every action, in the business shape', async () => {
		emulator.setInstanceNotFoundCode('iot.Sre.IotInstanceNotFound');
		const jobs = await sendSigned(emulator.url, { params: withInstance('iot-cn-nosuchinstance') });
		const firmwares = await sendSigned(emulator.url, {
			params: { Action: 'ListOTAFirmware', CurrentPage: '1', PageSize: '10', IotInstanceId: 'iot-cn-nosuchinstance' },
		});
		for (const answer of [jobs, firmwares]) {
			expect(answer.status).toBe(200);
			expect(Object.keys(answer.body).sort()).toEqual([...BUSINESS_KEYS].sort());
			expect(answer.body).toMatchObject({ Success: false, Code: 'iot.Sre.IotInstanceNotFound' });
		}
		expect(emulator.requests.at(-1)?.code).toBe('iot.Sre.IotInstanceNotFound');
		// A known instance is still found.
		const known = await sendSigned(emulator.url, { params: withInstance('iot-cn-emulator01') });
		expect(known.body.Success).toBe(true);
	});

	it('is set by the option and control route, and rejects other codes', async () => {
		await withEmulator({ qps: 0, instanceNotFoundCode: 'iot.Sre.IotInstanceNotFound' }, async (other) => {
			const code = async () => (await sendSigned(other.url, { params: withInstance('iot-cn-x') })).body.Code;
			expect(await code()).toBe('iot.Sre.IotInstanceNotFound');
			const set = async (value: string) =>
				(await fetch(`${other.url}/__emulator/instance-not-found-code`, { method: 'POST', body: JSON.stringify({ code: value }) })).status;
			expect(await set('iot.system.InstanceNotFound')).toBe(200);
			expect(await code()).toBe('iot.system.InstanceNotFound');
			expect(await set('iot.NotAnInstanceCode')).toBe(400);
		});
	});
});
