// A throwaway Postgres 15 for n8n: initdb in a temporary folder owned by the `postgres` user (the
// server refuses to run as root), listening on 127.0.0.1 and a free port, removed when stopped.
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv } from '../n8n/childEnv';
import { freePort } from '../n8n/freePort';
import { delay, runCommand, runOrThrow, spawnGroup, type RunningProcess } from '../n8n/processes';
import { POSTGRES_BIN_DIR } from './debianPackages';

export interface PostgresServer {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	process: RunningProcess;
	/** Runs one SQL statement with psql and returns its unaligned, tuples-only output. */
	query(sql: string): Promise<string>;
	/** Stops the server (fast shutdown) and removes its folder. */
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const DATABASE = 'n8n';
const USER = 'n8n';

export async function startPostgres(): Promise<PostgresServer> {
	const { uid, gid } = await userIds('postgres');
	const dir = mkdtempSync(join(tmpdir(), 'n8n-iot-e2e-pg-'));
	let proc: RunningProcess | undefined;
	try {
		chownSync(dir, uid, gid);
		const password = randomBytes(12).toString('hex');
		const passwordFile = join(dir, 'password');
		writeFileSync(passwordFile, password, { mode: 0o600 });
		chownSync(passwordFile, uid, gid);
		const asPostgres = { uid, gid, cwd: dir, env: cleanEnv({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }) };
		const dataDir = join(dir, 'data');
		await runOrThrow(
			'initdb',
			join(POSTGRES_BIN_DIR, 'initdb'),
			['-D', dataDir, '-U', USER, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
			{ ...asPostgres, timeoutMs: 60_000 },
		);
		rmSync(passwordFile);

		const port = await freePort();
		let output = '';
		// A test database: durability traded for speed. The socket lives in our folder, not /run/postgresql.
		const server = spawnGroup(
			'postgres',
			join(POSTGRES_BIN_DIR, 'postgres'),
			['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1']
				.concat(['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
			{ ...asPostgres, stopSignal: 'SIGINT', onOutput: (text) => (output += text) },
		);
		proc = server;
		const clientEnv = cleanEnv({ PGPASSWORD: password });
		const client = (bin: string, args: string[]) =>
			runCommand(bin, join(POSTGRES_BIN_DIR, bin), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, ...args], {
				env: clientEnv,
				timeoutMs: 30_000,
			});
		const deadline = Date.now() + READY_TIMEOUT_MS;
		let exitCode: number | string | undefined;
		void server.exited.then((code) => (exitCode = code));
		for (;;) {
			if (exitCode !== undefined) throw new Error(`postgres exited (${exitCode}):\n${output.slice(-2000)}`);
			if ((await client('pg_isready', ['-d', 'postgres'])).code === 0) break;
			if (Date.now() > deadline) {
				throw new Error(`postgres did not accept connections in ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`);
			}
			await delay(200);
		}
		const created = await client('createdb', [DATABASE]);
		if (created.code !== 0) throw new Error(`createdb ${DATABASE}: ${created.stderr}`);

		return {
			host: '127.0.0.1',
			port,
			database: DATABASE,
			user: USER,
			password,
			process: server,
			query: async (sql) => {
				const result = await client('psql', ['-d', DATABASE, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
				if (result.code !== 0) throw new Error(`psql: ${result.stderr.trim()}\n  in: ${sql}`);
				return result.stdout.trim();
			},
			stop: async () => {
				await server.stop();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await proc?.stop();
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
	const uid = Number((await runOrThrow(`id -u ${name}`, 'id', ['-u', name])).stdout.trim());
	const gid = Number((await runOrThrow(`id -g ${name}`, 'id', ['-g', name])).stdout.trim());
	return { uid, gid };
}
