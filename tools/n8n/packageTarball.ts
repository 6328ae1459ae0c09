// This project as users get it: built, then packed into the tarball npm would publish.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv } from './childEnv';
import { REPO_ROOT } from './paths';
import { runOrThrow } from './processes';

export interface PackedPackage {
	tarball: string;
	files: string[];
	/** The temporary folder holding the tarball, to remove when done. */
	dir: string;
}

/** `npm run build` then `npm pack` into a fresh temporary folder. */
export async function buildAndPack(): Promise<PackedPackage> {
	await runOrThrow('npm run build', 'npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv(), timeoutMs: 300_000 });
	const destination = mkdtempSync(join(tmpdir(), 'n8n-iot-e2e-pack-'));
	const packed = await runOrThrow('npm pack', 'npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
	});
	const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
	return { tarball: join(destination, info.filename), files: info.files.map((file) => file.path), dir: destination };
}
