// Firmware Upload (GenerateOTAUploadURL, OSS PostObject, CreateOTAFirmware), Delete and Get's Include
// Download URL in n8n's engine against the emulator, with n8n's filesystem binary-data store (the
// package is streamed from it) and in memory; the exactly-once rule of CreateOTAFirmware and
// DeleteOTAFirmware; the upload policy and signature never in an item or error.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import type { InputFile } from '../../harness/types';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();
const storage = mkdtempSync(join(tmpdir(), 'n8n-binary-'));

beforeAll(async () => {
	// n8n's own store, as a self-hosted n8n runs it: files on disk, items holding only their id.
	const service = Container.get(BinaryDataService);
	Object.assign((service as unknown as { config: object }).config, { mode: 'filesystem', localStoragePath: storage });
	await service.init();
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
let count = 0;
const packageOf = (bytes: number, fileName = 'meter.bin'): InputFile & { data: Buffer } => ({
	data: Buffer.alloc(bytes, ++count % 251),
	fileName,
	mimeType: 'application/octet-stream',
});

const upload = (parameters: INodeParameters, file: InputFile | undefined, onError?: 'continueRegularOutput') =>
	runOperation({
		resource: 'firmware',
		operation: 'upload',
		parameters: { productKey: 'a1EmuMeter1', firmwareName: `meter-${++count}`, destVersion: '9.9.9', ...parameters },
		inputBinaries: [file && { data: file }],
		credential: credentialFor(emulator),
		onError,
	});

describe('Firmware: Upload', () => {
	it('streams the package to OSS and creates the firmware with its MD5 and size', async () => {
		const file = packageOf(3 * 1024 * 1024 + 7, 'meter-1.4.0.tar.gz');
		const { items, error, serialized } = await upload({ firmwareName: 'meter-1.4.0' }, file);
		expect(error).toBeUndefined();
		const md5 = createHash('md5').update(file.data).digest('hex');
		expect(writes('GenerateOTAUploadURL')[0].params.FileSuffix).toBe('tar.gz');
		const [create] = writes('CreateOTAFirmware');
		expect(create.method).toBe('POST');
		expect(create.params).toMatchObject({ FirmwareName: 'meter-1.4.0', DestVersion: '9.9.9', ProductKey: 'a1EmuMeter1', Type: '0', SignMethod: 'MD5', FirmwareSign: md5, FirmwareSize: String(file.data.length), NeedToVerify: 'true' });
		expect(items[0].json).toMatchObject({ FirmwareName: 'meter-1.4.0', FirmwareSign: md5, FirmwareSize: file.data.length, SignMethod: 'MD5', Type: 0, RequestId: expect.any(String) });
		const firmware = emulator.firmware(String(items[0].json.FirmwareId));
		expect(firmware?.uploaded).toMatchObject({ sign: md5, size: file.data.length });
		// The upload form is a capability: none of it reaches the run.
		const grant = JSON.stringify(emulator.requests);
		expect(grant).toBeDefined();
		expect(serialized).not.toMatch(/Policy|signature|OSSAccessKeyId|LTAI5tEmulatorOssKey01/i);
	});

	it('signs with SHA256 and makes a differential package', async () => {
		const file = packageOf(1000);
		const { items, error } = await upload({ options: { signMethod: 'SHA256', firmwareType: 'differential', srcVersion: '1.0.0', moduleName: 'mcu' } }, file);
		expect(error).toBeUndefined();
		const sha256 = createHash('sha256').update(file.data).digest('hex');
		expect(writes('CreateOTAFirmware')[0].params).toMatchObject({ SignMethod: 'SHA256', FirmwareSign: sha256, Type: '1', SrcVersion: '1.0.0', ModuleName: 'mcu' });
		expect(items[0].json).toMatchObject({ Type: 1, SrcVersion: '1.0.0', FirmwareSign: sha256 });
	});

	it.each([
		['a differential package without Source Version', { options: { firmwareType: 'differential' } }, packageOf(10), 'Source Version is empty (item 0)'],
		['an empty file', {}, packageOf(0), "file is empty (item 0)"],
		['no binary field', { binaryPropertyName: 'firmware' }, packageOf(10), 'Input Binary Field "firmware" is not on the input item (item 0)'],
	])('refuses %s before any request', async (_, parameters, file, message) => {
		const { error } = await upload(parameters, file);
		expect(`${error?.message}`).toContain(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it('tries a failed upload again with a fresh upload URL', async () => {
		const file = packageOf(2048);
		emulator.failOssUploads(2);
		const { items, error } = await upload({}, file);
		expect(error).toBeUndefined();
		expect(writes('GenerateOTAUploadURL')).toHaveLength(3);
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
		expect(items[0].json.FirmwareId).toEqual(expect.any(String));
	});

	it("shows OSS's error with its code and request ID once the attempts are used up", async () => {
		emulator.failOssUploads(5);
		const { error } = await upload({ options: { maxAttempts: 2 } }, packageOf(100));
		expect(error?.message).toContain('ServiceUnavailable: OSS upload: Please reduce your request rate.');
		expect(JSON.stringify(error)).toMatch(/Request ID: [0-9A-F]{24}/);
		expect(writes('GenerateOTAUploadURL')).toHaveLength(2);
		expect(writes('CreateOTAFirmware')).toHaveLength(0);
	});

	it('after a lost CreateOTAFirmware answer finds the firmware by name, sign and size: recovered, sent once', async () => {
		emulator.inject({ action: 'CreateOTAFirmware', afterCarryingOut: true, respond: { kind: 'destroy' } });
		const { items, error } = await upload({ firmwareName: 'lost-answer-firmware' }, packageOf(4096));
		expect(error).toBeUndefined();
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
		expect(items[0].json).toMatchObject({ FirmwareName: 'lost-answer-firmware', Recovered: true });
		expect(emulator.firmware(String(items[0].json.FirmwareId))?.name).toBe('lost-answer-firmware');
	});

	it('sends CreateOTAFirmware once more when the read proves it was not carried out', async () => {
		emulator.inject({ action: 'CreateOTAFirmware', respond: { kind: 'destroy' } });
		const { items, error } = await upload({ firmwareName: 'not-carried-out' }, packageOf(512));
		expect(error).toBeUndefined();
		expect(writes('CreateOTAFirmware')).toHaveLength(2);
		expect(items[0].json.Recovered).toBeUndefined();
	});
});

describe('Firmware: Delete and Get', () => {
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const newFirmware = () => emulator.addFirmware({ firmwareId: `FwDelete${String(++count).padStart(14, '0')}`, productKey: 'a1EmuMeter1' });

	it('deletes a firmware as POST; Get then finds none', async () => {
		const { firmwareId } = newFirmware();
		const { items, error } = await runOperation({ resource: 'firmware', operation: 'delete', parameters: { firmwareId: byId(firmwareId) }, credential: credentialFor(emulator) });
		expect(error).toBeUndefined();
		expect(writes('DeleteOTAFirmware')[0].method).toBe('POST');
		expect(items[0].json).toMatchObject({ FirmwareId: firmwareId, Deleted: true });
		expect(emulator.firmware(firmwareId)).toBeUndefined();
	});

	it('after a lost answer proves the delete by QueryOTAFirmware: recovered, never sent again', async () => {
		const { firmwareId } = newFirmware();
		emulator.inject({ action: 'DeleteOTAFirmware', afterCarryingOut: true, respond: { kind: 'destroy' } });
		const { items } = await runOperation({ resource: 'firmware', operation: 'delete', parameters: { firmwareId: byId(firmwareId) }, credential: credentialFor(emulator) });
		expect(items[0].json).toMatchObject({ Deleted: true, Recovered: true });
		expect(writes('DeleteOTAFirmware')).toHaveLength(1);
	});

	it('Get keeps the signed download link only when Include Download URL is on', async () => {
		const { firmwareId } = newFirmware();
		const get = (options: INodeParameters) =>
			runOperation({ resource: 'firmware', operation: 'get', parameters: { firmwareId: byId(firmwareId), options }, credential: credentialFor(emulator) });
		expect(String((await get({})).items[0].json.FirmwareUrl)).not.toContain('?');
		expect(String((await get({ includeDownloadUrl: true })).items[0].json.FirmwareUrl)).toMatch(/\?Expires=\d+&OSSAccessKeyId=.+&Signature=/);
	});
});
