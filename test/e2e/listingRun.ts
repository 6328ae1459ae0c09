// One workflow that lists OTA jobs, run with `n8n execute`, and its items checked against the
// emulator's own data: count, fields and values, the Tags shape, pairedItem.
import assert from 'node:assert/strict';

import type { Checks } from './checks';
import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';
import type { N8nCli } from '../../tools/n8n/n8nCli';
import { NODE_TYPE } from '../../tools/n8n/paths';
import { ExpectedJobs, itemsOf, SIMPLE_OTA_JOB_INFO_FIELDS, type RunItem } from './runData';
import { firmwareIdOf, ourNodes, type ExampleWorkflow } from './workflowFixtures';

export interface ListingRun {
	checks: Checks;
	cli: N8nCli;
	emulator: EmulatorProcess;
	expected: ExpectedJobs;
}

export async function runListingWorkflow(run: ListingRun, label: string, workflow: ExampleWorkflow): Promise<void> {
	const { checks, cli, emulator, expected } = run;
	checks.section(`Workflow: ${label}`);
	const startedAt = Date.now();
	const result = await cli.execute(workflow.id);
	const output = result.stdout + result.stderr;
	const ran = await checks.check(`n8n execute --id=${workflow.id} exits 0 and prints the run (${(result.durationMs / 1000).toFixed(1)} s)`, () => {
		assert.equal(result.code, 0, output.slice(-3000));
		assert.ok(result.run, 'no JSON run in the output');
	});
	if (!ran) return;
	await checks.check('the AccessKey Secret appears nowhere in the output', () => {
		assert.ok(!output.includes(emulator.accessKeySecret));
	});

	for (const node of ourNodes(workflow)) {
		const firmwareId = firmwareIdOf(node);
		const wanted = expected.items(firmwareId);
		let items: RunItem[] = [];
		const succeeded = await checks.check(`"${node.name}" (${NODE_TYPE}, loaded from the package) succeeded`, () => {
			items = itemsOf(result.run, node.name);
		});
		if (!succeeded) continue;
		await checks.check(`item count = the emulator's ${wanted.length} jobs of ${firmwareId}`, () => {
			assert.equal(items.length, wanted.length);
		});
		await checks.check("items carry SimpleOTAJobInfo fields only, with the emulator's values, in its order", () => {
			for (const item of items) {
				const unknown = Object.keys(item.json).filter((key) => !(SIMPLE_OTA_JOB_INFO_FIELDS as readonly string[]).includes(key));
				assert.deepEqual(unknown, [], `unexpected fields on ${String(item.json.JobId)}`);
			}
			assert.deepEqual(items.map((item) => item.json), wanted);
		});
		await checks.check('Tags is a [{Key, Value}] array on every item', () => {
			for (const item of items) assertTags(item);
			if (wanted.some((job) => (job.Tags as unknown[]).length > 0)) {
				assert.ok(items.some((item) => (item.json.Tags as unknown[]).length > 0), 'no item has a tag');
			}
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

function assertTags(item: RunItem): void {
	const tags = item.json.Tags;
	assert.ok(Array.isArray(tags), `Tags of ${String(item.json.JobId)} is ${JSON.stringify(tags)}`);
	for (const tag of tags as unknown[]) {
		assert.deepEqual(Object.keys(tag as object).sort(), ['Key', 'Value']);
		const { Key, Value } = tag as { Key: unknown; Value: unknown };
		assert.equal(typeof Key, 'string');
		assert.equal(typeof Value, 'string');
	}
}
