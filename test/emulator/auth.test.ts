import RPCClient from '@alicloud/pop-core';

import { EMULATOR_KEYS, FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { listJobs, rpcTimestamp, sendParams, sendSigned, signedParams } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

type Key = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

function popClient(key: Key): RPCClient {
	return new RPCClient({ ...key, endpoint: emulator.url, apiVersion: '2018-01-20' });
}

interface PopError extends Error {
	code: string;
	data: Record<string, unknown>;
}

async function popError(promise: Promise<unknown>): Promise<PopError> {
	try {
		await promise;
	} catch (error) {
		return error as PopError;
	}
	throw new Error('expected the call to fail');
}

const demoPage = { FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: 1, PageSize: 10 };
const minutes = (n: number) => n * 60_000;

describe('requests signed by @alicloud/pop-core', () => {
	it.each(['GET', 'POST'])('are accepted over %s', async (method) => {
		const answer = await popClient(EMULATOR_KEYS.active).request<{ Success: boolean; Total: number }>(
			'ListOTAJobByFirmware',
			demoPage,
			{ method, timeout: 5000 },
		);
		expect(answer).toMatchObject({ Success: true, Total: 7 });
		expect(emulator.requests.at(-1)).toMatchObject({ method, httpStatus: 200, accessKeyId: EMULATOR_KEYS.active.accessKeyId });
	});

	it.each(['GET', 'POST'])('are accepted with an STS token over %s', async (method) => {
		const answer = await popClient(EMULATOR_KEYS.sts).request<{ Success: boolean }>('ListOTAJobByFirmware', demoPage, {
			method,
			timeout: 5000,
		});
		expect(answer.Success).toBe(true);
		expect(emulator.requests.at(-1)?.params.SecurityToken).toBe(EMULATOR_KEYS.sts.securityToken);
	});

	it('surface gateway errors with .code and .data, as pop-core reads them', async () => {
		const error = await popError(popClient(EMULATOR_KEYS.ramDenied).request('ListOTAJobByFirmware', demoPage, { method: 'POST' }));
		expect(error.code).toBe('Forbidden.RAM');
		expect(error.data).toMatchObject({ Code: 'Forbidden.RAM', HostId: 'iot.cn-shanghai.aliyuncs.com' });
	});

	it('turn a client sending undefined as a value into a plain not-found', async () => {
		const error = await popError(
			popClient(EMULATOR_KEYS.active).request('ListOTAJobByFirmware', { ...demoPage, FirmwareId: undefined }),
		);
		expect(error.code).toBe('iot.ota.FirmwareNotFound');
		expect(emulator.requests.at(-1)?.params.FirmwareId).toBe('undefined');
	});
});

describe('gateway checks on hand-built requests', () => {
	const demo = listJobs(FIXTURE_FIRMWARES.demo);

	it('answer the gateway error shape with the usual headers', async () => {
		const answer = await sendSigned(emulator.url, { params: { ...demo, Version: '2017-01-01' } });
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-type')).toBe('application/json;charset=utf-8');
		expect(Object.keys(answer.body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
		expect(answer.body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
		expect(answer.headers.get('x-acs-request-id')).toBe(answer.body.RequestId);
		expect(answer.body).toMatchObject({
			Code: 'InvalidVersion',
			HostId: 'iot.cn-shanghai.aliyuncs.com',
			Recommend: expect.stringContaining('InvalidVersion'),
		});
	});

	it.each([
		['Signature missing', { Signature: undefined }, 400, 'MissingSignature'],
		['AccessKeyId missing', { AccessKeyId: undefined }, 400, 'MissingAccessKeyId'],
		['SignatureNonce empty', { SignatureNonce: '' }, 400, 'MissingSignatureNonce'],
		['Timestamp missing', { Timestamp: undefined }, 400, 'MissingTimestamp'],
		['Action missing', { Action: undefined }, 400, 'MissingAction'],
		['Format XML', { Format: 'XML' }, 400, 'InvalidParameter.Format'],
		['Format missing (XML on the live service)', { Format: undefined }, 400, 'InvalidParameter.Format'],
		['SignatureMethod HMAC-SHA256', { SignatureMethod: 'HMAC-SHA256' }, 400, 'InvalidSignatureMethod'],
		['SignatureVersion 2.0', { SignatureVersion: '2.0' }, 400, 'InvalidSignatureVersion'],
		['another API version', { Version: '2017-04-20' }, 400, 'InvalidVersion'],
		['an unknown action', { Action: 'DeleteEverything' }, 404, 'InvalidAction.NotFound'],
		['a Timestamp with milliseconds', { Timestamp: new Date().toISOString() }, 400, 'InvalidTimeStamp.Format'],
		['a Timestamp with an offset', { Timestamp: rpcTimestamp().replace('Z', '+08:00') }, 400, 'InvalidTimeStamp.Format'],
		['an impossible date', { Timestamp: '2024-02-30T00:00:00Z' }, 400, 'InvalidTimeStamp.Format'],
		['a Timestamp 16 minutes old', { Timestamp: rpcTimestamp(new Date(Date.now() - minutes(16))) }, 400, 'InvalidTimeStamp.Expired'],
		['a Timestamp 16 minutes ahead', { Timestamp: rpcTimestamp(new Date(Date.now() + minutes(16))) }, 400, 'InvalidTimeStamp.Expired'],
	])('reject %s', async (_case, params, status, code) => {
		for (const method of ['GET', 'POST'] as const) {
			const answer = await sendSigned(emulator.url, { method, params: { ...demo, ...params } });
			expect([answer.status, answer.body.Code]).toEqual([status, code]);
		}
	});

	it('accept a Timestamp 14 minutes off, and lower-case json', async () => {
		const skewed = { ...demo, Timestamp: rpcTimestamp(new Date(Date.now() - minutes(14))), Format: 'json' };
		expect((await sendSigned(emulator.url, { params: skewed })).status).toBe(200);
	});

	it('name the missing parameter in the message', async () => {
		const answer = await sendSigned(emulator.url, { params: { ...demo, Signature: undefined } });
		expect(answer.body.Message).toBe('Signature is mandatory for this action.');
	});

	it.each([
		['an unknown AccessKeyId', { accessKeyId: 'LTAI5tNobodyKnowsThis', accessKeySecret: 'x' }, 404, 'InvalidAccessKeyId.NotFound'],
		['a disabled AccessKeyId', EMULATOR_KEYS.inactive, 400, 'InvalidAccessKeyId.Inactive'],
		['an STS key without its token', { ...EMULATOR_KEYS.sts, securityToken: undefined }, 400, 'MissingSecurityToken'],
		['an STS key with an unknown token', { ...EMULATOR_KEYS.sts, securityToken: 'forged' }, 400, 'InvalidSecurityToken.Malformed'],
		['an STS key with an expired token', EMULATOR_KEYS.stsExpired, 400, 'InvalidSecurityToken.Expired'],
		[
			"an STS key with another key's token",
			{ ...EMULATOR_KEYS.sts, securityToken: EMULATOR_KEYS.stsExpired.securityToken },
			400,
			'InvalidSecurityToken.MismatchWithAccessKey',
		],
		['a RAM user without permission', EMULATOR_KEYS.ramDenied, 403, 'Forbidden.RAM'],
	])('reject %s', async (_case, credentials, status, code) => {
		const answer = await sendSigned(emulator.url, { credentials, params: demo });
		expect([answer.status, answer.body.Code]).toEqual([status, code]);
	});

	it('reject a wrong signature, echoing the whole string to sign like Alibaba does', async () => {
		const credentials = { ...EMULATOR_KEYS.sts, accessKeySecret: 'not-the-secret' };
		const answer = await sendSigned(emulator.url, { method: 'POST', credentials, params: demo });
		expect([answer.status, answer.body.Code]).toEqual([400, 'SignatureDoesNotMatch']);
		const message = String(answer.body.Message);
		expect(message).toMatch(/^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3D/);
		expect(message).toContain(`AccessKeyId%3D${EMULATOR_KEYS.sts.accessKeyId}`);
		expect(message).toContain(`SecurityToken%3D${EMULATOR_KEYS.sts.securityToken}`);
	});

	it('sign the method: a request signed for GET but sent as POST fails', async () => {
		const answer = await sendSigned(emulator.url, { method: 'POST', signAs: 'GET', params: demo });
		expect(answer.body.Code).toBe('SignatureDoesNotMatch');
	});

	it('sign every parameter: one changed after signing fails', async () => {
		const params = signedParams({ params: demo });
		const answer = await sendParams(emulator.url, 'GET', { ...params, PageSize: '200' });
		expect(answer.body.Code).toBe('SignatureDoesNotMatch');
	});

	it('reject a nonce the same key used within the window, even re-signed with a new Timestamp', async () => {
		const nonce = { ...demo, SignatureNonce: `nonce-${Date.now()}` };
		expect((await sendSigned(emulator.url, { params: nonce })).status).toBe(200);
		const again = await sendSigned(emulator.url, { params: { ...nonce, Timestamp: rpcTimestamp(new Date(Date.now() + 1000)) } });
		expect([again.status, again.body.Code]).toEqual([400, 'SignatureNonceUsed']);
		// Nonces are per key.
		expect((await sendSigned(emulator.url, { credentials: EMULATOR_KEYS.sts, params: nonce })).status).toBe(200);
	});

	it('only use up a nonce once the signature checked out', async () => {
		const nonce = { ...demo, SignatureNonce: `nonce-bad-first-${Date.now()}` };
		const forged = await sendSigned(emulator.url, { params: nonce, signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
		expect(forged.body.Code).toBe('SignatureDoesNotMatch');
		expect((await sendSigned(emulator.url, { params: nonce })).status).toBe(200);
	});

	it('check in the documented order: action before timestamp, key before signature', async () => {
		const stale = rpcTimestamp(new Date(Date.now() - minutes(60)));
		const unknownAction = await sendSigned(emulator.url, { params: { ...demo, Action: 'Nope', Timestamp: stale } });
		expect(unknownAction.body.Code).toBe('InvalidAction.NotFound');
		const inactive = await sendSigned(emulator.url, { credentials: EMULATOR_KEYS.inactive, params: demo, signature: 'bad' });
		expect(inactive.body.Code).toBe('InvalidAccessKeyId.Inactive');
	});

	it('read POST parameters from a form body, and take the query string too', async () => {
		const params = signedParams({ method: 'POST', params: demo });
		const { FirmwareId, ...rest } = params;
		const response = await fetch(`${emulator.url}/?FirmwareId=${FirmwareId}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
			body: new URLSearchParams(rest).toString(),
		});
		expect(response.status).toBe(200);
	});

	it('ignore a POST body that is not form-encoded', async () => {
		const response = await fetch(`${emulator.url}/`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(signedParams({ method: 'POST', params: demo })),
		});
		expect(((await response.json()) as { Code: string }).Code).toBe('MissingAction');
	});

	it('answer other paths and methods with gateway errors', async () => {
		const elsewhere = await fetch(`${emulator.url}/v1/?Action=ListOTAJobByFirmware`);
		expect(elsewhere.status).toBe(404);
		const put = await fetch(`${emulator.url}/`, { method: 'PUT' });
		expect(put.status).toBe(405);
	});
});
