// Firmware Upload paths uploadAndDelete.test.ts leaves out: FileSuffix from the file name, Continue
// On Fail, a lost CreateOTAFirmware answer that no read can settle, a test that fails if the node
// re-sends the create blindly, and the upload form's policy and key nowhere in the run. Binaries
// here are in memory (n8n's default store in this file): the other path, streamed by id, is there.
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { InputFile } from '../../harness/types';
import { sendSigned } from '../../../tools/emulator/handSignedRequest';
import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();
let count = 0;

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
const md5 = (content: Buffer) => createHash('md5').update(content).digest('hex');
const file = (data: Buffer | string, fileName = 'fw.bin'): InputFile => ({ data: Buffer.from(data), fileName, mimeType: 'application/octet-stream' });

function upload(parameters: INodeParameters, files: InputFile[] = [file('firmware image v2')], onError?: 'continueRegularOutput') {
	return runOperation({
		resource: 'firmware',
		operation: 'upload',
		parameters: { productKey: 'a1Upload001', firmwareName: `fw-${++count}`, destVersion: '2.0.0', ...parameters },
		inputItems: files.map((): IDataObject => ({})),
		inputBinaries: files.map((data) => ({ data })),
		credential: credentialFor(emulator),
		onError,
	});
}

/** The names of product a1Upload001's firmwares, as a user would see them: ListOTAFirmware's answer. */
async function listedNames(): Promise<string[]> {
	const answer = await sendSigned(emulator.url, { params: { Action: 'ListOTAFirmware', ProductKey: 'a1Upload001', CurrentPage: '1', PageSize: '100' } });
	const listed = (answer.body.FirmwareInfo as { SimpleFirmwareInfo?: Array<{ FirmwareName: string }> } | undefined)?.SimpleFirmwareInfo;
	if (!listed) throw new Error(`ListOTAFirmware answered ${JSON.stringify(answer.body)}`);
	return listed.map((firmware) => firmware.FirmwareName);
}

describe('Firmware Upload: what goes on the wire', () => {
	it.each([
		['meter-delta.tar.gz', 'tar.gz'],
		['app.apk', 'apk'],
		['image.hex', 'bin'],
	])('asks GenerateOTAUploadURL for a %s with FileSuffix %s, as POST', async (fileName, suffix) => {
		const { items, error } = await upload({}, [file('0123456789', fileName)]);
		expect(error).toBeUndefined();
		const [grant] = writes('GenerateOTAUploadURL');
		expect(grant.method).toBe('POST');
		expect(grant.params.FileSuffix).toBe(suffix);
		expect(String(items[0].json.FirmwareUrl).endsWith(`.${suffix}`)).toBe(true);
	});

	it('sends every option under the name Alibaba gives it', async () => {
		const content = Buffer.from('options package');
		const { error } = await upload({
			firmwareName: 'with-options',
			options: { moduleName: 'mcu', firmwareDesc: 'CI build 4711', udi: 'UDI-1', needToVerify: false, iotInstanceId: '' },
		}, [file(content)]);
		expect(error).toBeUndefined();
		const [create] = writes('CreateOTAFirmware');
		expect(create.method).toBe('POST');
		expect(create.params).toMatchObject({
			ProductKey: 'a1Upload001',
			FirmwareName: 'with-options',
			DestVersion: '2.0.0',
			Type: '0',
			ModuleName: 'mcu',
			SignMethod: 'MD5',
			FirmwareSign: md5(content),
			FirmwareSize: String(content.length),
			NeedToVerify: 'false',
			FirmwareDesc: 'CI build 4711',
			Udi: 'UDI-1',
		});
		expect(create.params.SrcVersion).toBeUndefined();
		expect(create.params.IotInstanceId).toBeUndefined();
	});

	it('keeps the upload policy, its signature and its OSSAccessKeyId out of the run', async () => {
		const { serialized, error } = await upload({});
		expect(error).toBeUndefined();
		// A policy is base64 JSON starting {"expiration": its base64 opening is fixed.
		expect(serialized).not.toContain('eyJleHBpcmF0aW9u');
		expect(serialized).not.toContain('LTAI5tEmulatorOssKey01');
		expect(serialized).not.toMatch(/"(Policy|Signature|OSSAccessKeyId)"/);
	});

	it('under Continue On Fail gives the bad item its error and uploads the good one', async () => {
		const { items } = await upload({ firmwareName: '={{ "batch-" + $itemIndex }}' }, [file(''), file('good')], 'continueRegularOutput');
		expect(items).toHaveLength(2);
		expect(String(items[0].json.error)).toContain('is empty (item 0)');
		expect(items[1].json).toMatchObject({ FirmwareSize: 4, FirmwareSign: md5(Buffer.from('good')) });
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
	});
});

describe('Firmware Upload: CreateOTAFirmware exactly once', () => {
	it('fails with what to check, and sends nothing more, when the read cannot tell', async () => {
		emulator.inject({ action: 'CreateOTAFirmware', afterCarryingOut: true, respond: { kind: 'destroy' } });
		emulator.inject({ action: 'ListOTAFirmware', respond: { kind: 'business', code: 'iot.common.RamActionPermissionDeny', errorMessage: 'denied' } });
		const { error } = await upload({ firmwareName: 'lost-unknown' });
		expect(String(error?.message)).toMatch(/may or may not have been created/);
		expect(String(error?.message)).toContain('lost-unknown');
		expect(writes('CreateOTAFirmware')).toHaveLength(1);
	});

	it('never makes a second firmware (nor fails on its name) when every create answer is lost', async () => {
		emulator.setFaultMode({ mode: 'lostAnswers', rate: 1, seed: 3, actions: ['CreateOTAFirmware'] });
		const files = Array.from({ length: 6 }, (_, index) => file(`package ${index}`, `p${index}.bin`));
		const { items, error } = await upload({ firmwareName: '={{ "all-lost-" + $itemIndex }}' }, files);
		// A blind re-send would be refused as a duplicate name, so the items would fail.
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		expect(items.every((item) => item.json.Recovered === true)).toBe(true);
		expect(writes('CreateOTAFirmware')).toHaveLength(6);
		const names = await listedNames();
		for (let index = 0; index < 6; index++) expect(names.filter((name) => name === `all-lost-${index}`)).toHaveLength(1);
	});
});
