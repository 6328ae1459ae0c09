import { createHash } from 'node:crypto';

import { startEmulator, type Emulator } from '../../tools/emulator/index';
import { sendSigned } from '../../tools/emulator/handSignedRequest';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ qps: 0 });
});
afterAll(async () => {
	await emulator.close();
});

interface Grant {
	Key: string;
	Host: string;
	Policy: string;
	OSSAccessKeyId: string;
	Signature: string;
	FirmwareUrl: string;
	ObjectStorage: string;
}

async function call(params: Record<string, string>) {
	return await sendSigned(emulator.url, { method: 'POST', params });
}

async function grant(suffix?: string): Promise<Grant> {
	const answer = await call({ Action: 'GenerateOTAUploadURL', ...(suffix && { FileSuffix: suffix }) });
	expect(answer.body.Success).toBe(true);
	return answer.body.Data as Grant;
}

function form(g: Grant, file: Buffer, change: Record<string, string | undefined> = {}): FormData {
	const fields: Record<string, string | undefined> = {
		key: g.Key,
		policy: g.Policy,
		OSSAccessKeyId: g.OSSAccessKeyId,
		signature: g.Signature,
		success_action_status: '200',
		...change,
	};
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) if (value !== undefined) data.append(name, value);
	data.append('file', new Blob([file]), 'fw.bin');
	return data;
}

async function post(g: Grant, body: FormData): Promise<{ status: number; text: string }> {
	const response = await fetch(g.Host, { method: 'POST', body });
	return { status: response.status, text: await response.text() };
}

function xmlCode(text: string): string | undefined {
	return /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
}

describe('GenerateOTAUploadURL', () => {
	it('answers a one-minute policy for a new key with the documented Data fields', async () => {
		const g = await grant('tar.gz');
		expect(Object.keys(g).sort()).toEqual(['FirmwareUrl', 'Host', 'Key', 'OSSAccessKeyId', 'ObjectStorage', 'Policy', 'Signature', 'UtcCreate']);
		expect(g.Key).toMatch(/^ota\/.+\.tar\.gz$/);
		expect(g.FirmwareUrl.endsWith(g.Key)).toBe(true);
		const policy = JSON.parse(Buffer.from(g.Policy, 'base64').toString()) as { expiration: string };
		const lifetime = Date.parse(policy.expiration) - Date.now();
		expect(lifetime).toBeGreaterThan(50_000);
		expect(lifetime).toBeLessThanOrEqual(60_000);
	});

	it('refuses a suffix Alibaba does not accept', async () => {
		const answer = await call({ Action: 'GenerateOTAUploadURL', FileSuffix: 'exe' });
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.IllegalRequest' });
	});
});

describe('OSS PostObject', () => {
	it('stores what it streams with its size, MD5 and SHA256', async () => {
		const file = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
		file.write('\r\n--not-the-boundary\r\n', 1000); // boundary-like bytes inside the file stay data
		const g = await grant();
		expect(await post(g, form(g, file))).toEqual({ status: 200, text: '' });
		expect(emulator.oss.object(g.Key)).toEqual({
			key: g.Key,
			size: file.length,
			md5: createHash('md5').update(file).digest('hex'),
			sha256: createHash('sha256').update(file).digest('hex'),
		});
	});

	it.each([
		['a wrong signature', { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, 403, 'SignatureDoesNotMatch'],
		['an unknown OSSAccessKeyId', { OSSAccessKeyId: 'LTAI5tSomeoneElse' }, 403, 'InvalidAccessKeyId'],
		['a key the policy does not name', { key: 'ota/other.bin' }, 403, 'AccessDenied'],
		['a missing policy', { policy: undefined }, 400, 'InvalidArgument'],
	])('refuses %s with an OSS XML error', async (_, change, status, code) => {
		const g = await grant();
		const answer = await post(g, form(g, Buffer.from('firmware'), change));
		expect(answer.status).toBe(status);
		expect(xmlCode(answer.text)).toBe(code);
		expect(answer.text).toMatch(/<RequestId>[0-9A-F]+<\/RequestId>/);
		expect(emulator.oss.object(g.Key)).toBeUndefined();
	});

	it('refuses an expired policy', async () => {
		emulator.oss.policyLifetimeMs = -1;
		const g = await grant();
		emulator.oss.policyLifetimeMs = 60_000;
		const answer = await post(g, form(g, Buffer.from('firmware')));
		expect(answer.status).toBe(403);
		expect(answer.text).toContain('Policy expired');
	});
});

describe('CreateOTAFirmware and DeleteOTAFirmware', () => {
	async function uploaded(content: string): Promise<Grant> {
		const g = await grant();
		expect((await post(g, form(g, Buffer.from(content)))).status).toBe(200);
		return g;
	}

	it('creates a firmware from an uploaded package, refuses its name twice, then deletes it', async () => {
		const g = await uploaded('package one');
		const md5 = createHash('md5').update('package one').digest('hex');
		const params = { Action: 'CreateOTAFirmware', FirmwareName: 'emu-create-1', DestVersion: '2.0.0', FirmwareUrl: g.FirmwareUrl };
		const created = await call({ ...params, FirmwareSign: md5, FirmwareSize: '11', SignMethod: 'MD5' });
		expect(created.body).toMatchObject({ Success: true, Data: { FirmwareId: expect.any(String), UtcCreate: expect.any(String) } });
		const firmwareId = (created.body.Data as { FirmwareId: string }).FirmwareId;

		const queried = await call({ Action: 'QueryOTAFirmware', FirmwareId: firmwareId });
		expect(queried.body.FirmwareInfo).toMatchObject({ FirmwareName: 'emu-create-1', FirmwareSign: md5, FirmwareSize: 11, SignMethod: 'MD5', Status: 0 });

		expect((await call(params)).body).toMatchObject({ Success: false, Code: 'iot.ota.FirmwareNameExisted' });

		expect((await call({ Action: 'DeleteOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Success: true });
		expect((await call({ Action: 'QueryOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Code: 'iot.ota.FirmwareNotFound' });
		expect((await call({ Action: 'DeleteOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Code: 'iot.ota.FirmwareNotFound' });
	});

	it.each([
		['a URL nothing was uploaded to', { FirmwareUrl: 'https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/none.bin' }, 'iot.ota.FirmwareUrlInvalid'],
		['a sign that is not the package MD5', { FirmwareSign: '0'.repeat(32) }, 'iot.ota.FirmwareSignNotMatch'],
		['a differential package without SrcVersion', { Type: '1' }, 'iot.system.IllegalRequest'],
	])('refuses %s', async (_, change, code) => {
		const g = await uploaded('package two');
		const answer = await call({ Action: 'CreateOTAFirmware', FirmwareName: `emu-bad-${code}`, DestVersion: '1.0.1', FirmwareUrl: g.FirmwareUrl, ...change });
		expect(answer.body).toMatchObject({ Success: false, Code: code });
	});

	it('needs FirmwareName, DestVersion and FirmwareUrl', async () => {
		const answer = await call({ Action: 'CreateOTAFirmware', FirmwareName: 'x', DestVersion: '1' });
		expect(answer.body).toMatchObject({ Code: 'MissingFirmwareUrl' });
	});
});
