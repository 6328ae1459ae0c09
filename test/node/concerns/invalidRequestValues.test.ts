import type { GenericValue, INodeParameters } from 'n8n-workflow';

import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

// Item 0 is valid and item 1 is not: the node reads every item's parameters before its first
// request, so nothing is sent at all, and the error names the field and item 1.
const firmwareFromItem = { firmwareId: { __rl: true, mode: 'id', value: '={{ $json.fw }}' } };

async function runWithSecondItem(parameters: INodeParameters, second: GenericValue, first: GenericValue) {
	return await runListByFirmware({
		credential: credentialFor(emulator),
		inputItems: [
			{ fw: FIXTURE_FIRMWARES.demo, value: first },
			{ fw: FIXTURE_FIRMWARES.demo, value: second },
		],
		parameters: { ...firmwareFromItem, ...parameters },
	});
}

describe('invalid Limit and request options', () => {
	it.each([0, -3, 2.5, 'ten'])('rejects Limit %p, naming the field and the item, before any request', async (limit) => {
		const result = await runWithSecondItem({ returnAll: false, limit: '={{ $json.value }}' }, limit, 2);
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error!.message).toMatch(/^Limit must be a whole number of at least 1 \(item 1\)/);
		expect(emulator.requests).toHaveLength(0);
	});

	it.each<[string, string, GenericValue, GenericValue]>([
		['Timeout', 'timeout', 0, 5000],
		['Timeout', 'timeout', 'soon', 5000],
		['Max Attempts', 'maxAttempts', 0, 2],
		['Max Attempts', 'maxAttempts', 'many', 2],
		['Max Retry Time', 'maxRetrySeconds', -1, 10],
		['Max Retry Time', 'maxRetrySeconds', 'long', 10],
	])('rejects %s (option %s) = %p, naming the field and the item, before any request', async (label, option, bad, good) => {
		const result = await runWithSecondItem(
			{ returnAll: true, options: { [option]: '={{ $json.value }}' } },
			bad,
			good,
		);
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error!.message).toMatch(new RegExp(`^${label} must be a number of at least \\d+ \\(item 1\\)`));
		expect(result.error!.message).toContain(String(bad));
		expect(emulator.requests).toHaveLength(0);
	});

	it('runs the same parameters when both items are valid (the cases above fail on the value alone)', async () => {
		const result = await runWithSecondItem(
			{ returnAll: false, limit: 2, options: { timeout: '={{ $json.value }}', maxAttempts: 2, maxRetrySeconds: 10 } },
			5000,
			5000,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(emulator.requests).toHaveLength(2);
	});

	it('lists the valid items and pairs an error item with the invalid one under Continue On Fail', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			inputItems: [{ fw: FIXTURE_FIRMWARES.demo, value: 2 }, { fw: FIXTURE_FIRMWARES.demo, value: 0 }],
			parameters: { ...firmwareFromItem, returnAll: false, limit: '={{ $json.value }}' },
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.code ?? 'job'])).toEqual([
			[{ item: 0 }, 'job'],
			[{ item: 0 }, 'job'],
			[{ item: 1 }, 'InvalidParameter'],
		]);
	});
});

