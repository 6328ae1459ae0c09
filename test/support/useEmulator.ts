import { startEmulator, type Emulator } from '../../tools/emulator';

/**
 * One emulator per test file: started before the first test (then `seed` adds the file's own
 * firmwares), closed after the last, and with stats, injected faults and fault modes cleared
 * before each test. Returns a stand-in that forwards to it, usable at the top of the file.
 */
export function useEmulator(seed?: (emulator: Emulator) => void): Emulator {
	let current: Emulator | undefined;
	beforeAll(async () => {
		current = await startEmulator();
		seed?.(current);
	});
	afterAll(async () => {
		await current?.close();
	});
	beforeEach(() => {
		current!.resetStats();
		current!.clearFaults();
		current!.setFaultMode(undefined);
	});
	return new Proxy({} as Emulator, {
		get(_target, key) {
			if (!current) throw new Error('The emulator starts in beforeAll: use it inside a test');
			const value: unknown = Reflect.get(current, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
		},
	});
}
