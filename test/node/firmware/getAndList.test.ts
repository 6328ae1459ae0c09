// Firmware List (ListOTAFirmware) and Get (QueryOTAFirmware) in n8n's engine.
import type { INodeParameters } from 'n8n-workflow';

import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES, FIXTURE_PRODUCTS, LISTING_ONLY_FIRMWARES } from '../../../tools/emulator';
import { credentialFor, firmware } from '../../support/alibabaNode';
import { runOperation } from '../../support/runOperation';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator((started) => {
	// 150 more of one product, so a Return All takes two pages of 100.
	for (let index = 0; index < 150; index++) {
		started.addFirmware({ firmwareId: `FwBulk${String(index).padStart(16, '0')}`, productKey: 'a1EmuBulk01', destVersion: `9.${index}.0`, seed: 900 + index });
	}
});

const actionRequests = (action: string) => emulator.requests.filter((request) => request.action === action);

const listFirmware = (parameters: INodeParameters) =>
	runOperation({ resource: 'firmware', operation: 'list', parameters, credential: credentialFor(emulator) });

describe('Firmware: List', () => {
	it('returns every firmware once with Return All, 100 per page', async () => {
		const { items, error } = await listFirmware({ returnAll: true });
		expect(error).toBeUndefined();
		const ids = items.map((item) => item.json.FirmwareId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining([FIXTURE_FIRMWARES.demo, LISTING_ONLY_FIRMWARES.lightFull, 'FwBulk0000000000000149']));
		// The Enterprise instance's firmware is not on the public instance.
		expect(ids).not.toContain(FIXTURE_FIRMWARES.enterprise);
		expect(actionRequests('ListOTAFirmware').map((r) => r.params.PageSize)).toEqual(['100', '100']);
	});

	it('sends Product Key and Destination Version to the API, which matches them', async () => {
		const { items } = await listFirmware({
			returnAll: true,
			filters: { productKey: FIXTURE_PRODUCTS.meter.productKey, destVersion: '1.1.0' },
		});
		expect(actionRequests('ListOTAFirmware')[0].params).toMatchObject({ ProductKey: FIXTURE_PRODUCTS.meter.productKey, DestVersion: '1.1.0' });
		expect(items.map((item) => item.json.FirmwareId)).toEqual([LISTING_ONLY_FIRMWARES.meterDiff]);
		expect(items[0].json).toMatchObject({ SrcVersion: '1.0.0', DestVersion: '1.1.0', ProductName: FIXTURE_PRODUCTS.meter.productName });
	});

	it('returns exactly the limit with one request, and lists an Enterprise instance by its ID', async () => {
		const { items } = await listFirmware({ returnAll: false, limit: 3 });
		expect(items).toHaveLength(3);
		expect(actionRequests('ListOTAFirmware').map((r) => `${r.params.CurrentPage}:${r.params.PageSize}`)).toEqual(['1:3']);
		const enterprise = await listFirmware({ returnAll: true, options: { iotInstanceId: EMULATOR_INSTANCE_ID } });
		expect(enterprise.items.map((item) => item.json.FirmwareId)).toEqual([FIXTURE_FIRMWARES.enterprise]);
	});

	it('pairs several input items, each with its own filters', async () => {
		const { items } = await runOperation({
			resource: 'firmware',
			operation: 'list',
			parameters: { returnAll: true, filters: { productKey: '={{ $json.productKey }}' } },
			inputItems: [{ productKey: FIXTURE_PRODUCTS.light.productKey }, { productKey: FIXTURE_PRODUCTS.meter.productKey }],
			credential: credentialFor(emulator),
		});
		for (const item of items) {
			const wanted = (item.pairedItem as { item: number }).item === 0 ? FIXTURE_PRODUCTS.light : FIXTURE_PRODUCTS.meter;
			expect(item.json.ProductKey).toBe(wanted.productKey);
		}
		expect(new Set(items.map((item) => (item.pairedItem as { item: number }).item))).toEqual(new Set([0, 1]));
	});
});

describe('Firmware: Get', () => {
	it('returns FirmwareInfo as the record, without the pre-signed download query', async () => {
		const { items, error, serialized } = await runOperation({
			resource: 'firmware',
			operation: 'get',
			parameters: firmware(FIXTURE_FIRMWARES.demo),
			credential: credentialFor(emulator),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			FirmwareId: FIXTURE_FIRMWARES.demo,
			DestVersion: '1.2.0',
			FirmwareName: 'Meter firmware 1.2.0',
			ProductKey: FIXTURE_PRODUCTS.meter.productKey,
			SignMethod: 'MD5',
		});
		expect(items[0].json).not.toHaveProperty('RequestId');
		expect(items[0].json.FirmwareUrl).toMatch(/^https:\/\/iotx-ota\.oss-cn-shanghai\.aliyuncs\.com\/ota\/\w+\/FwDemo0000000000000001\.bin$/);
		expect(serialized).not.toMatch(/Signature=|OSSAccessKeyId=|Expires=/);
		expect(actionRequests('QueryOTAFirmware')[0].params.FirmwareId).toBe(FIXTURE_FIRMWARES.demo);
	});

	it('takes the firmware from the list mode of the picker, per input item', async () => {
		const { items } = await runOperation({
			resource: 'firmware',
			operation: 'get',
			parameters: { firmwareId: { __rl: true, mode: 'list', value: '={{ $json.id }}' } },
			inputItems: [{ id: LISTING_ONLY_FIRMWARES.meterOld }, { id: LISTING_ONLY_FIRMWARES.lightFull }],
			credential: credentialFor(emulator),
		});
		expect(items.map((item) => [item.json.FirmwareId, item.pairedItem])).toEqual([
			[LISTING_ONLY_FIRMWARES.meterOld, { item: 0 }],
			[LISTING_ONLY_FIRMWARES.lightFull, { item: 1 }],
		]);
	});

	it('names iot.ota.FirmwareNotFound, and goes on under Continue On Fail', async () => {
		const { items } = await runOperation({
			resource: 'firmware',
			operation: 'get',
			parameters: { firmwareId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			inputItems: [{ id: 'FwDoesNotExist00000001' }, { id: FIXTURE_FIRMWARES.demo }],
			credential: credentialFor(emulator),
			onError: 'continueRegularOutput',
		});
		expect(items[0]).toMatchObject({
			json: { error: 'iot.ota.FirmwareNotFound: The specified firmware does not exist.', code: 'iot.ota.FirmwareNotFound' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({ json: { FirmwareId: FIXTURE_FIRMWARES.demo }, pairedItem: { item: 1 } });
	});
});
