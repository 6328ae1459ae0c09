/**
 * One benchmark scenario, run in a process of its own (for a clean peak RSS):
 * `tsx scripts/bench/scenario.ts '<json ScenarioSpec>'`; prints one JSON ScenarioResult line.
 */
import type { IDataObject } from 'n8n-workflow';

import { resolveIotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { QUOTA_REDIS_VARIABLE } from '../../nodes/AlibabaCloudIot/transport/quotaRedisConfig';
import { startRedis } from '../../tools/services/redis';
import { credentialFor } from './benchCredential';
import { EmulatorProcess } from './emulatorProcess';
import { runListInEngine } from './runListInEngine';
import { listSequentially } from './sequentialPager';
import { runAsChild } from './childMain';

export interface ScenarioSpec {
	name: string;
	firmwares: number;
	jobsPerFirmware: number;
	/** Enforced by the emulator and used by the node's limiter; 0 = no limit. */
	qps: number;
	latencyMs: number;
	/** (e): the same run with the shared quota limiter on, on a Redis of the scenario's own. */
	sharedQuota?: boolean;
}

export interface ScenarioResult {
	name: string;
	jobs: number;
	expectedJobs: number;
	uniqueJobs: number;
	requests: number;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
	peakRequestsPerSecond: number;
	throttled: number;
	sequentialWallMs: number;
}

async function run(spec: ScenarioSpec): Promise<ScenarioResult> {
	const emulator = await EmulatorProcess.start({ qps: spec.qps, latencyMs: spec.latencyMs });
	const redis = spec.sharedQuota ? await startRedis() : undefined;
	// Read once, at the node's first request.
	process.env[QUOTA_REDIS_VARIABLE] = redis ? `redis://127.0.0.1:${redis.port}` : '';
	try {
		const firmwareIds: string[] = [];
		let expectedJobs = 0;
		for (let index = 0; index < spec.firmwares; index++) {
			const firmwareId = `FwBench${spec.name}${String(index).padStart(12, '0')}`;
			expectedJobs += await emulator.addFirmware(firmwareId, spec.jobsPerFirmware, 1000 + index);
			firmwareIds.push(firmwareId);
		}
		const credential: IDataObject = credentialFor(emulator, spec.qps);
		await emulator.resetStats();

		const cpuBefore = process.cpuUsage();
		const startedAt = performance.now();
		const jobIds = await runListInEngine(credential, firmwareIds);
		const wallMs = performance.now() - startedAt;
		const cpu = process.cpuUsage(cpuBefore);
		const peakRssMb = process.resourceUsage().maxRSS / 1024;
		const stats = await emulator.stats();

		// A second offset keeps the comparison out of the node's last rate-limit window.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const credentials = resolveIotCredentials(credential);
		const sequentialStart = performance.now();
		for (const firmwareId of firmwareIds) await listSequentially(credentials, firmwareId);
		const sequentialWallMs = performance.now() - sequentialStart;

		return {
			name: spec.name,
			jobs: jobIds.length,
			expectedJobs,
			uniqueJobs: new Set(jobIds).size,
			requests: stats.requestCount,
			wallMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			peakRssMb,
			peakRequestsPerSecond: stats.peakRequestsPerSecond,
			throttled: Object.entries(stats.outcomes)
				.filter(([code]) => code.startsWith('Throttling'))
				.reduce((sum, [, count]) => sum + count, 0),
			sequentialWallMs,
		};
	} finally {
		await emulator.stop();
		await redis?.stop();
	}
}

runAsChild(run);
