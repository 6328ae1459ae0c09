/**
 * `npm run e2e`: this package in a real n8n 2.41.1. Installs (once, cached) Node.js 24 and n8n,
 * packs the project, installs the tarball as n8n installs community packages, runs the example
 * workflows against the IoT emulator with `n8n execute`, then drives the editor in headless
 * Chromium (skipped with E2E_SKIP_BROWSER=1). Prints one line per check and "N passed, N failed".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runBrowserSuite } from './browser/suite';
import { ensureChromium } from './browser/chromium';
import { Checks, StepFailed } from './checks';
import { startEmulatorProcess } from '../../tools/n8n/emulatorProcess';
import { runHeadlessSuite } from './headless';
import { buildAndPack } from '../../tools/n8n/packageTarball';
import { installCleanupHandlers, isShuttingDown, onSignalCleanup, stopAll } from '../../tools/n8n/processes';
import { ensureToolchain } from '../../tools/n8n/toolchain';

const skipBrowser = process.env.E2E_SKIP_BROWSER === '1';

async function main(): Promise<number> {
	installCleanupHandlers();
	const startedAt = Date.now();
	const checks = new Checks();
	// Temporary folders: the tarball's, and a fresh n8n user folder per part (kept when a check fails).
	const packFolders: string[] = [];
	const userFolders: string[] = [];
	const remove = (folders: string[]) => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
	onSignalCleanup(() => remove([...packFolders, ...userFolders]));
	const freshUserFolder = (label: string): string => {
		const folder = mkdtempSync(join(tmpdir(), `n8n-iot-e2e-${label}-`));
		userFolders.push(folder);
		return folder;
	};
	const log = (line: string) => console.log(`  ..    ${line}`);

	try {
		checks.section('Setup');
		// Independent and slow when cold: run them side by side.
		const [toolchain, packed] = await Promise.all([
			checks.step(`Node.js 24 and n8n in .cache/e2e`, () => ensureToolchain(log)),
			checks.step('npm run build and npm pack', async () => {
				const packed = await buildAndPack();
				packFolders.push(packed.dir);
				return packed;
			}),
			skipBrowser ? Promise.resolve() : checks.step('Chromium at /usr/bin/chromium', () => ensureChromium(log)),
		]);
		log(`tarball ${packed.tarball} (${packed.files.length} files)`);
		const emulator = await checks.step('start the IoT emulator (tools/emulator/cli.ts)', () => startEmulatorProcess());
		log(`emulator at ${emulator.url}`);

		checks.section('Headless: n8n execute');
		await runHeadlessSuite({
			checks,
			toolchain,
			tarball: packed.tarball,
			tarballFiles: packed.files,
			emulator,
			userFolder: freshUserFolder('cli'),
		});

		if (skipBrowser) {
			console.log('\nBrowser part SKIPPED (E2E_SKIP_BROWSER=1)');
		} else {
			checks.section('Browser: the n8n editor in headless Chromium');
			await runBrowserSuite({ checks, toolchain, tarball: packed.tarball, emulator, userFolder: freshUserFolder('editor') });
		}
	} catch (error) {
		if (!(error instanceof StepFailed)) {
			await checks.check('the e2e run finished without an unexpected error', () => {
				throw error;
			});
		}
	} finally {
		await stopAll();
	}

	// After Ctrl-C the signal handler owns the exit; failures caused by the shutdown are noise.
	if (isShuttingDown()) return await new Promise<never>(() => undefined);
	const failed = checks.failed > 0;
	remove(packFolders);
	if (failed) console.log(`\nn8n user folders kept for inspection: ${userFolders.join(' ')}`);
	else remove(userFolders);
	console.log(`\ne2e took ${Math.round((Date.now() - startedAt) / 1000)} s`);
	console.log(checks.summary());
	return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
