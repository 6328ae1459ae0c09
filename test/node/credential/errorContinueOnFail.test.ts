import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor, firmware, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

// A credential that cannot work (here: no AccessKey Secret) is found before any request. Without
// Continue On Fail the node fails; with it, every input item gets its own error item, paired with
// it, the same as any other failure of that item: the workflow goes on and each item can be retried.
const brokenCredential = () => credentialFor(emulator, 'active', { accessKeySecret: '' });
const parameters = { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true };
const inputItems = [{ n: 0 }, { n: 1 }, { n: 2 }];

describe('a credential error', () => {
	it('fails the node, naming the field, when Continue On Fail is off', async () => {
		const result = await runListByFirmware({ credential: brokenCredential(), inputItems, parameters });
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error!.message).toBe('Alibaba Cloud IoT credential: The credential has no AccessKey Secret');
		expect(emulator.requests).toHaveLength(0);
	});

	it('gives one error item per input item, paired, under Continue (using regular output)', async () => {
		const result = await runListByFirmware({
			credential: brokenCredential(),
			inputItems,
			parameters,
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of result.items) {
			expect(item.json).toEqual({
				error: 'Alibaba Cloud IoT credential: The credential has no AccessKey Secret',
				code: 'InvalidCredential',
				requestId: null,
			});
		}
		expect(emulator.requests).toHaveLength(0);
	});

	it('sends every input item to the error output under Continue (using error output)', async () => {
		const result = await runListByFirmware({
			credential: brokenCredential(),
			inputItems,
			parameters,
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const [success, failed] = result.outputs;
		expect(success).toEqual([]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(failed[0].json).toMatchObject({ error: expect.stringContaining('no AccessKey Secret'), details: { code: 'InvalidCredential' } });
	});
});
