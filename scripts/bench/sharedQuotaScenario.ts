/**
 * Scenarios (d) and (e), run in a process of its own: `tsx scripts/bench/sharedQuotaScenario.ts '<json SharedQuotaSpec>'`.
 * Several n8n processes (real child processes, each running the node in n8n-core's engine) on one
 * account, each listing its own firmware, against the emulator in its own process; (e) with the
 * shared quota limiter on a Redis started here (and, if asked, stopped and started again mid-run).
 * Prints one JSON SharedQuotaResult line with the emulator's traffic figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

import { QUOTA_REDIS_VARIABLE } from '../../nodes/AlibabaCloudIot/transport/quotaRedisConfig';
import { QUOTA_WINDOW_MS } from '../../nodes/AlibabaCloudIot/transport/quotaWindow';
import { RETRY_AFTER_MS } from '../../nodes/AlibabaCloudIot/transport/sharedQuotaRedis';
import { startRedis, type RedisServer } from '../../tools/services/redis';
import { credentialFor } from './benchCredential';
import { EmulatorProcess } from './emulatorProcess';
import type { ListWorkerResult, ListWorkerSpec } from './listWorker';
import { runAsChild } from './childMain';

export interface SharedQuotaSpec {
	processes: number;
	jobsPerFirmware: number;
	qps: number;
	latencyMs: number;
	/** 0: every process starts at the same instant; otherwise each this long after the one before. */
	apartMs: number;
	/** Scenario (e): the shared quota limiter on, on a Redis of the scenario's own. */
	sharedQuota?: {
		/** Stop Redis this long after the start, and start it again (same port) `downForMs` later. */
		downAfterMs?: number;
		downForMs?: number;
	};
}

export interface Traffic {
	requests: number;
	throttled: number;
}

export interface SharedQuotaResult extends SharedQuotaSpec {
	failedExecutions: number;
	errors: string[];
	/** Every process got every job of its firmware exactly once. */
	everyJobOnce: boolean;
	requests: number;
	accepted: number;
	throttled: number;
	busyPeriodMs: number;
	peakAcceptedPerSecond: number;
	/** From Redis's restart to the end; and from when every process has rejoined to the end. */
	afterOutage?: { fromReturn: Traffic; fromRejoin: Traffic };
}

interface Worker {
	child: ChildProcess;
	lines: Interface;
	expectedJobs: number;
}

async function startWorker(spec: ListWorkerSpec, expectedJobs: number, env: NodeJS.ProcessEnv): Promise<Worker> {
	const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [join(__dirname, 'listWorker.ts'), JSON.stringify(spec)], { stdio: ['pipe', 'pipe', 'inherit'], env });
	const lines = createInterface({ input: child.stdout! });
	const [line] = (await once(lines, 'line')) as [string];
	if (line !== 'ready') throw new Error(`list worker said "${line}" instead of ready`);
	return { child, lines, expectedJobs };
}

async function resultOf(worker: Worker): Promise<ListWorkerResult> {
	const [line] = (await once(worker.lines, 'line')) as [string];
	if (worker.child.exitCode === null) await once(worker.child, 'exit');
	return JSON.parse(line) as ListWorkerResult;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Every process has asked Redis again by then (each retries RETRY_AFTER_MS after its last failure) and the window has passed. */
const REJOINED_AFTER_MS = RETRY_AFTER_MS + QUOTA_WINDOW_MS + 500;

/**
 * Stops Redis `downAfterMs` into the run and starts it again on the same port `downForMs` later;
 * returns the emulator's counts at the restart and once every process has rejoined.
 */
async function outage(
	redis: { current: RedisServer },
	emulator: EmulatorProcess,
	plan: { downAfterMs: number; downForMs: number },
): Promise<[Traffic, Traffic]> {
	await sleep(plan.downAfterMs);
	const { port } = redis.current;
	await redis.current.stop();
	await sleep(plan.downForMs);
	redis.current = await startRedis({ port });
	const atReturn = (await emulator.stats()).overall;
	await sleep(REJOINED_AFTER_MS);
	const rejoined = (await emulator.stats()).overall;
	return [atReturn, rejoined];
}

const since = (end: Traffic, start: Traffic): Traffic => ({ requests: end.requests - start.requests, throttled: end.throttled - start.throttled });

async function run(spec: SharedQuotaSpec): Promise<SharedQuotaResult> {
	const emulator = await EmulatorProcess.start({ qps: spec.qps, latencyMs: spec.latencyMs });
	const redis = spec.sharedQuota ? { current: await startRedis() } : undefined;
	const env: NodeJS.ProcessEnv = { ...process.env, [QUOTA_REDIS_VARIABLE]: redis ? `redis://127.0.0.1:${redis.current.port}` : '' };
	const workers: Worker[] = [];
	try {
		const credential = credentialFor(emulator, spec.qps);
		for (let index = 0; index < spec.processes; index++) {
			const firmwareId = `FwShared${String(index).padStart(14, '0')}`;
			const jobs = await emulator.addFirmware(firmwareId, spec.jobsPerFirmware, 2000 + index);
			workers.push(await startWorker({ credential, firmwareId }, jobs, env));
		}
		await emulator.resetStats();
		const results = workers.map(async (worker) => await resultOf(worker));
		const { downAfterMs, downForMs } = spec.sharedQuota ?? {};
		const beforeReturn =
			redis && downAfterMs !== undefined ? outage(redis, emulator, { downAfterMs, downForMs: downForMs ?? 3_000 }) : undefined;
		for (const [index, worker] of workers.entries()) {
			if (index > 0 && spec.apartMs > 0) await sleep(spec.apartMs);
			worker.child.stdin!.end('go\n');
		}
		const finished = await Promise.all(results);
		const { overall } = await emulator.stats();
		const returned = await beforeReturn;
		const errors = finished.flatMap((result) => (result.error ? [result.error] : []));
		return {
			...spec,
			failedExecutions: errors.length,
			errors,
			everyJobOnce: finished.every(
				(result, index) => result.jobs === workers[index].expectedJobs && result.uniqueJobs === result.jobs,
			),
			requests: overall.requests,
			accepted: overall.accepted,
			throttled: overall.throttled,
			busyPeriodMs: overall.busyPeriodMs,
			peakAcceptedPerSecond: Math.max(0, ...Object.values(overall.peakAcceptedPerSecondByAccount)),
			afterOutage: returned && { fromReturn: since(overall, returned[0]), fromRejoin: since(overall, returned[1]) },
		};
	} finally {
		for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
		await emulator.stop();
		await redis?.current.stop();
	}
}

runAsChild(run);
