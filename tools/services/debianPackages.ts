// Postgres 15 and Redis from Debian's packages, installed with apt-get when their binaries are missing.
import { existsSync, rmSync, writeFileSync } from 'node:fs';

import { cleanEnv } from '../n8n/childEnv';
import { runCommand, runOrThrow } from '../n8n/processes';

export const POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';

/** The binary each package brings, and how to find it. */
const PACKAGES: Array<{ name: string; present: () => Promise<boolean> }> = [
	{
		name: 'postgresql',
		present: async () => ['initdb', 'postgres', 'pg_isready', 'createdb', 'psql'].every((bin) => existsSync(`${POSTGRES_BIN_DIR}/${bin}`)),
	},
	{ name: 'redis-server', present: async () => (await runCommand('which redis-server', 'which', ['redis-server'])).code === 0 },
];

const APT_TIMEOUT_MS = 15 * 60_000;
/** Debian's hook that tells apt not to start services; Docker images ship one, a bare machine may not. */
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/** Installs what is missing; returns the packages it installed (none when everything was there). */
export async function ensureDebianPackages(log: (line: string) => void, only?: string[]): Promise<string[]> {
	const wanted = PACKAGES.filter(({ name }) => !only || only.includes(name));
	const missing: string[] = [];
	for (const { name, present } of wanted) if (!(await present())) missing.push(name);
	if (missing.length === 0) {
		log(`Debian packages present: ${wanted.map(({ name }) => name).join(', ')}`);
		return [];
	}
	if (process.getuid?.() !== 0) {
		throw new Error(`missing ${missing.join(', ')}: run as root, or install them first (apt-get install ${missing.join(' ')})`);
	}
	log(`apt-get install ${missing.join(' ')}...`);
	const startedAt = Date.now();
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	// Without the hook, the packages' install scripts would start a system Postgres and Redis on their
	// default ports and leave them running: this run starts its own, on free ports.
	const addedPolicy = !existsSync(POLICY_RC_D);
	if (addedPolicy) writeFileSync(POLICY_RC_D, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		await runOrThrow('apt-get update', 'apt-get', ['update'], { env, timeoutMs: APT_TIMEOUT_MS });
		await runOrThrow('apt-get install', 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
			env,
			timeoutMs: APT_TIMEOUT_MS,
		});
	} finally {
		if (addedPolicy) rmSync(POLICY_RC_D, { force: true });
	}
	for (const { name, present } of PACKAGES) {
		if (missing.includes(name) && !(await present())) {
			throw new Error(`apt-get installed ${name}, but its binaries are not where expected`);
		}
	}
	log(`apt-get update and install took ${Math.round((Date.now() - startedAt) / 1000)} s`);
	return missing;
}
