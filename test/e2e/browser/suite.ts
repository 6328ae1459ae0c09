import type { Checks } from '../checks';
import type { EmulatorProcess } from '../emulatorProcess';
import type { Toolchain } from '../toolchain';

export interface BrowserContext {
	checks: Checks;
	toolchain: Toolchain;
	tarball: string;
	emulator: EmulatorProcess;
	userFolder: string;
}

export async function runBrowserSuite(context: BrowserContext): Promise<void> {
	void context;
}
