// Installs a packed tarball into an n8n user folder the way n8n 2.41 installs a community package
// (CommunityPackagesService.downloadPackage): unpacked into .n8n/nodes/node_modules/<name>, its
// dev/peer/optional dependencies stripped, a production `npm install` inside it, and the package
// listed in .n8n/nodes/package.json. n8n-workflow is a peer, so it must not be installed there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cleanEnv } from './childEnv';
import { runOrThrow } from './processes';

export function nodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

export async function installCommunityPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = nodesFolder(userFolder);
	const manifest = JSON.parse(
		(await runOrThrow('tar -xOf package.json', 'tar', ['-xzOf', tarball, 'package/package.json'])).stdout,
	) as { name: string; version: string };
	const packageDir = join(nodesDir, 'node_modules', manifest.name);
	mkdirSync(packageDir, { recursive: true });
	await runOrThrow('unpack tarball', 'tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const packageJsonPath = join(packageDir, 'package.json');
	const unpackedManifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete unpackedManifest[key];
	writeFileSync(packageJsonPath, JSON.stringify(unpackedManifest, null, 2));

	await runOrThrow(
		'npm install (community package)',
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, env: cleanEnv(), timeoutMs: 300_000 },
	);
	if (existsSync(join(packageDir, 'node_modules', 'n8n-workflow'))) {
		throw new Error('n8n-workflow was installed next to the package: n8n would load a second copy');
	}

	const ledgerPath = join(nodesDir, 'package.json');
	const ledger: { dependencies?: Record<string, string> } = existsSync(ledgerPath)
		? JSON.parse(readFileSync(ledgerPath, 'utf8'))
		: { name: 'installed-nodes', private: true };
	ledger.dependencies = { ...ledger.dependencies, [manifest.name]: manifest.version };
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return packageDir;
}
