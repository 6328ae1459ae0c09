// Part 1: the packed package installed into a fresh n8n user folder the way n8n installs community
// packages, the example workflows imported and run with `n8n execute`, and a wrong-secret run.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

import type { Checks } from './checks';
import { installCommunityPackage } from './communityPackage';
import type { EmulatorProcess } from './emulatorProcess';
import { N8nCli } from './n8nCli';
import { n8nLogFile } from './n8nEnv';
import { NODE_TYPE } from './paths';
import { ExpectedJobs, itemsOf, SIMPLE_OTA_JOB_INFO_FIELDS, taskOf, type CliRun } from './runData';
import type { Toolchain } from './toolchain';
import {
	emulatorCredential,
	exampleCredentials,
	firmwareIdOf,
	loadExamples,
	ourNodes,
	variant,
	withCredential,
	withFirmware,
	type ExampleWorkflow,
} from './workflowFixtures';

export interface HeadlessContext {
	checks: Checks;
	toolchain: Toolchain;
	tarball: string;
	emulator: EmulatorProcess;
	userFolder: string;
}

/** A firmware added at run time through the emulator's control API: more jobs than one page holds. */
const PAGED_FIRMWARE = { firmwareId: 'FwE2ePaged000000000321', jobCount: 321, seed: 321 };

export async function runHeadlessSuite(context: HeadlessContext): Promise<void> {
	const { checks, emulator, userFolder } = context;
	const expected = new ExpectedJobs();
	const cli = new N8nCli(context.toolchain, userFolder);

	await checks.step('install the tarball as n8n installs a community package', async () => {
		await installCommunityPackage(userFolder, context.tarball);
	});

	const examples = loadExamples();
	await checks.check('examples/ holds at least one workflow using our node', () => {
		assert.ok(examples.some((example) => ourNodes(example.workflow).length > 0), 'no example uses our node');
	});

	const added = await emulator.addFirmware(PAGED_FIRMWARE);
	expected.add(PAGED_FIRMWARE);
	const [first] = examples;
	const goodCredential = exampleCredentials([first], emulator)[0];
	const wrongSecret = `e2e-wrong-secret-${Math.random().toString(36).slice(2, 12)}`;
	const badCredential = emulatorCredential(emulator, 'e2eWrongSecret01', 'Alibaba Cloud IoT (wrong secret)', {
		accessKeySecret: wrongSecret,
	});
	const paged = variant(first.workflow, 'e2ePagedFirmware', `${first.workflow.name} (paged firmware)`, (node) =>
		withFirmware(added.firmwareId)(node),
	);
	const wrong = variant(first.workflow, 'e2eWrongSecret01', `${first.workflow.name} (wrong secret)`, withCredential(badCredential));

	await checks.step('n8n import:credentials and import:workflow', async () => {
		await cli.importCredentials([...exampleCredentials(examples, emulator), badCredential]);
		await cli.importWorkflows([...examples.map((example) => example.workflow), paged, wrong]);
	});

	for (const example of examples) {
		await runListingWorkflow(context, cli, expected, `examples/${example.file}`, example.workflow);
	}
	await runListingWorkflow(context, cli, expected, `paged firmware (${added.jobCount} jobs, emulator control API)`, paged);

	checks.section('Wrong AccessKey Secret');
	const failed = await cli.execute(wrong.id);
	const output = failed.stdout + failed.stderr;
	await checks.check('n8n execute exits 1', () => assert.equal(failed.code, 1, output.slice(-2000)));
	await checks.check('the output shows the Alibaba code SignatureDoesNotMatch', () => {
		assert.match(output, /SignatureDoesNotMatch/);
		const message = (failed.run as CliRun | undefined)?.data?.resultData?.error?.message ?? '';
		assert.match(message, /SignatureDoesNotMatch/, `run error message: ${message}`);
	});
	await checks.check('the wrong secret appears nowhere in stdout or stderr', () => {
		assert.ok(!output.includes(wrongSecret), 'the secret is in the CLI output');
	});
	await checks.check("the wrong secret appears nowhere in n8n's log file", () => {
		const log = readLog(userFolder);
		assert.ok(log.length > 0, 'the log file is empty');
		assert.ok(log.includes('SignatureDoesNotMatch') || log.includes('e2eWrongSecret01'), 'the log does not cover the failed run');
		assert.ok(!log.includes(wrongSecret), 'the secret is in the log file');
	});
	await checks.check('the working secret appears nowhere in the log file either', () => {
		assert.ok(!readLog(userFolder).includes(goodCredential.data.accessKeySecret as string));
	});
}

async function runListingWorkflow(
	context: HeadlessContext,
	cli: N8nCli,
	expected: ExpectedJobs,
	label: string,
	workflow: ExampleWorkflow,
): Promise<void> {
	const { checks, emulator } = context;
	checks.section(`Workflow: ${label}`);
	const startedAt = Date.now();
	const result = await cli.execute(workflow.id);
	const ran = await checks.check(`n8n execute --id=${workflow.id} exits 0 and prints the run (${(result.durationMs / 1000).toFixed(1)} s)`, () => {
		assert.equal(result.code, 0, (result.stdout + result.stderr).slice(-3000));
		assert.ok(result.run, 'no JSON run in the output');
	});
	if (!ran) return;

	for (const node of ourNodes(workflow)) {
		const firmwareId = firmwareIdOf(node);
		const wanted = expected.items(firmwareId);
		const items = itemsOf(result.run, node.name);
		await checks.check(`"${node.name}" ran as ${NODE_TYPE} without error`, () => {
			const task = taskOf(result.run, node.name);
			assert.equal(task?.executionStatus ?? 'success', 'success');
			assert.equal(node.type, NODE_TYPE);
		});
		await checks.check(`item count = the emulator's ${wanted.length} jobs of ${firmwareId}`, () => {
			assert.equal(items.length, wanted.length);
		});
		await checks.check('items carry SimpleOTAJobInfo fields only, with the emulator\'s values, in its order', () => {
			for (const item of items) {
				const unknown = Object.keys(item.json).filter((key) => !(SIMPLE_OTA_JOB_INFO_FIELDS as readonly string[]).includes(key));
				assert.deepEqual(unknown, [], `unexpected fields on ${String(item.json.JobId)}`);
			}
			assert.deepEqual(items.map((item) => item.json), wanted);
		});
		await checks.check('Tags is a [{Key, Value}] array on every item (some non-empty)', () => {
			for (const item of items) {
				const tags = item.json.Tags;
				assert.ok(Array.isArray(tags), `Tags of ${String(item.json.JobId)} is ${JSON.stringify(tags)}`);
				for (const tag of tags as unknown[]) {
					assert.deepEqual(Object.keys(tag as object).sort(), ['Key', 'Value']);
					assert.equal(typeof (tag as { Key: unknown }).Key, 'string');
					assert.equal(typeof (tag as { Value: unknown }).Value, 'string');
				}
			}
			assert.ok(items.some((item) => (item.json.Tags as unknown[]).length > 0), 'no item has a tag');
		});
		await checks.check('pairedItem is {item: 0} on every item', () => {
			for (const item of items) assert.deepEqual(item.pairedItem, { item: 0 });
		});
	}
	await checks.check('the emulator received the signed ListOTAJobByFirmware requests', async () => {
		const requests = (await emulator.requests()).filter((request) => request.at >= startedAt);
		assert.ok(requests.length > 0, 'no request reached the emulator');
		for (const request of requests) {
			assert.equal(request.action, 'ListOTAJobByFirmware');
			assert.equal(request.httpStatus, 200, `a request answered ${request.httpStatus} ${request.code ?? ''}`);
			assert.equal(request.accessKeyId, emulator.accessKeyId);
		}
	});
}

function readLog(userFolder: string): string {
	const file = n8nLogFile(userFolder);
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
