/**
 * The write side's bench goals, through n8n-core's engine against the emulator in its own process, with
 * the documented per-action quotas and `latencyMs` per answer:
 * - (w) Confirm of 1,000 task IDs: 100 requests at ConfirmOTATask's 20 per second, within 1.1x of ideal.
 * - (l) Lost answers: 200 creates while the emulator carries out each write and then drops 20% of
 *   the answers: exactly one job per create, every item recovered or honestly failed.
 * `tsx scripts/bench/writeScenarios.ts [latencyMs] [w,l]` prints a table per part.
 */
import type { IDataObject } from 'n8n-workflow';

import { runOperation } from '../../test/support/runOperation';
import { credentialFor } from './benchCredential';
import { EmulatorProcess } from './emulatorProcess';

const CONFIRM_QPS = 20;
const FIRMWARE = 'FwBenchWrites000000001';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function confirmThousand(emulator: EmulatorProcess, latencyMs: number): Promise<boolean> {
	const job = (await emulator.control('POST', 'jobs-with-tasks', { firmwareId: FIRMWARE, taskCount: 1000, statusMix: { CONFIRM: 1 } })) as { jobId: string };
	const credential = credentialFor(emulator, CONFIRM_QPS);
	const listed = await runOperation({ resource: 'otaTask', operation: 'listByJob', parameters: { jobId: job.jobId, returnAll: true }, credential });
	const taskIds = listed.items.map((item) => String(item.json.TaskId));
	await new Promise((resolve) => setTimeout(resolve, 1100));
	await emulator.resetStats();
	const startedAt = performance.now();
	const { items, error } = await runOperation({ resource: 'otaTask', operation: 'confirm', parameters: { taskIds }, credential });
	const wallMs = performance.now() - startedAt;
	const stats = await emulator.stats();
	const summary = (await emulator.control('GET', `task-summary?jobId=${job.jobId}`)) as { counts: Record<string, number> };
	const requests = stats.requestCount;
	const idealMs = (requests / CONFIRM_QPS) * 1000 + latencyMs;
	const met = !error && requests === 100 && wallMs <= idealMs * 1.1 && summary.counts.CONFIRM === 0;
	console.log('\n| scenario | task IDs | requests | wall | ideal | ratio | goal | met | max req in 1 s | left in CONFIRM |');
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	console.log(
		`| (w) Confirm, ${latencyMs} ms | ${taskIds.length} | ${requests} | ${seconds(wallMs)} | ${seconds(idealMs)} | ${(wallMs / idealMs).toFixed(3)}x | <= 1.1x | ${met ? 'yes' : 'NO'} | ${stats.peakRequestsPerSecond} | ${summary.counts.CONFIRM}${error ? ` (error: ${error.message})` : ''} |`,
	);
	void items;
	return met;
}

async function lostAnswers(emulator: EmulatorProcess): Promise<boolean> {
	const firmwareId = 'FwBenchLostAnswers0001';
	await emulator.control('POST', 'firmwares', { firmwareId, jobCount: 0, seed: 17, productKey: 'a1BenchLost' });
	await emulator.resetStats();
	await emulator.control('POST', 'mode', { mode: 'lostAnswers', rate: 0.2, seed: 16 });
	const credential = credentialFor(emulator, CONFIRM_QPS);
	const startedAt = performance.now();
	const { items } = await runOperation({
		resource: 'otaJob',
		operation: 'createStatic',
		parameters: { firmwareId: { __rl: true, mode: 'id', value: firmwareId }, productKey: 'a1BenchLost', targetSelection: 'ALL' },
		inputItems: Array.from({ length: 200 }, (_, index): IDataObject => ({ index })),
		onError: 'continueRegularOutput',
		credential,
	});
	const wallMs = performance.now() - startedAt;
	const recorded = (await emulator.control('GET', 'requests?limit=10000')) as { fault?: string }[];
	await emulator.control('POST', 'mode', null);
	const listed = await runOperation({ resource: 'otaJob', operation: 'listByFirmware', parameters: { firmwareId: { __rl: true, mode: 'id', value: firmwareId }, returnAll: true }, credential });
	const tokens = new Map<string, number>();
	for (const job of listed.items) {
		for (const tag of (job.json.Tags as { Key: string; Value: string }[]) ?? []) {
			if (tag.Key === 'n8n.createId') tokens.set(tag.Value, (tokens.get(tag.Value) ?? 0) + 1);
		}
	}
	const succeeded = items.filter((item) => item.json.JobId);
	const recovered = succeeded.filter((item) => item.json.Recovered === true).length;
	const failed = items.filter((item) => item.json.error);
	const twice = [...tokens.values()].filter((count) => count > 1).length;
	const everySuccessOnce = succeeded.every((item) => tokens.get(String(item.json.RequestToken)) === 1);
	const lost = recorded.filter((request) => request.fault === 'lostAnswers').length;
	const met = twice === 0 && everySuccessOnce && succeeded.length + failed.length === 200 && listed.items.length <= 200;
	console.log('\n| scenario | creates | answers lost | jobs made | made twice | succeeded | of them recovered | honestly failed | wall | met |');
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	console.log(`| (l) Create Static Upgrade Job, 20% of answers lost after carrying out | 200 | ${lost} | ${listed.items.length} | ${twice} | ${succeeded.length} | ${recovered} | ${failed.length} | ${seconds(wallMs)} | ${met ? 'yes' : 'NO'} |`);
	if (failed.length > 0) console.log(`  first failure: ${String(failed[0].json.error).slice(0, 300)}`);
	return met;
}

async function main(latencyMs: number, parts: Set<string>): Promise<void> {
	const emulator = await EmulatorProcess.start({ qps: 10, latencyMs });
	try {
		// The documented per-action quotas (20 per second for ConfirmOTATask and the static create).
		await emulator.control('POST', 'qps', { qps: null });
		await emulator.addFirmware(FIRMWARE, 0, 16);
		let ok = true;
		if (parts.has('w')) ok = (await confirmThousand(emulator, latencyMs)) && ok;
		if (parts.has('l')) ok = (await lostAnswers(emulator)) && ok;
		if (!ok) process.exitCode = 1;
	} finally {
		await emulator.stop();
	}
}

void main(Number(process.argv[2] ?? 300), new Set((process.argv[3] ?? 'w,l').split(','))).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
