// The trigger on a running n8n of a line without the durable scheduler and without getPollBudgetMs
// (1.x): the workflow activated, n8n's own poller (its first poll at activation, then every minute)
// runs the trigger; a job's status changed meanwhile starts one execution, whose next node (our
// OTA Job → Get) asks the emulator for exactly that job.
import assert from 'node:assert/strict';

import type { RecordedRequest } from '../../tools/emulator';
import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';
import type { N8nCli, WorkflowImport } from '../../tools/n8n/n8nCli';
import { startN8nServer } from '../../tools/n8n/n8nServer';
import { delay } from '../../tools/n8n/processes';
import type { Toolchain } from '../../tools/n8n/toolchain';
import type { Checks } from './checks';
import { triggerWorkflow } from './queue/queueWorkflows';
import { WatchedFirmware } from './queue/watchedFirmware';
import { NODE_TYPE } from '../../tools/n8n/paths';
import { emulatorCredential } from './workflowFixtures';

const FIRST_POLL_TIMEOUT_MS = 60_000;
/** The next minute tick, and the execution it starts. */
const EVENT_TIMEOUT_MS = 100_000;

export interface TriggerOnServerRun {
	checks: Checks;
	cli: N8nCli;
	toolchain: Toolchain;
	emulator: EmulatorProcess;
	userFolder: string;
	log: (line: string) => void;
}

export async function runTriggerOnServer(run: TriggerOnServerRun): Promise<void> {
	const { checks, cli, emulator, log } = run;
	const version = run.toolchain.line.version;
	const credential = emulatorCredential(emulator, 'e2eTriggerServer1', 'Alibaba Cloud IoT (trigger on a server)');
	const watched = await WatchedFirmware.add(emulator, 'FwE2eTriggerServer0001', 3, 4242);
	const workflow = triggerThenGet(triggerWorkflow(credential, watched.firmwareId), credential.id);
	await checks.step(`import and activate a trigger workflow (n8n ${version}: update:workflow --active=true)`, async () => {
		await cli.importCredentials([credential]);
		await cli.importWorkflows([workflow]);
		await cli.activateWorkflow(workflow.id);
	});

	const since = Date.now();
	const server = await checks.step(`n8n start (n8n ${version})`, () => startN8nServer(run.toolchain, run.userFolder));
	try {
		await checks.step("n8n's poller ran the trigger's first poll at activation (the emulator saw its listing)", async () => {
			await waitForRequest(emulator, since, FIRST_POLL_TIMEOUT_MS, (request) =>
				request.action === 'ListOTAJobByFirmware' && request.params.FirmwareId === watched.firmwareId,
			);
		});
		const job = await watched.createJob();
		const changedAt = Date.now();
		await watched.setStatus(job.JobId, 'COMPLETED');
		log(`job ${job.JobId} created and COMPLETED at ${new Date(changedAt).toISOString().slice(11, 19)}; waiting for the next poll`);
		await checks.step('the next poll put the job out and its execution ran the next node (OTA Job → Get of that job)', async () => {
			await waitForRequest(emulator, changedAt, EVENT_TIMEOUT_MS, (request) =>
				request.action === 'QueryOTAJob' && request.params.JobId === job.JobId,
			);
		});
		await checks.check("n8n's log has no error of the trigger or the node", () => {
			const problems = server
				.output()
				.split('\n')
				.filter((line) => /error|problem/i.test(line) && /alibaba|iot|trigger|activat/i.test(line));
			assert.deepEqual(problems, []);
		});
	} finally {
		await server.process.stop();
	}
}

/** The trigger, then our node's OTA Job → Get of the job each event names. */
function triggerThenGet(trigger: WorkflowImport, credentialId: string): WorkflowImport {
	const [triggerNode, received] = trigger.nodes as Array<{ name: string; [key: string]: unknown }>;
	return {
		...trigger,
		id: 'e2eTriggerServer1',
		name: 'e2e: OTA job trigger, then Get',
		nodes: [
			triggerNode,
			{
				...received,
				name: 'Get the job',
				type: NODE_TYPE,
				typeVersion: 1,
				parameters: { resource: 'otaJob', operation: 'get', jobId: '={{ $json.JobId }}' },
				credentials: { alibabaCloudIotApi: { id: credentialId, name: 'Alibaba Cloud IoT (trigger on a server)' } },
			},
		],
		connections: { [triggerNode.name]: { main: [[{ node: 'Get the job', type: 'main', index: 0 }]] } },
	};
}

async function waitForRequest(
	emulator: EmulatorProcess,
	since: number,
	timeoutMs: number,
	matches: (request: RecordedRequest) => boolean,
): Promise<RecordedRequest> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = (await emulator.requests(10_000)).find((request) => request.at >= since && matches(request));
		if (found) return found;
		await delay(1_000);
	}
	throw new Error(`no such request within ${timeoutMs / 1000} s`);
}
