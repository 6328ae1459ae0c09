// examples/ota-rollout-guard.json in real n8n (`n8n execute`, the real If node) against the emulator
// in its own process: the failing job's pending upgrades are canceled, the healthy job is left alone.
import assert from 'node:assert/strict';

import type { JobSpec, JobTaskSummary } from '../../tools/emulator';
import {
	FAILING_JOB,
	HEALTHY_JOB,
	ROLLOUT_FIRMWARE,
	ROLLOUT_GUARD_FILE,
	ROLLOUT_NODES,
} from '../support/rolloutGuardScenario';
import type { Checks } from './checks';
import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';
import type { N8nCli } from '../../tools/n8n/n8nCli';
import { itemsOf } from './runData';
import type { Example } from './workflowFixtures';

export function isRolloutGuard(example: Example): boolean {
	return example.file === ROLLOUT_GUARD_FILE;
}

/** Adds the scenario's firmware and jobs to the emulator: call before running the workflow. */
export async function seedRolloutGuard(emulator: EmulatorProcess): Promise<void> {
	await emulator.addFirmware(ROLLOUT_FIRMWARE);
	for (const job of [FAILING_JOB, HEALTHY_JOB]) await emulator.control<JobTaskSummary>('POST', 'jobs-with-tasks', job);
}

export async function runRolloutGuardWorkflow(
	checks: Checks,
	cli: N8nCli,
	emulator: EmulatorProcess,
	example: Example,
): Promise<void> {
	checks.section(`Workflow: examples/${example.file} (List by Firmware -> Get Progress -> If -> Cancel by Job)`);
	const summary = (job: JobSpec) => emulator.control<JobTaskSummary>('GET', `task-summary?jobId=${job.jobId}`);
	const [failingBefore, healthyBefore] = [await summary(FAILING_JOB), await summary(HEALTHY_JOB)];
	const result = await cli.execute(example.workflow.id);
	const output = result.stdout + result.stderr;
	const ran = await checks.check(`n8n execute --id=${example.workflow.id} exits 0 (${(result.durationMs / 1000).toFixed(1)} s)`, () => {
		assert.equal(result.code, 0, output.slice(-3000));
		assert.ok(result.run, 'no JSON run in the output');
	});
	if (!ran) return;
	const json = (node: string) => itemsOf(result.run, node).map((item) => item.json);

	await checks.check('List by Firmware gave both running jobs', () => {
		assert.deepEqual(json(ROLLOUT_NODES.list).map((job) => job.JobId).sort(), [FAILING_JOB.jobId, HEALTHY_JOB.jobId].sort());
	});
	await checks.check('Get Progress counted 15% failed on one job and 1% on the other', () => {
		const progress = json(ROLLOUT_NODES.progress);
		const of = (job: JobSpec) => progress.find((entry) => entry.JobId === job.jobId);
		assert.deepEqual(of(FAILING_JOB), { JobId: FAILING_JOB.jobId, Total: 1000, ...failingBefore.counts, SucceededPercent: 25, FailedPercent: 15 });
		assert.deepEqual(of(HEALTHY_JOB), { JobId: HEALTHY_JOB.jobId, Total: 1000, ...healthyBefore.counts, SucceededPercent: 39, FailedPercent: 1 });
	});
	await checks.check("n8n's If sent only the failing job on, and Cancel by Job canceled its pending upgrades", () => {
		assert.deepEqual(json(ROLLOUT_NODES.guard).map((job) => job.JobId), [FAILING_JOB.jobId]);
		const [cancel, ...more] = json(ROLLOUT_NODES.cancel);
		assert.equal(more.length, 0);
		assert.equal(cancel.JobId, FAILING_JOB.jobId);
		assert.deepEqual(cancel.CanceledStates, ['CONFIRM', 'QUEUED', 'NOTIFIED']);
		assert.equal(cancel.Success, true);
	});
	await checks.check("the emulator's tasks: the failing job's pending ones CANCELED, the healthy job untouched", async () => {
		const failing = await summary(FAILING_JOB);
		const { CONFIRM, QUEUED, NOTIFIED, CANCELED } = failingBefore.counts;
		assert.deepEqual(
			[failing.counts.CONFIRM, failing.counts.QUEUED, failing.counts.NOTIFIED, failing.counts.CANCELED],
			[0, 0, 0, CANCELED + CONFIRM + QUEUED + NOTIFIED],
		);
		assert.deepEqual((await summary(HEALTHY_JOB)).counts, healthyBefore.counts);
	});
	await checks.check('the AccessKey Secret appears nowhere in the output', () => {
		assert.ok(!output.includes(emulator.accessKeySecret));
	});
}
