// n8n in queue mode: one main (`n8n start`: editor, webhooks, the pollers) and `n8n worker`
// processes that run the executions, sharing Postgres, Redis and one encryption key; each process
// has its own user folder (where its community packages live), its own runner broker port and,
// for a worker, its own health-check port.
import { randomBytes } from 'node:crypto';

import { freePort } from '../../../tools/n8n/freePort';
import { n8nEnv } from '../../../tools/n8n/n8nEnv';
import { startN8nServer, type N8nServer } from '../../../tools/n8n/n8nServer';
import { delay, spawnGroup, type RunningProcess } from '../../../tools/n8n/processes';
import type { Toolchain } from '../../../tools/n8n/toolchain';
import type { PostgresServer } from '../../../tools/services/postgres';
import type { RedisServer } from '../../../tools/services/redis';

export interface N8nWorker {
	name: string;
	userFolder: string;
	process: RunningProcess;
	output(): string;
}

const WORKER_READY_TIMEOUT_MS = 180_000;

/** What every process of one n8n installation shares. */
export function queueModeEnv(postgres: PostgresServer, redis: RedisServer): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// The durable scheduler runs the pollers, and keeps their cursors in Postgres.
		N8N_SCHEDULER_ENABLED: 'true',
		N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
		N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
		// The default in 2.41; the durable pollers need it, so it is spelled out.
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
		// Its system task fetches a list of MCP servers from api.n8n.io: this run stays on 127.0.0.1.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}

export async function startMain(
	toolchain: Toolchain,
	userFolder: string,
	env: NodeJS.ProcessEnv,
	port?: number,
): Promise<N8nServer> {
	// Debug: the scheduler says in the log when a poll ran and whether it handed off an execution.
	// A graceful stop lets it hand back its scheduler leases before it goes.
	return await startN8nServer(toolchain, userFolder, { port, env: { ...env, N8N_LOG_LEVEL: 'debug' }, stopGraceMs: 30_000 });
}

export async function startWorker(
	toolchain: Toolchain,
	name: string,
	userFolder: string,
	env: NodeJS.ProcessEnv,
	concurrency: number,
): Promise<N8nWorker> {
	const healthPort = await freePort();
	let output = '';
	const proc = spawnGroup(name, toolchain.nodeBin, [toolchain.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		env: await n8nEnv(toolchain, userFolder, {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_LOG_LEVEL: 'info',
		}),
		onOutput: (text) => (output += text),
	});
	let exitCode: number | string | undefined;
	void proc.exited.then((code) => (exitCode = code));
	const deadline = Date.now() + WORKER_READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`${name} exited (${exitCode}):\n${output.slice(-3000)}`);
		if (await isReady(`http://127.0.0.1:${healthPort}/healthz/readiness`)) {
			return { name, userFolder, process: proc, output: () => output };
		}
		await delay(500);
	}
	throw new Error(`${name} was not ready within ${WORKER_READY_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`);
}

async function isReady(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
	} catch {
		return false;
	}
}

/**
 * Waits until main serves the production webhook: n8n 2.41 activates published workflows in the
 * background after it starts serving. A CORS preflight names the webhook's method without running
 * the workflow; n8n answers it 404 while no such webhook is registered.
 */
export async function waitForWebhook(url: string, path: string, method: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		try {
			const response = await fetch(`${url}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { origin: url, 'access-control-request-method': method },
				signal: AbortSignal.timeout(2_000),
			});
			if (response.status === 204) return;
			last = `${response.status} ${await response.text()}`;
		} catch (error) {
			last = String(error);
		}
		await delay(500);
	}
	throw new Error(`${method} /webhook/${path} was not registered within ${timeoutMs / 1000} s: ${last.slice(0, 300)}`);
}
