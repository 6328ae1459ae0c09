// Firmware Delete paths uploadAndDelete.test.ts leaves out: a bad value refused before any request,
// Alibaba's error under Continue On Fail, and the exactly-once paths beside "lost, then found gone"
// (a deleted firmware is one QueryOTAFirmware no longer finds), with a test that fails on a blind re-send.
import type { INodeParameters } from 'n8n-workflow';

import { credentialFor } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();
let count = 0;

const writes = (action: string) => emulator.requests.filter((request) => request.action === action);
const byId = (firmwareId: string) => ({ __rl: true, mode: 'id', value: firmwareId });

function newFirmware(): string {
	return emulator.addFirmware({ firmwareId: `FwDelete${String(++count).padStart(14, '0')}`, productKey: 'a1Delete001' }).firmwareId;
}

const run = (parameters: INodeParameters, extra: { onError?: 'continueRegularOutput'; inputItems?: Array<Record<string, string>> } = {}) =>
	runOperation({ resource: 'firmware', operation: 'delete', parameters, credential: credentialFor(emulator), ...extra });

describe('Firmware Delete', () => {
	it('refuses an empty Firmware ID before any request', async () => {
		const { error } = await run({ firmwareId: byId('={{ "" }}') as never });
		expect(String(error?.message)).toContain('Firmware ID is empty (item 0)');
		expect(emulator.requests).toHaveLength(0);
	});

	it("shows Alibaba's error for an unknown firmware, and under Continue On Fail goes on with the others", async () => {
		const firmwareId = newFirmware();
		const { items } = await run(
			{ firmwareId: byId('={{ $json.id }}') as never },
			{ onError: 'continueRegularOutput', inputItems: [{ id: 'FwNoSuchFirmware000000' }, { id: firmwareId }] },
		);
		expect(items).toHaveLength(2);
		expect(JSON.stringify(items[0].json)).toContain('FirmwareNotFound');
		expect(items[1].json).toMatchObject({ FirmwareId: firmwareId, Deleted: true });
	});
});

describe('Firmware Delete: exactly once', () => {
	it('after a lost answer that was not carried out sends it once more', async () => {
		const firmwareId = newFirmware();
		emulator.inject({ action: 'DeleteOTAFirmware', respond: { kind: 'gateway', httpStatus: 502, code: 'BadGateway', message: 'bad gateway' } });
		const { items, error } = await run({ firmwareId: byId(firmwareId) });
		expect(error).toBeUndefined();
		expect(writes('DeleteOTAFirmware')).toHaveLength(2);
		expect(items[0].json.Recovered).toBeUndefined();
		expect(emulator.firmware(firmwareId)).toBeUndefined();
	});

	it('fails with what to check, and sends nothing more, when the read cannot tell', async () => {
		const firmwareId = newFirmware();
		emulator.inject({ action: 'DeleteOTAFirmware', afterCarryingOut: true, respond: { kind: 'destroy' } });
		emulator.inject({ action: 'QueryOTAFirmware', respond: { kind: 'business', code: 'iot.common.RamActionPermissionDeny', errorMessage: 'denied' } });
		const { error } = await run({ firmwareId: byId(firmwareId) });
		expect(String(error?.message)).toMatch(/may or may not have been deleted/);
		expect(String(error?.message)).toContain(`get firmware ${firmwareId}`);
		expect(writes('DeleteOTAFirmware')).toHaveLength(1);
	});

	it('never sends a delete twice when every answer is lost after carrying it out', async () => {
		const ids = Array.from({ length: 5 }, newFirmware);
		emulator.setFaultMode({ mode: 'lostAnswers', rate: 1, seed: 5, actions: ['DeleteOTAFirmware'] });
		const { items, error } = await run({ firmwareId: byId('={{ $json.id }}') as never }, { inputItems: ids.map((id) => ({ id })) });
		// A blind re-send would meet FirmwareNotFound: the items would fail.
		expect(error).toBeUndefined();
		expect(items.every((item) => item.json.Recovered === true)).toBe(true);
		expect(writes('DeleteOTAFirmware')).toHaveLength(5);
		for (const id of ids) expect(emulator.firmware(id)).toBeUndefined();
	});
});
