import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { AlibabaCloudIotTrigger } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node';
import { BAD_GATEWAY_HTML, RAM_DENIALS } from '../../../tools/emulator';
import { testCredential } from '../../harness';
import { credentialFor, secretsOf, type EmulatorKeyName } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

async function pressTest(data: IDataObject, type: INodeType = new AlibabaCloudIot()) {
	return await testCredential({
		type,
		functionName: 'alibabaCloudIotApiTest',
		credentialType: 'alibabaCloudIotApi',
		data: data as ICredentialDataDecryptedObject,
	});
}

function expectClean(message: string, credential: IDataObject) {
	for (const secret of secretsOf(credential)) expect(message).not.toContain(secret);
	expect(message).not.toMatch(/string to sign|Signature=|SecurityToken=/i);
}

describe('the credential Test button', () => {
	it.each<EmulatorKeyName>(['active', 'sts'])('says %s credentials work, after one ListOTAFirmware of one firmware', async (key) => {
		const result = await pressTest(credentialFor(emulator, key));
		expect(result).toEqual({ status: 'OK', message: `Authentication successful: Alibaba Cloud IoT accepted these credentials (${emulator.url})` });
		expect(emulator.requests.map((request) => [request.action, request.params.CurrentPage, request.params.PageSize])).toEqual([
			['ListOTAFirmware', '1', '1'],
		]);
		expect(emulator.requests[0].params).not.toHaveProperty('FirmwareId');
	});

	it('is the same test from the trigger', async () => {
		expect((await pressTest(credentialFor(emulator), new AlibabaCloudIotTrigger())).status).toBe('OK');
	});

	it.each<[string, EmulatorKeyName, IDataObject, string, RegExp]>([
		['a wrong secret', 'active', { accessKeySecret: 'not-the-right-secret' }, 'SignatureDoesNotMatch', /Check the AccessKey Secret/],
		['an unknown key', 'active', { accessKeyId: 'LTAI5tNoSuchKey000000' }, 'InvalidAccessKeyId.NotFound', /Check the AccessKey ID/],
		['a disabled key', 'inactive', {}, 'InvalidAccessKeyId.Inactive', /Check the AccessKey ID: this AccessKey is disabled/],
		['an STS key without token', 'sts', { securityToken: '' }, 'MissingSecurityToken', /Check the Security Token/],
		['a forged token', 'sts', { securityToken: 'emu-sts-token-forged-999' }, 'InvalidSecurityToken.Malformed', /Check the Security Token/],
		['an expired token', 'stsExpired', {}, 'InvalidSecurityToken.Expired', /Check the Security Token/],
	])('fails for %s with the code and the field to fix (%s)', async (_case, key, overrides, code, hint) => {
		const credential = credentialFor(emulator, key, overrides);
		const result = await pressTest(credential);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Authentication failed: ${code.replace(/\./g, '\\.')}: \\S`));
		expect(result.message).toMatch(hint);
		expectClean(result.message, credential);
		expect(emulator.requests).toHaveLength(1);
	});

	it("fails for a clock more than 15 minutes off, naming the machine's clock", async () => {
		emulator.inject({ respond: { kind: 'gateway', httpStatus: 400, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' } });
		const result = await pressTest(credentialFor(emulator));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Authentication failed: InvalidTimeStamp\.Expired: .*Check this machine's clock/);
	});

	it.each<[string, EmulatorKeyName, string]>([
		['Forbidden.RAM (403)', 'ramDenied', 'Forbidden.RAM'],
		['Forbidden.RAM (400)', 'ramDenied400', 'Forbidden.RAM'],
		['NoPermission (403)', 'ramNoPermission', 'NoPermission'],
		['iot.common.RamActionPermissionDeny (HTTP 200)', 'ramBusinessDeny', 'iot.common.RamActionPermissionDeny'],
	])('fails for a RAM denial, %s, naming the permission to allow', async (_case, key, code) => {
		const result = await pressTest(credentialFor(emulator, key));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Permission denied: ${code.replace(/\./g, '\\.')}: \\S`));
		expect(result.message).toContain('does not allow "iot:ListOTAFirmware"');
		expect(emulator.requests).toHaveLength(1);
	});

	it.each([
		['iot.system.InstanceNotFound', 'The instance does not exist.'],
		['iot.Sre.IotInstanceNotFound', 'The IoT instance is not found.'],
		['iot.common.InvalidPageParams', 'Invalid page parameters.'],
		['iot.system.SystemException', '系统异常'],
		['iot.something.NeverDocumented', 'A code nobody has seen.'],
	])('counts a business answer (HTTP 200, Success false: %s) as working credentials', async (code, errorMessage) => {
		emulator.inject({ respond: { kind: 'business', code, errorMessage }, times: Infinity });
		const result = await pressTest(credentialFor(emulator));
		expect(result).toEqual({
			status: 'OK',
			message: `Authentication successful: Alibaba Cloud IoT accepted these credentials (${emulator.url}); ListOTAFirmware answered ${code}, which concerns the request, not the credentials`,
		});
		expect(emulator.requests.length).toBeLessThanOrEqual(2);
	});

	it('reports an unreachable endpoint, naming it', async () => {
		const unreachable = await pressTest(credentialFor(emulator, 'active', { endpoint: 'http://127.0.0.1:9' }));
		expect(unreachable.status).toBe('Error');
		expect(unreachable.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\).*\. Check the region or endpoint/);
	});

	it('reports a dropped connection, naming the endpoint', async () => {
		emulator.inject({ respond: { kind: 'destroy' }, times: Infinity });
		const result = await pressTest(credentialFor(emulator, 'sts'));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`The connection to ${emulator.url} closed before the answer was complete`);
		expectClean(result.message, credentialFor(emulator, 'sts'));
	});

	it('reports a non-JSON answer (a proxy page), naming the endpoint', async () => {
		emulator.inject({ respond: { kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML }, times: Infinity });
		const result = await pressTest(credentialFor(emulator));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`${emulator.url} answered HTTP 502 with something that is not Alibaba Cloud JSON (page titled "502 Bad Gateway")`);
		expect(result.message).toContain('A proxy or gateway answered instead of Alibaba Cloud');
	});

	it("reports a proxy's 429 page as what answered, after one retry (throttled or not, the Test retries once)", async () => {
		emulator.inject({ respond: { kind: 'raw', httpStatus: 429, contentType: 'text/plain', body: 'Too Many Requests' }, times: Infinity });
		const result = await pressTest(credentialFor(emulator));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			new RegExp(`^${emulator.url.replace(/\./g, '\\.')} answered HTTP 429 with something that is not Alibaba Cloud JSON .*Too Many Requests`),
		);
		expect(emulator.requests).toHaveLength(2);
	});

	it('reports an invalid endpoint before any request', async () => {
		const invalid = await pressTest(credentialFor(emulator, 'active', { endpoint: 'iot.example.com' }));
		expect(invalid.status).toBe('Error');
		expect(invalid.message).toMatch(/Endpoint "iot\.example\.com" is not a URL/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('does not wait out a long throttle: one request, then the verdict', async () => {
		emulator.inject({ respond: { kind: 'throttle', waitMs: 60_000 }, times: Infinity });
		const result = await pressTest(credentialFor(emulator));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Could not verify the credentials at http:\/\/127\.0\.0\.1:\d+: Throttling/);
		expect(emulator.requests).toHaveLength(1);
	});

	it('retries a failed gateway once, then passes', async () => {
		emulator.inject({ respond: { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'Try later.' } });
		expect((await pressTest(credentialFor(emulator))).status).toBe('OK');
		expect(emulator.requests).toHaveLength(2);
	});

	it('uses the same RAM denial answer for the hint whatever the status (RAM_DENIALS injected)', async () => {
		emulator.inject({ respond: RAM_DENIALS.forbiddenRam400 });
		const result = await pressTest(credentialFor(emulator, 'sts'));
		expect(result.message).toMatch(/^Permission denied: Forbidden\.RAM: /);
	});
});
