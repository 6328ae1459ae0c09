/**
 * `npm run e2e`: this package in real n8n, 2.41.1 and the newest 1.x (1.123.81). Installs (once, cached,
 * each line in its own .cache/e2e folder) Node.js 24 and n8n, packs the project, installs the tarball as
 * n8n installs community packages, runs the example workflows against the IoT emulator with
 * `n8n execute` on each line, then drives the 2.x editor in headless Chromium (skipped with
 * E2E_SKIP_BROWSER=1; E2E_SKIP_1X=1 skips the 1.x line). Prints one line per check and "N passed, N failed".
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
import { N8N_1X, N8N_2X } from '../../tools/n8n/paths';
import { ensureToolchain, type Toolchain } from '../../tools/n8n/toolchain';

const skipBrowser = process.env.E2E_SKIP_BROWSER === '1';
const skipOneX = process.env.E2E_SKIP_1X === '1';

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
		const [toolchains, packed] = await Promise.all([
			// One after the other: both share the Node.js 24 folder.
			checks.step(`Node.js 24, n8n ${N8N_2X.version}${skipOneX ? '' : ` and n8n ${N8N_1X.version}`} in .cache/e2e`, async () => {
				const lines: Toolchain[] = [await ensureToolchain(log, N8N_2X)];
				if (!skipOneX) lines.push(await ensureToolchain(log, N8N_1X));
				return lines;
			}),
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

		const [toolchain] = toolchains;
		for (const lineToolchain of toolchains) {
			const partStartedAt = Date.now();
			checks.section(`Headless: n8n execute on n8n ${lineToolchain.line.version}`);
			await runHeadlessSuite({
				checks,
				toolchain: lineToolchain,
				tarball: packed.tarball,
				tarballFiles: packed.files,
				emulator,
				userFolder: freshUserFolder(`cli-${lineToolchain.line.version}`),
			});
			log(`headless part on n8n ${lineToolchain.line.version} took ${Math.round((Date.now() - partStartedAt) / 1000)} s`);
		}

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
