import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { SharedQuotaResult, SharedQuotaSpec } from '../../../../scripts/bench/sharedQuotaScenario';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Bench scenario (d)/(e) as a check: real child processes, each running the node in n8n-core's engine. */
async function runProcesses(spec: SharedQuotaSpec): Promise<SharedQuotaResult> {
	const { stdout } = await promisify(execFile)(
		join(ROOT, 'node_modules', '.bin', 'tsx'),
		[join(ROOT, 'scripts', 'bench', 'sharedQuotaScenario.ts'), JSON.stringify(spec)],
		{ maxBuffer: 4 * 1024 * 1024 },
	);
	return JSON.parse(stdout.trim().split('\n').pop()!) as SharedQuotaResult;
}

describe('several n8n processes on one account with the shared quota limiter', () => {
	it('three processes started together take turns instead of running into each other', async () => {
		// 10 pages each. On their own, the three first bursts alone are 30 requests in one second, of which
		// Alibaba's 10 per second refuse about 20 (bench (d)); with one shared order nearly none is refused.
		const result = await runProcesses({ processes: 3, jobsPerFirmware: 2_000, qps: 10, latencyMs: 50, apartMs: 0, sharedQuota: {} });
		expect(result.errors).toEqual([]);
		expect(result.everyJobOnce).toBe(true);
		expect(result.accepted).toBe(30);
		expect(result.throttled / result.requests).toBeLessThan(0.1);
		expect(result.peakAcceptedPerSecond).toBeLessThanOrEqual(10);
	}, 120_000);
});
