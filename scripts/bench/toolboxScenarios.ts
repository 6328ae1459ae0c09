/**
 * The toolbox's bench goals, each through n8n-core's engine against the emulator in its own process
 * (documented per-action quotas, `latencyMs` per answer):
 * - Get Progress of a job with 50,000 tasks: 8 requests, under 1.5 s.
 * - List by Job, Return All, 20,000 tasks: within 1.15x of `requests / 10 + one round trip`.
 * `tsx scripts/bench/toolboxScenarios.ts [latencyMs]` prints a table; `npm run bench` runs it after its own.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runOperation } from '../../test/support/runOperation';
import { credentialFor } from './benchCredential';
import { EmulatorProcess } from './emulatorProcess';

export interface ToolboxResult {
	name: string;
	tasks: number;
	items: number;
	requests: number;
	wallMs: number;
	idealMs: number;
	/** The goal's bound on wallMs. */
	goalMs: number;
	peakRequestsPerSecond: number;
	throttled: number;
}

/** ListOTATaskByJob's documented quota (docs/alibaba-api.md). */
const TASK_LIST_QPS = 10;

async function addJob(emulator: EmulatorProcess, firmwareId: string, taskCount: number): Promise<string> {
	const response = await fetch(`${emulator.url}/__emulator/jobs-with-tasks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ firmwareId, taskCount, statusMix: { QUEUED: 3, IN_PROGRESS: 2, SUCCEEDED: 4, FAILED: 1 } }),
	});
	if (!response.ok) throw new Error(`jobs-with-tasks: HTTP ${response.status} ${await response.text()}`);
	return ((await response.json()) as { jobId: string }).jobId;
}

async function measure(
	emulator: EmulatorProcess,
	credential: IDataObject,
	name: string,
	tasks: number,
	parameters: INodeParameters & { resource: string; operation: string },
	goal: (requests: number, idealMs: number) => number,
	latencyMs: number,
): Promise<ToolboxResult> {
	await emulator.resetStats();
	const startedAt = performance.now();
	const { items, error } = await runOperation({ credential, parameters, resource: parameters.resource, operation: parameters.operation });
	const wallMs = performance.now() - startedAt;
	if (error) throw new Error(`${name} failed: ${String(error.message)}`);
	const stats = await emulator.stats();
	const requests = stats.requestCount;
	const idealMs = (requests / TASK_LIST_QPS) * 1000 + latencyMs;
	return {
		name,
		tasks,
		items: items.length,
		requests,
		wallMs,
		idealMs,
		goalMs: goal(requests, idealMs),
		peakRequestsPerSecond: stats.peakRequestsPerSecond,
		throttled: Object.entries(stats.outcomes)
			.filter(([code]) => code.startsWith('Throttling'))
			.reduce((sum, [, count]) => sum + count, 0),
	};
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printTable(results: ToolboxResult[]): void {
	console.log('\n| scenario | items | requests | wall | ideal | goal | met | max req in 1 s | throttled |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const r of results) {
		const cells = [r.name, r.items, r.requests, seconds(r.wallMs), seconds(r.idealMs), `< ${seconds(r.goalMs)}`,
			r.wallMs < r.goalMs ? 'yes' : 'NO', r.peakRequestsPerSecond, r.throttled];
		console.log(`| ${cells.join(' | ')} |`);
		if (r.wallMs >= r.goalMs) process.exitCode = 1;
	}
}

async function main(latencyMs: number): Promise<void> {
	const emulator = await EmulatorProcess.start({ qps: TASK_LIST_QPS, latencyMs });
	try {
		await emulator.addFirmware('FwBenchToolbox00000001', 0, 11);
		const progressJob = await addJob(emulator, 'FwBenchToolbox00000001', 50_000);
		const listJob = await addJob(emulator, 'FwBenchToolbox00000001', 20_000);
		const credential = credentialFor(emulator, TASK_LIST_QPS);
		const progress = await measure(
			emulator,
			credential,
			`(e) Get Progress, 50,000 tasks, ${latencyMs} ms`,
			50_000,
			{ resource: 'otaJob', operation: 'getProgress', jobId: progressJob },
			() => 1500,
			latencyMs,
		);
		// A second apart, so the limiter's window starts empty as for any first run.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const listing = await measure(
			emulator,
			credential,
			`(f) List by Job, Return All, 20,000 tasks, ${latencyMs} ms`,
			20_000,
			{ resource: 'otaTask', operation: 'listByJob', jobId: listJob, returnAll: true },
			(_requests, idealMs) => idealMs * 1.15,
			latencyMs,
		);
		printTable([progress, listing]);
	} finally {
		await emulator.stop();
	}
}

void main(Number(process.argv[2] ?? 300)).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
