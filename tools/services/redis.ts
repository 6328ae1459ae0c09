// A throwaway Redis for n8n's queue: 127.0.0.1 on a free port, no persistence, a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv } from '../n8n/childEnv';
import { freePort } from '../n8n/freePort';
import { spawnGroup, withTimeout, type RunningProcess } from '../n8n/processes';
import { ensureDebianPackages } from './debianPackages';

export interface RedisServer {
	host: string;
	port: number;
	process: RunningProcess;
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;

/** `port`: start again where a stopped one was (a Redis coming back after an outage). */
export async function startRedis(options: { port?: number } = {}): Promise<RedisServer> {
	// The shared quota's tests and bench start their own Redis, like the queue-mode run.
	await ensureDebianPackages(() => undefined, ['redis-server']);
	const dir = mkdtempSync(join(tmpdir(), 'n8n-iot-e2e-redis-'));
	const port = options.port ?? (await freePort());
	let output = '';
	let ready: () => void = () => undefined;
	const isReady = new Promise<void>((resolve) => (ready = resolve));
	const proc = spawnGroup(
		'redis-server',
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', '--logfile', '']
			// No snapshots, no append-only file: nothing outlives the run.
			.concat(['--save', '', '--appendonly', 'no']),
		{
			cwd: dir,
			env: cleanEnv(),
			onOutput: (text) => {
				output += text;
				if (output.includes('Ready to accept connections')) ready();
			},
		},
	);
	const stop = async () => {
		await proc.stop();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		const exitedEarly = proc.exited.then((code) => Promise.reject(new Error(`redis-server exited (${code})`)));
		await withTimeout(Promise.race([isReady, exitedEarly]), READY_TIMEOUT_MS, `redis-server was not ready in ${READY_TIMEOUT_MS / 1000} s`);
	} catch (error) {
		await stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${output.slice(-2000)}`);
	}
	return { host: '127.0.0.1', port, process: proc, stop };
}
