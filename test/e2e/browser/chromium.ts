// Debian's chromium package: playwright-core drives it (its own browser downloads do not work here).
import { existsSync } from 'node:fs';

import { cleanEnv } from '../../../tools/n8n/childEnv';
import { runCommand, runOrThrow } from '../../../tools/n8n/processes';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function ensureChromium(log: (line: string) => void): Promise<void> {
	if (existsSync(CHROMIUM_PATH)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`${CHROMIUM_PATH} is missing: run "apt-get install -y chromium" as root, or set E2E_SKIP_BROWSER=1`);
	}
	log('installing Debian chromium with apt-get...');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	const apt = (args: string[]) => runCommand(`apt-get ${args[0]}`, 'apt-get', args, { env, timeoutMs: 900_000 });
	if ((await apt(['install', '-y', '--no-install-recommends', 'chromium'])).code !== 0) {
		// A stale package list: refresh it once and try again.
		await runOrThrow('apt-get update', 'apt-get', ['update'], { env, timeoutMs: 600_000 });
		await runOrThrow('apt-get install chromium', 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			env,
			timeoutMs: 900_000,
		});
	}
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing`);
}
