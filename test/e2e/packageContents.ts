// What the packed tarball must hold for n8n to load the package: every file the `n8n` section of
// package.json names, each node's codex file, and every icon a node or credential points at.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';

import { REPO_ROOT } from '../../tools/n8n/paths';

const loadBuiltModule = createRequire(__filename);

type Icon = string | { light: string; dark: string } | undefined;

interface N8nSection {
	credentials: string[];
	nodes: string[];
}

/** Problems found (empty when the tarball is complete). `files` are the paths `npm pack --json` lists. */
export function missingFromTarball(files: string[]): string[] {
	const packed = new Set(files);
	const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: N8nSection };
	const problems: string[] = [];
	const expect = (path: string, why: string) => {
		if (!packed.has(path)) problems.push(`${path} (${why}) is not in the tarball`);
	};
	for (const file of n8n.nodes) {
		expect(file, 'package.json n8n.nodes');
		expect(file.replace(/\.js$/, '.json'), 'codex');
		for (const icon of iconFiles(file, (loaded) => (loaded as { description?: { icon?: Icon } }).description?.icon)) {
			expect(icon, `icon of ${posix.basename(file)}`);
		}
	}
	for (const file of n8n.credentials) {
		expect(file, 'package.json n8n.credentials');
		for (const icon of iconFiles(file, (loaded) => (loaded as { icon?: Icon }).icon)) {
			expect(icon, `icon of ${posix.basename(file)}`);
		}
	}
	return problems;
}

/** Loads the built class (the tarball was packed from this dist/) and resolves its `file:` icons. */
function iconFiles(file: string, iconOf: (instance: unknown) => Icon): string[] {
	const exported = loadBuiltModule(join(REPO_ROOT, file)) as Record<string, new () => unknown>;
	const icons: string[] = [];
	for (const Class of Object.values(exported)) {
		if (typeof Class !== 'function') continue;
		const icon = iconOf(new Class());
		const names = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
		for (const name of names) {
			if (name.startsWith('file:')) icons.push(posix.normalize(posix.join(dirname(file), name.slice('file:'.length))));
		}
	}
	return icons;
}
