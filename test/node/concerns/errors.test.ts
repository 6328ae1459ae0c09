import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { BAD_GATEWAY_HTML, EMULATOR_KEYS, FIXTURE_FIRMWARES, INSTANCE_NOT_FOUND_CODES, RAM_DENIALS } from '../../../tools/emulator';
import type { NodeRunResult } from '../../harness';
import { credentialFor, firmware, runListByFirmware, secretsOf, type EmulatorKeyName } from '../../support/alibabaNode';
import { loadOptionsContext } from '../../support/loadOptions';
import { useEmulator } from '../../support/useEmulator';


const emulator = useEmulator();

const demo = { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true };
/** One attempt only, so each error shows as it comes from the API. */
const noRetry = { ...demo, options: { maxAttempts: 1 } };

function expectNoSecrets(result: NodeRunResult, credential: IDataObject) {
	for (const secret of secretsOf(credential)) expect(result.serialized).not.toContain(secret);
	expect(result.serialized).not.toMatch(/Signature=|SignatureNonce|string to sign/i);
}

describe('errors users see', () => {
	it.each<[EmulatorKeyName, IDataObject, string, string]>([
		['active', { accessKeySecret: 'wrong-secret-value' }, 'SignatureDoesNotMatch', '400'],
		['active', { accessKeyId: 'LTAI5tNoSuchKey000000' }, 'InvalidAccessKeyId.NotFound', '404'],
		['inactive', {}, 'InvalidAccessKeyId.Inactive', '400'],
		['sts', { securityToken: '' }, 'MissingSecurityToken', '400'],
		['stsExpired', {}, 'InvalidSecurityToken.Expired', '400'],
		['ramDenied', {}, 'Forbidden.RAM', '403'],
	])('an auth failure (%s %j) shows %s with the request ID and status', async (key, overrides, code, status) => {
		const credential = credentialFor(emulator, key, overrides);
		const result = await runListByFirmware({ credential, parameters: demo });
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: status });
		expect(String(result.error!.message)).toMatch(new RegExp(`^${code.replace('.', '\\.')}: \\S`));
		expect(String(result.error!.description)).toMatch(/Request ID: [0-9A-F-]{36}/);
		expect(String(result.error!.description)).toContain(`HTTP status: ${status}`);
		expectNoSecrets(result, credential);
		// Auth errors are never retried.
		expect(emulator.requests).toHaveLength(1);
	});

	it('shows iot.ota.FirmwareNotFound as itself, not as n8n\'s stock ENOTFOUND sentence', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware('FwDoesNotExist00000001'), returnAll: true },
		});
		expect(result.error!.message).toMatch(/^iot\.ota\.FirmwareNotFound: /);
		expect(result.error!.message).not.toMatch(/connection cannot be established/i);
		expect(result.error!.description).toContain('Request ID:');
		expect(result.error!.description).not.toContain('HTTP status');
	});

	it.each(INSTANCE_NOT_FOUND_CODES)(
		'shows %s for a wrong IoT instance ID as itself, with the hint about the option, never as ENOTFOUND',
		async (code) => {
			emulator.setInstanceNotFoundCode(code);
			const result = await runListByFirmware({
				credential: credentialFor(emulator),
				parameters: { ...demo, options: { iotInstanceId: 'iot-cn-nosuchinstance' } },
			});
			expect(result.error!.message).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')}: \\S`));
			expect(result.error!.description).toContain('Check Options → IoT Instance ID');
			expect(result.error!.description).not.toContain('HTTP status');
			expect(result.serialized).not.toMatch(/connection cannot be established/i);
			expect(emulator.requests).toHaveLength(1);
		},
	);

	it.each(INSTANCE_NOT_FOUND_CODES)('keeps %s as itself in an item under Continue On Fail', async (code) => {
		emulator.setInstanceNotFoundCode(code);
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { iotInstanceId: 'iot-cn-nosuchinstance' } },
			onError: 'continueRegularOutput',
		});
		expect(result.items.map((item) => item.json.code)).toEqual([code]);
		expect(result.items[0].json.error).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')}: `));
		expect(result.serialized).not.toMatch(/connection cannot be established/i);
	});

	it('shows a business error with its ErrorMessage (HTTP 200, Success false), without "HTTP status: 200"', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'iot.system.SystemException', errorMessage: '系统异常' } });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: noRetry });
		expect(result.error!.message).toBe('iot.system.SystemException: 系统异常');
		expect(result.error!.description).toMatch(/^Request ID: [0-9A-F-]{36}\n/);
		// n8n shows httpCode as the error code: Alibaba's, not "200".
		expect(result.error!.httpCode).toBe('iot.system.SystemException');
		expect(result.serialized).not.toMatch(/HTTP status: 200/);
	});

	it('shows an unknown business code with its code, and does not retry it', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'iot.ota.SomethingNobodyDocumented', errorMessage: 'New rule.' }, times: Infinity });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error!.message).toBe('iot.ota.SomethingNobodyDocumented: New rule.');
		expect(result.error!.description).toContain('Alibaba Cloud refused the request: check the parameters.');
		expect(result.error!.description).not.toContain('HTTP status');
		expect(emulator.requests).toHaveLength(1);
	});

	it('marks Firmware required: n8n refuses to start a workflow that leaves it empty', async () => {
		await expect(
			runListByFirmware({ credential: credentialFor(emulator), parameters: { ...firmware(''), returnAll: true } }),
		).rejects.toThrow('Parameter "Firmware" is required');
		expect(emulator.requests).toHaveLength(0);
	});

	it('rejects a blank Firmware ID before any request, naming the field', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware('   '), returnAll: true },
		});
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error!.message).toBe('Firmware ID is empty (item 0): enter the ID of an OTA firmware');
		expect(emulator.requests).toHaveLength(0);
	});

	it('rejects a blank Firmware ID in a later item before listing the earlier ones', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			inputItems: [{ fw: FIXTURE_FIRMWARES.demo }, { fw: '' }],
			parameters: { firmwareId: { __rl: true, mode: 'id', value: '={{ $json.fw }}' }, returnAll: true },
		});
		expect(result.error!.message).toBe('Firmware ID is empty (item 1): enter the ID of an OTA firmware');
		expect(emulator.requests).toHaveLength(0);
	});

	it('says when the gateway answers with an HTML page instead of JSON', async () => {
		emulator.inject({ respond: { kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML } });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: noRetry });
		expect(result.error!.message).toBe(`${emulator.url} answered HTTP 502 with something that is not Alibaba Cloud JSON (page titled "502 Bad Gateway")`);
	});

	it('says when the service fails on its side', async () => {
		emulator.inject({
			respond: { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' },
		});
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: noRetry });
		expect(result.error).toMatchObject({ httpCode: '503' });
		expect(result.error!.message).toMatch(/^ServiceUnavailable: The request has failed/);
	});

	it('says when the connection drops mid-answer, without pop-core\'s signed URL', async () => {
		emulator.inject({ respond: { kind: 'destroy' } });
		const credential = credentialFor(emulator, 'sts');
		const result = await runListByFirmware({ credential, parameters: noRetry });
		expect(result.error!.message).toMatch(/^The connection to http:\/\/127\.0\.0\.1:\d+/);
		expectNoSecrets(result, credential);
		expect(result.serialized).not.toContain(EMULATOR_KEYS.sts.accessKeyId);
	});

	it('says when the endpoint cannot be reached', async () => {
		const credential = credentialFor(emulator, 'active', { endpoint: 'http://127.0.0.1:9' });
		const result = await runListByFirmware({ credential, parameters: noRetry });
		expect(result.error!.message).toBe('Could not reach http://127.0.0.1:9 (ECONNREFUSED)');
	});

	it('says when an answer does not come in time', async () => {
		emulator.inject({ respond: { kind: 'hang' } });
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { maxAttempts: 1, timeout: 300 } },
		});
		expect(result.error!.message).toBe(`No answer from ${emulator.url} within 300 ms`);
	});

	it('rejects a credential whose endpoint is not an http(s) URL', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator, 'active', { endpoint: 'ftp://127.0.0.1:21' }),
			parameters: demo,
		});
		expect(result.error!.message).toMatch(/Endpoint "ftp:\/\/127\.0\.0\.1:21" must start with https:\/\/ or http:\/\//);
	});
});

describe('RAM denials', () => {
	it.each<[string, EmulatorKeyName, string, string | undefined]>([
		['Forbidden.RAM (403)', 'ramDenied', 'Forbidden.RAM', '403'],
		['Forbidden.RAM (400)', 'ramDenied400', 'Forbidden.RAM', '400'],
		['NoPermission (403)', 'ramNoPermission', 'NoPermission', '403'],
		['iot.common.RamActionPermissionDeny (HTTP 200)', 'ramBusinessDeny', 'iot.common.RamActionPermissionDeny', undefined],
	])('%s: a permission error naming the RAM action to allow, not retried', async (_case, key, code, status) => {
		const credential = credentialFor(emulator, key);
		const result = await runListByFirmware({ credential, parameters: demo });
		expect(result.error!.message).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')}: \\S`));
		const description = String(result.error!.description);
		expect(description).toContain('its RAM policy does not allow "iot:ListOTAJobByFirmware"');
		if (status) expect(description).toContain(`HTTP status: ${status}`);
		else expect(description).not.toContain('HTTP status');
		expect(emulator.requests).toHaveLength(1);
		expectNoSecrets(result, credential);
	});

	it('names iot:ListOTAFirmware when the Firmware picker is denied', async () => {
		const node = new AlibabaCloudIot();
		const context = loadOptionsContext(
			{ type: node, parameters: {}, credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } } },
			{ alibabaCloudIotApi: credentialFor(emulator, 'ramBusinessDeny') as ICredentialDataDecryptedObject },
		);
		await expect(node.methods.listSearch.searchFirmwares.call(context)).rejects.toMatchObject({
			message: expect.stringMatching(/^iot\.common\.RamActionPermissionDeny: /),
			description: expect.stringContaining('does not allow "iot:ListOTAFirmware"'),
		});
	});

	it('names the action that was denied: a denial of one action only', async () => {
		emulator.inject({ action: 'ListOTAJobByFirmware', respond: RAM_DENIALS.noPermission });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error!.description).toContain('"iot:ListOTAJobByFirmware"');
	});
});

describe('Continue On Fail', () => {
	const inputItems = [
		{ fw: FIXTURE_FIRMWARES.demo },
		{ fw: 'FwDoesNotExist00000001' },
		{ fw: '' },
		{ fw: FIXTURE_FIRMWARES.enterprise },
	];
	const parameters = { firmwareId: { __rl: true, mode: 'id', value: '={{ $json.fw }}' }, returnAll: false, limit: 2 };

	it('turns each failing item into one error item paired to it, and runs the others', async () => {
		const credential = credentialFor(emulator);
		const result = await runListByFirmware({ credential, inputItems, parameters, onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		const summary = result.items.map((item) => [item.pairedItem, item.json.JobId ? 'job' : item.json.code]);
		expect(summary).toEqual([
			[{ item: 0 }, 'job'],
			[{ item: 0 }, 'job'],
			[{ item: 1 }, 'iot.ota.FirmwareNotFound'],
			[{ item: 2 }, 'InvalidParameter'],
			// The enterprise firmware is invisible without its instance ID.
			[{ item: 3 }, 'iot.ota.FirmwareNotFound'],
		]);
		const notFound = result.items[2].json;
		expect(Object.keys(notFound)).toEqual(['error', 'code', 'requestId']);
		expect(notFound.error).toMatch(/^iot\.ota\.FirmwareNotFound: /);
		expect(notFound.requestId).toMatch(/^[0-9A-F-]{36}$/);
		expectNoSecrets(result, credential);
	});

	it('routes failed items to the error output when that is chosen', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			inputItems,
			parameters,
			onError: 'continueErrorOutput',
		});
		const [success, failed] = result.outputs;
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
	});
});
