// Scenario A: the webhook workflow called for eight 3,000-job firmwares at once. Each call must
// answer with every job of its firmware exactly once, every worker must have run some of the
// executions, the shared quota limiter must have been on in each (its log line, its keys in Redis),
// and the emulator shows how the account's quota was shared.
import assert from 'node:assert/strict';

import Redis from 'ioredis';

import type { FirmwareSpec } from '../../../tools/emulator';
import type { Checks } from '../checks';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import type { N8nServer } from '../../../tools/n8n/n8nServer';
import { withTimeout } from '../../../tools/n8n/processes';
import type { ExpectedJobs } from '../runData';
import { executionError, executionsOf } from './executions';
import { describeFigures, listingFigures } from './listingFigures';
import type { N8nWorker } from './n8nQueue';
import type { PostgresServer } from '../../../tools/services/postgres';
import { WEBHOOK_PATH } from './queueWorkflows';
import type { RedisServer } from '../../../tools/services/redis';
import { executionsStartedBy, workerLog } from './workerLogs';

export interface WebhookBurst {
	checks: Checks;
	main: N8nServer;
	workers: N8nWorker[];
	emulator: EmulatorProcess;
	postgres: PostgresServer;
	redis: RedisServer;
	workflowId: string;
	firmwares: FirmwareSpec[];
	expected: ExpectedJobs;
	log: (line: string) => void;
}

const ACTION = 'ListOTAJobByFirmware';
/** Every call's bound: a listing that waits on throttling for longer than this has stalled. */
const CALL_TIMEOUT_MS = 5 * 60_000;
/**
 * With the shared quota limiter, throttled answers among all requests (the bench's goal is 2%; four
 * workers on their own are throttled about 30% of the time, so this fails when the limiter is off).
 */
const MAX_THROTTLED_SHARE = 0.05;
const SHARED_QUOTA_KEYS = 'n8n-nodes-alibabacloud-iot:{quota}:*';

export async function runWebhookBurst(burst: WebhookBurst): Promise<void> {
	const { checks, emulator, firmwares, log } = burst;
	const quotas = await emulator.quotas();
	const quota = quotas.qpsByAction[ACTION];
	log(`emulator quota: ${quota} ${ACTION} requests per second per ${quotas.scope}`);
	await emulator.resetStats();
	const startedAt = Date.now();
	const answers = await Promise.all(firmwares.map((firmware) => callWebhook(burst.main.url, firmware.firmwareId)));
	log(`${firmwares.length} calls answered in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

	for (const [index, firmware] of firmwares.entries()) {
		const answer = answers[index];
		const label = `webhook for ${firmware.firmwareId}: 200 with each of its ${firmware.jobCount} jobs exactly once`;
		await checks.check(`${label} (${(answer.ms / 1000).toFixed(1)} s)`, () => {
			if (answer.error) throw answer.error;
			assert.equal(answer.status, 200, answer.text.slice(0, 1000));
			assertEveryJobOnce(answer.text, burst.expected.items(firmware.firmwareId));
		});
	}

	const executions = await executionsOf(burst.postgres, burst.workflowId);
	await checks.check(`n8n recorded ${firmwares.length} webhook executions of the workflow, all successful`, async () => {
		assert.equal(executions.length, firmwares.length, JSON.stringify(executions));
		const failed = executions.filter((execution) => execution.mode !== 'webhook' || execution.status !== 'success');
		const reasons = await Promise.all(
			failed.map(async ({ id, mode, status }) => `execution ${id} (${mode}) ${status}: ${await executionError(burst.postgres, id)}`),
		);
		assert.deepEqual(reasons, []);
	});
	const ranBy = burst.workers.map((worker) => ({ worker, started: executionsStartedBy(worker.userFolder) }));
	for (const { worker, started } of ranBy) log(`${worker.name} ran execution(s) ${started.join(', ') || 'none'}`);
	await checks.check('every worker ran some of them, each execution on one worker once (their logs)', () => {
		for (const { worker, started } of ranBy) {
			assert.ok(started.some((id) => executions.some((execution) => execution.id === id)), `${worker.name} ran none`);
		}
		const all = ranBy.flatMap(({ started }) => started).filter((id) => executions.some((execution) => execution.id === id));
		assert.deepEqual([...all].sort(), executions.map((execution) => execution.id).sort());
	});

	await checks.check('each worker logged that the shared quota limiter is on, and Redis holds its quota state', async () => {
		for (const { worker } of ranBy) {
			assert.match(workerLog(worker.userFolder), /Alibaba Cloud IoT: Shared quota limiter on: Redis 127\.0\.0\.1:\d+ db 0, settings from n8n's queue mode/, worker.name);
			assert.doesNotMatch(workerLog(worker.userFolder), /Redis did not answer/, worker.name);
		}
		const admin = new Redis({ host: burst.redis.host, port: burst.redis.port });
		try {
			const keys = await admin.keys(SHARED_QUOTA_KEYS);
			assert.ok(keys.some((key) => key.endsWith(`:${ACTION}`)), `no ${ACTION} quota key in Redis: ${JSON.stringify(keys)}`);
		} finally {
			admin.disconnect();
		}
	});

	const ids = new Set(firmwares.map((firmware) => firmware.firmwareId));
	// The burst's own requests: the trigger of scenario B may poll its firmware meanwhile.
	const requests = (await emulator.requests(100_000)).filter(
		(request) => request.action === ACTION && ids.has(request.params.FirmwareId),
	);
	const figures = listingFigures(requests);
	for (const line of describeFigures(figures, quota)) log(`emulator: ${line}`);
	log(`emulator stats for ${ACTION} (all firmwares): ${JSON.stringify((await emulator.stats()).byAction[ACTION])}`);
	await checks.check(`the emulator counted the quota per account and accepted at most ${quota} requests in any second`, () => {
		assert.equal(quotas.scope, 'account');
		assert.ok(figures.accepted > 0, 'no request was accepted');
		assert.ok(figures.peakAcceptedPerSecond <= quota, `peak ${figures.peakAcceptedPerSecond}/s`);
		assert.equal(figures.other, 0, 'answers that were neither accepted nor throttled');
	});
	const share = `${(figures.throttledShare * 100).toFixed(1)}%`;
	await checks.check(`throttled answers are at most ${MAX_THROTTLED_SHARE * 100}% of all requests (${share})`, () => {
		assert.ok(figures.throttledShare <= MAX_THROTTLED_SHARE, `${figures.throttled} of ${figures.requests} requests were throttled`);
	});
}

interface WebhookAnswer {
	status: number;
	text: string;
	ms: number;
	error?: Error;
}

async function callWebhook(url: string, firmwareId: string): Promise<WebhookAnswer> {
	const startedAt = Date.now();
	try {
		const response = await withTimeout(
			fetch(`${url}/webhook/${WEBHOOK_PATH}?firmwareId=${encodeURIComponent(firmwareId)}`, {
				signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
			}),
			CALL_TIMEOUT_MS,
			`no answer in ${CALL_TIMEOUT_MS / 1000} s`,
		);
		return { status: response.status, text: await response.text(), ms: Date.now() - startedAt };
	} catch (error) {
		return { status: 0, text: '', ms: Date.now() - startedAt, error: error instanceof Error ? error : new Error(String(error)) };
	}
}

/** The answer holds exactly the expected jobs, each once, each with the emulator's fields and values. */
function assertEveryJobOnce(text: string, expected: Array<Record<string, unknown>>): void {
	const items = JSON.parse(text) as unknown;
	assert.ok(Array.isArray(items), `the answer is not a JSON array: ${text.slice(0, 300)}`);
	const byId = new Map<string, Record<string, unknown>>();
	for (const item of items as Array<Record<string, unknown>>) {
		const jobId = String(item.JobId);
		assert.ok(!byId.has(jobId), `job ${jobId} came twice`);
		byId.set(jobId, item);
	}
	const missing = expected.filter((job) => !byId.has(String(job.JobId)));
	assert.equal(missing.length, 0, `${missing.length} job(s) missing, e.g. ${String(missing[0]?.JobId)}`);
	assert.equal(byId.size, expected.length, `${byId.size - expected.length} job(s) not of this firmware`);
	for (const job of expected) assert.deepEqual(byId.get(String(job.JobId)), job);
}
