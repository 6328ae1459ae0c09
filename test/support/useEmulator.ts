import { startEmulator, type Emulator, type EmulatorOptions } from '../../tools/emulator';
import { initialServingModes } from '../../tools/emulator/servingModes';

export interface UseEmulatorOptions extends EmulatorOptions {
	/** Adds the file's own firmwares and jobs once the emulator is up. */
	seed?: (emulator: Emulator) => void;
	/** 'file' (default): one emulator for the file (or describe block); 'test': a fresh one for each test. */
	per?: 'file' | 'test';
}

/**
 * One emulator per test file (or describe block, or test with `per: 'test'`), started with `options`
 * (then `seed` adds the file's own firmwares) and closed after the last test. Before each test its
 * stats, injected faults, fault mode and serving modes are back to how it started, so no test sees
 * another's switches. Returns a stand-in that forwards to it, usable at the top of the file.
 */
export function useEmulator(options: UseEmulatorOptions | UseEmulatorOptions['seed'] = {}): Emulator {
	const { seed, per = 'file', ...startOptions } = typeof options === 'function' ? { seed: options } : options;
	let current: Emulator | undefined;
	const start = async () => {
		current = await startEmulator(startOptions);
		seed?.(current);
	};
	const close = async () => {
		await current?.close();
		current = undefined;
	};
	if (per === 'test') {
		beforeEach(start);
		afterEach(close);
	} else {
		beforeAll(start);
		afterAll(close);
		beforeEach(() => restore(current!, startOptions));
	}
	return new Proxy({} as Emulator, {
		get(_target, key) {
			if (!current) throw new Error('The emulator starts in beforeAll: use it inside a test');
			const value: unknown = Reflect.get(current, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
		},
	});
}

/** A one-off emulator for a single check (say, other start options), closed however the check ends. */
export async function withEmulator<T>(options: EmulatorOptions, check: (emulator: Emulator) => Promise<T> | T): Promise<T> {
	const emulator = await startEmulator(options);
	try {
		return await check(emulator);
	} finally {
		await emulator.close();
	}
}

/** Back to the start options: what a test switched on must not leak into the next. Quotas stay (seeds set them). */
function restore(emulator: Emulator, options: EmulatorOptions): void {
	emulator.resetStats();
	emulator.clearFaults();
	emulator.setFaultMode(undefined);
	emulator.setLatency(options.latencyMs ?? 0);
	// The firmware store's own default when no option sets it.
	emulator.setJobOrder(options.jobOrder ?? 'newestFirst');
	const modes = initialServingModes(options);
	emulator.setEnumSpelling(modes.enumSpelling);
	emulator.setInstanceNotFoundCode(modes.instanceNotFoundCode);
	emulator.setThrottleHint(modes.throttleHint);
	emulator.setEchoProxy(modes.echoProxy);
}
