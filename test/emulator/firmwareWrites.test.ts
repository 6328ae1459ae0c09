// The emulator's firmware write side, black-box over HTTP: GenerateOTAUploadURL, the OSS PostObject
// endpoint (policy, signature and key checks; the file hashed as it streams; XML errors), then
// CreateOTAFirmware and DeleteOTAFirmware.
import { createHash } from 'node:crypto';

import { sendSigned } from '../../tools/emulator/handSignedRequest';
import type { UploadGrant } from '../../tools/emulator/oss/ossUploads';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });
let nameCount = 0;

/** What GenerateOTAUploadURL answers, as the emulator defines it. */
type Grant = UploadGrant;

const call = async (params: Record<string, string>) => await sendSigned(emulator.url, { method: 'POST', params });

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

const xmlCode = (text: string) => /<Code>([^<]*)<\/Code>/.exec(text)?.[1];

/** What QueryOTAFirmware says of a firmware created from an upload: the emulator's view of the object. */
async function createFrom(g: Grant, extra: Record<string, string> = {}) {
	return await call({ Action: 'CreateOTAFirmware', FirmwareName: `emu-fw-${++nameCount}`, DestVersion: '2.0.0', FirmwareUrl: g.FirmwareUrl, ...extra });
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
		expect((await grant()).Key).not.toBe(g.Key);
	});

	it('refuses a suffix Alibaba does not accept', async () => {
		const answer = await call({ Action: 'GenerateOTAUploadURL', FileSuffix: 'exe' });
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.IllegalRequest' });
	});
});

describe('OSS PostObject', () => {
	it('hashes what it streams: a created firmware has the MD5 and size of the bytes sent', async () => {
		const file = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
		file.write('\r\n--not-the-boundary\r\n', 1000); // boundary-like bytes inside the file stay data
		const g = await grant();
		const objects = emulator.ossObjects();
		expect(await post(g, form(g, file))).toEqual({ status: 200, text: '' });
		expect(emulator.ossObjects()).toBe(objects + 1);
		const md5 = createHash('md5').update(file).digest('hex');
		const created = await createFrom(g, { FirmwareSign: md5, FirmwareSize: String(file.length) });
		expect(created.body.Success).toBe(true);
		const queried = await call({ Action: 'QueryOTAFirmware', FirmwareId: (created.body.Data as { FirmwareId: string }).FirmwareId });
		expect(queried.body.FirmwareInfo).toMatchObject({ FirmwareSign: md5, FirmwareSize: file.length, SignMethod: 'MD5', Status: 0 });
	});

	it('answers 204 without success_action_status, as OSS does', async () => {
		const g = await grant();
		expect((await post(g, form(g, Buffer.from('x'), { success_action_status: undefined }))).status).toBe(204);
	});

	it.each([
		['a wrong signature', { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, 403, 'SignatureDoesNotMatch'],
		['an unknown OSSAccessKeyId', { OSSAccessKeyId: 'LTAI5tSomeoneElse' }, 403, 'InvalidAccessKeyId'],
		['a key the policy does not name', { key: 'ota/other.bin' }, 403, 'AccessDenied'],
		['a missing policy', { policy: undefined }, 400, 'InvalidArgument'],
	])('refuses %s with an OSS XML error, and stores nothing', async (_, change, status, code) => {
		const g = await grant();
		const objects = emulator.ossObjects();
		const answer = await post(g, form(g, Buffer.from('firmware'), change));
		expect(answer.status).toBe(status);
		expect(xmlCode(answer.text)).toBe(code);
		expect(answer.text).toMatch(/<RequestId>[0-9A-F]+<\/RequestId>/);
		expect(emulator.ossObjects()).toBe(objects);
		expect((await createFrom(g)).body).toMatchObject({ Success: false, Code: 'iot.ota.FirmwareUrlInvalid' });
	});

	it('refuses a form without a file', async () => {
		const g = await grant();
		const data = new FormData();
		for (const [name, value] of Object.entries({ key: g.Key, policy: g.Policy, OSSAccessKeyId: g.OSSAccessKeyId, signature: g.Signature })) data.append(name, value);
		const answer = await post(g, data);
		expect(answer.status).toBe(400);
		expect(xmlCode(answer.text)).toBe('MalformedPOSTRequest');
	});

	it('fails uploads on request, with a 503 XML error', async () => {
		emulator.failOssUploads(1);
		const g = await grant();
		const answer = await post(g, form(g, Buffer.from('firmware')));
		expect(answer.status).toBe(503);
		expect(xmlCode(answer.text)).toBe('ServiceUnavailable');
		expect((await post(g, form(g, Buffer.from('firmware')))).status).toBe(200);
	});
});

describe('CreateOTAFirmware and DeleteOTAFirmware', () => {
	async function uploaded(content: string): Promise<Grant> {
		const g = await grant();
		expect((await post(g, form(g, Buffer.from(content)))).status).toBe(200);
		return g;
	}

	it('creates a firmware, refuses its name twice, then deletes it: QueryOTAFirmware no longer finds it', async () => {
		const g = await uploaded('package one');
		const created = await call({ Action: 'CreateOTAFirmware', FirmwareName: 'emu-unique', DestVersion: '2.0.0', FirmwareUrl: g.FirmwareUrl, NeedToVerify: 'false' });
		expect(created.body).toMatchObject({ Success: true, Data: { FirmwareId: expect.any(String), UtcCreate: expect.any(String) } });
		const firmwareId = (created.body.Data as { FirmwareId: string }).FirmwareId;
		expect((await call({ Action: 'QueryOTAFirmware', FirmwareId: firmwareId })).body.FirmwareInfo).toMatchObject({ FirmwareName: 'emu-unique', Status: -1 });

		const again = await uploaded('package one again');
		expect((await call({ Action: 'CreateOTAFirmware', FirmwareName: 'emu-unique', DestVersion: '2.0.1', FirmwareUrl: again.FirmwareUrl })).body).toMatchObject({
			Success: false,
			Code: 'iot.ota.FirmwareNameExisted',
		});

		expect((await call({ Action: 'DeleteOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Success: true });
		expect((await call({ Action: 'QueryOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Code: 'iot.ota.FirmwareNotFound' });
		expect((await call({ Action: 'DeleteOTAFirmware', FirmwareId: firmwareId })).body).toMatchObject({ Code: 'iot.ota.FirmwareNotFound' });
	});

	it.each([
		['a sign that is not the package MD5', { FirmwareSign: '0'.repeat(32) }, 'iot.ota.FirmwareSignNotMatch'],
		['a size that is not the package size', { FirmwareSize: '1' }, 'iot.ota.FirmwareSizeNotMatch'],
		['a differential package without SrcVersion', { Type: '1' }, 'MissingSrcVersion'],
		['an unknown SignMethod', { SignMethod: 'SHA1' }, 'iot.system.IllegalRequest'],
	])('refuses %s', async (_, change, code) => {
		const g = await uploaded('package two');
		expect((await createFrom(g, change)).body).toMatchObject({ Code: code });
	});

	it('needs FirmwareName, DestVersion and FirmwareUrl; DeleteOTAFirmware needs FirmwareId', async () => {
		expect((await call({ Action: 'CreateOTAFirmware', FirmwareName: 'x', DestVersion: '1' })).body).toMatchObject({ Code: 'MissingFirmwareUrl' });
		expect((await call({ Action: 'DeleteOTAFirmware' })).body).toMatchObject({ Code: 'MissingFirmwareId' });
	});
});
