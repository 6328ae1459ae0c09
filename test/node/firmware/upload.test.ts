// Firmware Upload in n8n's engine against the emulator: GenerateOTAUploadURL, the OSS PostObject
// form (streamed from n8n's binary store, hashed in the same pass) and CreateOTAFirmware carried
// out once; every bad value refused before any request; the upload form's capabilities nowhere.
import { createHash } from 'node:crypto';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { InputBinary } from '../../harness/types';
import type { InjectedFault } from '../../../tools/emulator';
import { sendSigned } from '../../../tools/emulator/handSignedRequest';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();
let nameCount = 0;

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
const md5 = (content: Buffer) => createHash('md5').update(content).digest('hex');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const lose = (action: string, respond: InjectedFault['respond'] = { kind: 'destroy' }) =>
	emulator.inject({ action, afterCarryingOut: true, respond });

/** The names of product a1Upload001's firmwares, as a user would see them: ListOTAFirmware's answer. */
async function listedNames(): Promise<string[]> {
	const answer = await sendSigned(emulator.url, { params: { Action: 'ListOTAFirmware', ProductKey: 'a1Upload001', CurrentPage: '1', PageSize: '100' } });
	const listed = (answer.body.FirmwareInfo as { SimpleFirmwareInfo?: Array<{ FirmwareName: string }> } | undefined)?.SimpleFirmwareInfo;
	if (!listed) throw new Error(`ListOTAFirmware answered ${JSON.stringify(answer.body)}`);
	return listed.map((firmware) => firmware.FirmwareName);
}
const countIn = (names: string[], name: string) => names.filter((listed) => listed === name).length;

function upload(
	parameters: INodeParameters,
	files: Array<InputBinary | undefined> = [{ content: Buffer.from('firmware image v2'), fileName: 'fw.bin' }],
	extra: { onError?: 'continueRegularOutput'; inputItems?: IDataObject[] } = {},
) {
	return runOperation({
		resource: 'firmware',
		operation: 'upload',
		parameters: { productKey: 'a1Upload001', firmwareName: `fw-${++nameCount}`, destVersion: '2.0.0', ...parameters },
		inputItems: extra.inputItems ?? files.map(() => ({})),
		inputBinaries: files.map((file) => (file ? { data: file } : undefined)),
		credential: credentialFor(emulator),
		onError: extra.onError,
	});
}

function expectNoCapabilities(serialized: string): void {
	for (const grant of emulator.oss.granted) {
		expect(serialized).not.toContain(grant.Policy);
		expect(serialized).not.toContain(grant.Signature);
	}
	expect(serialized).not.toContain('LTAI5tEmulatorOssKey01');
}

describe('Firmware Upload', () => {
	it('asks for an upload URL, posts the package to OSS and creates the firmware with its MD5 and size', async () => {
		const content = Buffer.from('firmware image v2');
		const posts = emulator.oss.posts.length;
		const { items, error, serialized } = await upload({ firmwareName: 'meter-2.0.0', options: { firmwareDesc: 'CI build 4711', moduleName: 'mcu' } });
		expect(error).toBeUndefined();

		const [grantRequest] = writes('GenerateOTAUploadURL');
		expect(grantRequest.method).toBe('POST');
		expect(grantRequest.params.FileSuffix).toBe('bin');
		expect(emulator.oss.posts.slice(posts)).toEqual([{ key: expect.any(String), httpStatus: 200, received: content.length }]);
		const created = writes('CreateOTAFirmware');
		expect(created).toHaveLength(1);
		expect(created[0].method).toBe('POST');
		expect(created[0].params).toMatchObject({
			ProductKey: 'a1Upload001',
			FirmwareName: 'meter-2.0.0',
			DestVersion: '2.0.0',
			Type: '0',
			ModuleName: 'mcu',
			SignMethod: 'MD5',
			FirmwareSign: md5(content),
			FirmwareSize: String(content.length),
			NeedToVerify: 'true',
			FirmwareDesc: 'CI build 4711',
		});
		expect(created[0].params.SrcVersion).toBeUndefined();

		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json).toEqual({
			FirmwareId: expect.any(String),
			FirmwareName: 'meter-2.0.0',
			DestVersion: '2.0.0',
			ProductKey: 'a1Upload001',
			Type: 0,
			ModuleName: 'mcu',
			FirmwareSize: content.length,
			FirmwareSign: md5(content),
			SignMethod: 'MD5',
			FirmwareUrl: expect.stringMatching(/^https:\/\/iotx-ota\.oss-cn-shanghai\.aliyuncs\.com\/ota\/[^?]+\.bin$/),
			UtcCreate: expect.any(String),
			RequestId: expect.any(String),
		});
		expect(emulator.firmware(String(json.FirmwareId))).toMatchObject({ name: 'meter-2.0.0', status: 0, uploaded: { sign: md5(content), size: content.length } });
		expectNoCapabilities(serialized);
	});

	it('sends a differential .tar.gz package with SHA256, its source version and no verification', async () => {
		const content = Buffer.alloc(70_000, 3);
		const { items, error } = await upload(
			{ options: { firmwareType: 'differential', srcVersion: '1.9.0', signMethod: 'SHA256', needToVerify: false } },
			[{ content, fileName: 'meter-delta.tar.gz', mimeType: 'application/gzip' }],
		);
		expect(error).toBeUndefined();
		expect(writes('GenerateOTAUploadURL')[0].params.FileSuffix).toBe('tar.gz');
		expect(writes('CreateOTAFirmware')[0].params).toMatchObject({ Type: '1', SrcVersion: '1.9.0', SignMethod: 'SHA256', FirmwareSign: sha256(content), NeedToVerify: 'false' });
		expect(items[0].json).toMatchObject({ Type: 1, SrcVersion: '1.9.0', SignMethod: 'SHA256', FirmwareSign: sha256(content), FirmwareSize: 70_000 });
		expect(String(items[0].json.FirmwareUrl)).toMatch(/\.tar\.gz$/);
	});

	it('asks for FileSuffix bin when the file name has a suffix Alibaba does not take', async () => {
		const { error } = await upload({}, [{ content: Buffer.from('x'.repeat(10)), fileName: 'image.hex' }]);
		expect(error).toBeUndefined();
		expect(writes('GenerateOTAUploadURL')[0].params.FileSuffix).toBe('bin');
	});

	it.each([
		['an empty binary', {}, [{ content: Buffer.alloc(0), fileName: 'empty.bin' }], 'The binary field "data" is empty (item 0)'],
		['a differential package without Source Version', { options: { firmwareType: 'differential' } }, undefined, 'Source Version is empty (item 0): a differential package needs the version it upgrades from'],
		['no binary field', { binaryPropertyName: 'firmware' }, undefined, "'firmware'"],
		['an empty Firmware Name', { firmwareName: '={{ "" }}' }, undefined, 'Firmware Name is empty (item 0)'],
		['an empty Destination Version', { destVersion: '={{ "" }}' }, undefined, 'Destination Version is empty (item 0)'],
	])('refuses %s before any request', async (_, parameters, files, message) => {
		const posts = emulator.oss.posts.length;
		const { error } = await upload(parameters as INodeParameters, files as InputBinary[] | undefined);
		expect(String(error?.message)).toContain(message);
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.oss.posts.length).toBe(posts);
	});

	it('under Continue On Fail gives the bad item its error and uploads the good one', async () => {
		const { items } = await upload({ firmwareName: '={{ "batch-" + $itemIndex }}' }, [{ content: Buffer.alloc(0), fileName: 'a.bin' }, { content: Buffer.from('good'), fileName: 'b.bin' }], {
			onError: 'continueRegularOutput',
		});
		expect(items).toHaveLength(2);
		expect(String(items[0].json.error)).toContain('is empty (item 0)');
		expect(items[1].json).toMatchObject({ FirmwareName: 'batch-1', FirmwareSize: 4 });
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
	});

	it('retries a refused upload with a fresh upload URL', async () => {
		emulator.oss.failNext({ times: 1, httpStatus: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
		const { items, error } = await upload({});
		expect(error).toBeUndefined();
		const grants = writes('GenerateOTAUploadURL');
		expect(grants).toHaveLength(2);
		expect(items[0].json.FirmwareId).toEqual(expect.any(String));
	});

	it("shows OSS's error with its code and request ID, and none of the form's capabilities", async () => {
		emulator.oss.failNext({ times: 1, httpStatus: 400, code: 'InvalidArgument', message: 'The form field policy is missing.' });
		const { error, serialized } = await upload({});
		expect(String(error?.message)).toContain('InvalidArgument');
		expect(String(error?.message)).toContain('OSS refused the upload');
		expect(serialized).toMatch(/Request ID|requestId|RequestId/);
		expect(writes('CreateOTAFirmware')).toHaveLength(0);
		expectNoCapabilities(serialized);
	});
});

describe('Firmware Upload: CreateOTAFirmware exactly once', () => {
	it('after a lost answer finds the firmware by name, sign and size: recovered, nothing sent again', async () => {
		lose('CreateOTAFirmware');
		const { items, error } = await upload({ firmwareName: 'lost-then-found' });
		expect(error).toBeUndefined();
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
		expect(items[0].json).toMatchObject({ FirmwareName: 'lost-then-found', Recovered: true, FirmwareId: expect.any(String) });
		expect(emulator.firmware(String(items[0].json.FirmwareId))?.name).toBe('lost-then-found');
	});

	it('after a lost answer that was not carried out sends it once more', async () => {
		emulator.inject({ action: 'CreateOTAFirmware', respond: { kind: 'destroy' } });
		const { items, error } = await upload({ firmwareName: 'lost-not-done' });
		expect(error).toBeUndefined();
		expect(writes('CreateOTAFirmware')).toHaveLength(2);
		expect(items[0].json.Recovered).toBeUndefined();
		expect(countIn(await listedNames(), 'lost-not-done')).toBe(1);
	});

	it('fails with what to check, and sends nothing more, when the read cannot tell', async () => {
		lose('CreateOTAFirmware');
		emulator.inject({ action: 'ListOTAFirmware', respond: { kind: 'business', code: 'iot.common.RamActionPermissionDeny', errorMessage: 'denied' } });
		const { error } = await upload({ firmwareName: 'lost-unknown' });
		expect(String(error?.message)).toMatch(/may or may not have been created/);
		expect(String(error?.message)).toContain('look for the name "lost-unknown"');
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
	});

	it('never makes a second firmware (nor fails on its name) when every create answer is lost', async () => {
		emulator.setFaultMode({ mode: 'lostAnswers', rate: 1, seed: 3, actions: ['CreateOTAFirmware'] });
		const files = Array.from({ length: 6 }, (_, index) => ({ content: Buffer.from(`package ${index}`), fileName: `p${index}.bin` }));
		const { items, error } = await upload({ firmwareName: '={{ "all-lost-" + $itemIndex }}' }, files);
		// A blind re-send would be refused as a duplicate name: the items would fail.
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		expect(items.every((item) => item.json.Recovered === true)).toBe(true);
		expect(writes('CreateOTAFirmware')).toHaveLength(6);
		const names = await listedNames();
		for (let index = 0; index < 6; index++) expect(countIn(names, `all-lost-${index}`)).toBe(1);
	});
});

describe('Firmware Upload from the filesystem binary store', () => {
	beforeAll(async () => {
		process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
		await Container.get(BinaryDataService).init();
	});

	it('streams a stored binary (it has an id) and hashes it in the same pass', async () => {
		const content = Buffer.alloc(5 * 1024 * 1024 + 3);
		for (let index = 0; index < content.length; index += 4096) content[index] = index % 251;
		const { items, error, runData } = await upload({ firmwareName: 'from-disk' }, [{ content, fileName: 'big.bin' }]);
		expect(error).toBeUndefined();
		const input = runData['Input Items'][0].data!.main[0]![0];
		expect(input.binary!.data.id).toEqual(expect.stringMatching(/^filesystem/));
		expect(items[0].json).toMatchObject({ FirmwareSize: content.length, FirmwareSign: md5(content) });
	});
});
