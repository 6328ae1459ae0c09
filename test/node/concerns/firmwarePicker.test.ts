import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';
import { loadOptionsContext } from '../../support/loadOptions';


const emulator = useEmulator((seeded) => {
	for (let index = 0; index < 230; index++) {
		seeded.addFirmware({
			firmwareId: `FwPicker${String(index).padStart(14, '0')}`,
			name: `meter-fw-${index}`,
			destVersion: `2.${index}.0`,
			productKey: 'a1PickerProd',
			productName: 'Smart Meter',
		});
	}
});

async function search(filter?: string, paginationToken?: string, parameters: INodeParameters = {}) {
	const node = new AlibabaCloudIot();
	const context = loadOptionsContext(
		{
			type: node,
			parameters: { resource: 'otaJob', operation: 'listByFirmware', ...parameters },
			credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } },
		},
		{ alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
	);
	return await node.methods.listSearch.searchFirmwares.call(context, filter, paginationToken);
}

async function searchAllPages(parameters: INodeParameters = {}) {
	const items = [];
	let token: string | undefined;
	do {
		const page = await search(undefined, token, parameters);
		items.push(...page.results);
		token = page.paginationToken;
	} while (token);
	return items;
}

describe('the Firmware picker (From List)', () => {
	it('lists firmwares a page at a time with name, destination version and product', async () => {
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(emulator.requests.map((request) => request.params.PageSize)).toEqual(['100']);

		const all = await searchAllPages();
		expect(new Set(all.map((item) => item.value)).size).toBe(all.length);
		expect(all.find((item) => item.value === 'FwPicker00000000000007')).toEqual({
			name: 'meter-fw-7 → 2.7.0 (Smart Meter)',
			value: 'FwPicker00000000000007',
			description: 'FwPicker00000000000007',
		});
		expect(all.map((item) => item.value)).toEqual(expect.arrayContaining(['FwPicker00000000000229', FIXTURE_FIRMWARES.demo]));
	});

	it('filters as the user types, across pages', async () => {
		const { results } = await search('METER-FW-22');
		expect(results.map((item) => item.value).sort()).toEqual(
			['FwPicker00000000000022', ...Array.from({ length: 10 }, (_, index) => `FwPicker000000000002${20 + index}`)].sort(),
		);
	});

	it('asks the instance set in the node options', async () => {
		const all = await searchAllPages({ options: { iotInstanceId: EMULATOR_INSTANCE_ID } });
		expect(all.map((item) => item.value)).toContain(FIXTURE_FIRMWARES.enterprise);
		expect(emulator.requests[0].params.IotInstanceId).toBe(EMULATOR_INSTANCE_ID);
	});

	it('shows Alibaba\'s error when the credentials fail', async () => {
		const node = new AlibabaCloudIot();
		const context = loadOptionsContext(
			{ type: node, parameters: {}, credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } } },
			{ alibabaCloudIotApi: credentialFor(emulator, 'active', { accessKeySecret: 'wrong-one' }) as ICredentialDataDecryptedObject },
		);
		await expect(node.methods.listSearch.searchFirmwares.call(context)).rejects.toThrow(/^SignatureDoesNotMatch: /);
	});
});
