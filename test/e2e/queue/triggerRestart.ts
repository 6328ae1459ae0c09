// Scenario B: the trigger, published and polling under the durable scheduler. A job created in the
// emulator starts exactly one execution, on a worker; the main process restarts between polls while
// the job's status changes, and the change comes out exactly once, with nothing repeated or lost.
import assert from 'node:assert/strict';

import type { OtaJob } from '../../../tools/emulator';
import type { Checks } from '../checks';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { delay } from '../../../tools/n8n/processes';
import { executionsOf, nodeItems, type ExecutionRecord } from './executions';
import type { N8nWorker } from './n8nQueue';
import { waitForPollAfter, waitForScheduledPolls, type ScheduledPoll } from './pollWatch';
import type { PostgresServer } from '../../../tools/services/postgres';
import { TRIGGER_NODE } from './queueWorkflows';
import { WatchedFirmware } from './watchedFirmware';
import { executionsStartedBy } from './workerLogs';

export interface TriggerRun {
	checks: Checks;
	emulator: EmulatorProcess;
	postgres: PostgresServer;
	workers: N8nWorker[];
	watched: WatchedFirmware;
	workflowId: string;
	mainUserFolder: string;
	/** When the main process was started with the workflow published. */
	since: number;
	stopMain(): Promise<void>;
	startMain(): Promise<void>;
	log: (line: string) => void;
}

/** A poll every minute, its seeded second, the scheduler's jitter, and a restart that may skip one. */
const POLL_TIMEOUT_MS = 150_000;
const EXECUTION_TIMEOUT_MS = 60_000;
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

export async function runTriggerRestart(run: TriggerRun): Promise<void> {
	const { checks, watched, log } = run;
	const logPoll = (poll: ScheduledPoll) => log(`scheduled poll at ${new Date(poll.at).toISOString().slice(11, 19)}: ${poll.outcome}`);
	/** The first scheduled poll that listed the firmware after a change made at `changedAt`. */
	const waitForPoll = async (label: string, changedAt: number): Promise<void> => {
		const poll = await checks.step(label, () =>
			waitForPollAfter(run.emulator, watched.firmwareId, run.mainUserFolder, run.workflowId, changedAt, POLL_TIMEOUT_MS),
		);
		logPoll(poll);
	};

	// Activation runs one poll at once; with durable cursors its memory is not kept, so the first
	// scheduled poll is the one that records what exists.
	const [baseline] = await checks.step('the trigger ran its first scheduled poll (the baseline)', () =>
		waitForScheduledPolls(run.mainUserFolder, run.workflowId, run.since, 1, POLL_TIMEOUT_MS),
	);
	logPoll(baseline);
	await checks.check('the baseline polls started no execution', async () => {
		assert.deepEqual(await executionsOf(run.postgres, run.workflowId), []);
	});

	const created = await watched.createJob();
	log(`created job ${created.JobId} (${created.JobStatus})`);
	await waitForPoll('the next scheduled poll ran', Date.now());
	const [first] = await settledExecutions(run, 1);
	await expectEvents(run, first, 'the new job started exactly one execution, with that job as "created"', [
		{ ...WatchedFirmware.asItem(created), Event: 'created', PreviousJobStatus: null },
	]);

	let changed: OtaJob | undefined;
	let changedAt = 0;
	await checks.step("main restarted between polls, the job's status changed while it was down", async () => {
		await run.stopMain();
		changed = await watched.setStatus(created.JobId, 'COMPLETED');
		changedAt = Date.now();
		log(`job ${created.JobId}: IN_PROGRESS -> ${changed.JobStatus}`);
		await run.startMain();
	});
	// Counted from the change: the scheduler may run a poll before main answers HTTP.
	await waitForPoll('the first scheduled poll after the restart ran', changedAt);
	const [, second] = await settledExecutions(run, 2);
	await expectEvents(run, second, 'the status change started exactly one execution, with only that change', [
		{ ...WatchedFirmware.asItem(changed as OtaJob), Event: 'statusChanged', PreviousJobStatus: 'IN_PROGRESS' },
	]);

	const next = await watched.createJob();
	log(`created job ${next.JobId}`);
	await waitForPoll('one more scheduled poll ran', Date.now());
	const [, , third] = await settledExecutions(run, 3);
	await expectEvents(run, third, 'that poll emitted only the newer job: nothing repeated', [
		{ ...WatchedFirmware.asItem(next), Event: 'created', PreviousJobStatus: null },
	]);
}

/** The workflow's executions once `count` of them exist and have ended (a few seconds more for a stray one). */
async function settledExecutions(run: TriggerRun, count: number): Promise<Array<ExecutionRecord | undefined>> {
	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	let executions: ExecutionRecord[] = [];
	while (Date.now() < deadline) {
		executions = await executionsOf(run.postgres, run.workflowId);
		if (executions.length >= count && executions.every((execution) => FINISHED.has(execution.status))) break;
		await delay(1_000);
	}
	await delay(3_000);
	executions = await executionsOf(run.postgres, run.workflowId);
	const shown = executions.map((execution) => `${execution.id} ${execution.mode} ${execution.status}`).join(', ');
	run.log(`executions of the trigger workflow: ${shown || 'none'}`);
	await run.checks.check(`the trigger workflow has ${count} execution(s) in all`, () => {
		assert.equal(executions.length, count, shown);
	});
	return executions;
}

async function expectEvents(
	run: TriggerRun,
	execution: ExecutionRecord | undefined,
	label: string,
	expected: Array<Record<string, unknown>>,
): Promise<void> {
	await run.checks.check(label, async () => {
		assert.ok(execution, 'no such execution');
		assert.equal(execution.mode, 'trigger');
		assert.equal(execution.status, 'success');
		const items = await nodeItems(run.postgres, execution.id, TRIGGER_NODE);
		assert.deepEqual(
			items.map((item) => item.json),
			expected,
		);
	});
	await run.checks.check(`a worker ran execution ${execution?.id} (its log)`, () => {
		const ranBy = run.workers.filter((worker) => executionsStartedBy(worker.userFolder).includes(String(execution?.id)));
		assert.equal(ranBy.length, 1, `run by ${ranBy.length} workers`);
	});
}
