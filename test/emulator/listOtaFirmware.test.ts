import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES, FIXTURE_PRODUCTS, LISTING_ONLY_FIRMWARES } from '../../tools/emulator/index';
import { sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

type FirmwareInfo = Record<string, unknown> & { FirmwareId: string; UtcCreate: string };

async function listFirmwares(params: Record<string, string | undefined>): Promise<RpcAnswer> {
	return await sendSigned(emulator.url, { params: { Action: 'ListOTAFirmware', CurrentPage: '1', PageSize: '100', ...params } });
}

function firmwaresOf(answer: RpcAnswer): FirmwareInfo[] {
	return (answer.body.FirmwareInfo as { SimpleFirmwareInfo: FirmwareInfo[] }).SimpleFirmwareInfo;
}

const PUBLIC_FIRMWARES = [
	FIXTURE_FIRMWARES.demo,
	FIXTURE_FIRMWARES.pages,
	FIXTURE_FIRMWARES.emptyNoData,
	FIXTURE_FIRMWARES.emptyArray,
	...Object.values(LISTING_ONLY_FIRMWARES),
];

describe('ListOTAFirmware', () => {
	it('lists the public-instance firmwares newest first, in the documented shape', async () => {
		const answer = await listFirmwares({});
		expect(answer.body).toMatchObject({ Success: true, Total: PUBLIC_FIRMWARES.length, PageSize: 100, PageCount: 1, CurrentPage: 1 });
		const firmwares = firmwaresOf(answer);
		expect(firmwares.map((firmware) => firmware.FirmwareId).sort()).toEqual([...PUBLIC_FIRMWARES].sort());
		const created = firmwares.map((firmware) => firmware.UtcCreate);
		expect(created).toEqual([...created].sort().reverse());
		const demo = firmwares.find((firmware) => firmware.FirmwareId === FIXTURE_FIRMWARES.demo);
		expect(demo).toMatchObject({
			FirmwareName: 'Meter firmware 1.2.0',
			DestVersion: '1.2.0',
			ProductKey: FIXTURE_PRODUCTS.meter.productKey,
			ProductName: FIXTURE_PRODUCTS.meter.productName,
			Type: 0,
			ModuleName: 'default',
		});
		for (const key of ['FirmwareDesc', 'Status', 'UtcModified']) expect(demo).toHaveProperty(key);
	});

	it('gives a differential package its source version', async () => {
		const firmwares = firmwaresOf(await listFirmwares({ DestVersion: '1.1.0' }));
		expect(firmwares).toEqual([
			expect.objectContaining({ FirmwareId: LISTING_ONLY_FIRMWARES.meterDiff, SrcVersion: '1.0.0', Type: 1 }),
		]);
	});

	it('filters by ProductKey', async () => {
		const firmwares = firmwaresOf(await listFirmwares({ ProductKey: FIXTURE_PRODUCTS.light.productKey }));
		expect(firmwares.length).toBe(3);
		expect(firmwares.every((firmware) => firmware.ProductKey === FIXTURE_PRODUCTS.light.productKey)).toBe(true);
	});

	it('lists an Enterprise instance only through its IotInstanceId', async () => {
		const firmwares = firmwaresOf(await listFirmwares({ IotInstanceId: EMULATOR_INSTANCE_ID }));
		expect(firmwares.map((firmware) => firmware.FirmwareId)).toEqual([FIXTURE_FIRMWARES.enterprise]);
		expect((await listFirmwares({ IotInstanceId: 'iot-cn-nope' })).body.Code).toBe('iot.system.InstanceNotFound');
	});

	it('pages, and caps PageSize at 100', async () => {
		const second = await listFirmwares({ CurrentPage: '2', PageSize: '3' });
		expect(second.body).toMatchObject({ Total: PUBLIC_FIRMWARES.length, PageCount: 3, CurrentPage: 2 });
		expect(firmwaresOf(second)).toHaveLength(3);
		expect((await listFirmwares({ PageSize: '101' })).body.Code).toBe('iot.common.InvalidPageParams');
	});
});
