import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { testCredential } from '../harness';
import { credentialFor, secretsOf, type EmulatorKeyName } from '../support/alibabaNode';
import { useEmulator } from '../support/useEmulator';


const emulator = useEmulator();

async function pressTest(data: IDataObject) {
	return await testCredential({
		type: new AlibabaCloudIot(),
		functionName: 'alibabaCloudIotApiTest',
		credentialType: 'alibabaCloudIotApi',
		data: data as ICredentialDataDecryptedObject,
	});
}

describe('the credential Test button', () => {
	it.each<EmulatorKeyName>(['active', 'sts'])('says %s credentials work, after one signed request', async (key) => {
		const result = await pressTest(credentialFor(emulator, key));
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/^Authentication successful/) });
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].action).toBe('ListOTAJobByFirmware');
	});

	it.each<[EmulatorKeyName, IDataObject, string]>([
		['active', { accessKeySecret: 'not-the-right-secret' }, 'SignatureDoesNotMatch'],
		['active', { accessKeyId: 'LTAI5tNoSuchKey000000' }, 'InvalidAccessKeyId.NotFound'],
		['inactive', {}, 'InvalidAccessKeyId.Inactive'],
		['sts', { securityToken: '' }, 'MissingSecurityToken'],
		['sts', { securityToken: 'emu-sts-token-forged-999' }, 'InvalidSecurityToken.Malformed'],
		['stsExpired', {}, 'InvalidSecurityToken.Expired'],
		['ramDenied', {}, 'Forbidden.RAM'],
	])('names the Alibaba code when %s credentials with %j fail: %s', async (key, overrides, code) => {
		const credential = credentialFor(emulator, key, overrides);
		const result = await pressTest(credential);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`Authentication failed: ${code}: `);
		for (const secret of secretsOf(credential)) expect(result.message).not.toContain(secret);
		expect(result.message).not.toMatch(/string to sign/i);
	});

	it('counts a business answer (here: an unknown instance) as working credentials', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'iot.system.InstanceNotFound', errorMessage: 'The instance does not exist.' } });
		expect((await pressTest(credentialFor(emulator))).status).toBe('OK');
	});

	it('reports an unreachable endpoint and an invalid one', async () => {
		const unreachable = await pressTest(credentialFor(emulator, 'active', { endpoint: 'http://127.0.0.1:9' }));
		expect(unreachable.status).toBe('Error');
		expect(unreachable.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/);
		const invalid = await pressTest(credentialFor(emulator, 'active', { endpoint: 'iot.example.com' }));
		expect(invalid.status).toBe('Error');
		expect(invalid.message).toMatch(/Endpoint "iot\.example\.com" is not a URL/);
	});
});
