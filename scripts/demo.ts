/**
 * `npm run demo`: the README's example workflow, run in n8n's own execution engine (n8n-core)
 * against the bundled IoT Platform emulator, printing the OTA jobs it lists as a table.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EMULATOR_KEYS, startEmulator } from '../tools/emulator';
import { loadExampleWorkflow, runExampleWorkflow } from '../test/support/exampleWorkflows';

const COLUMNS = ['JobId', 'JobStatus', 'JobType', 'SelectionType', 'TargetSelection', 'UtcCreate', 'Tags'];

function cell(value: unknown): string {
	if (Array.isArray(value)) return value.map((tag: IDataObject) => `${tag.Key}=${tag.Value}`).join(', ');
	return value === undefined || value === null ? '' : String(value);
}

function table(items: INodeExecutionData[]): string {
	const rows = items.map((item) => COLUMNS.map((column) => cell(item.json[column])));
	const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index].length)));
	const line = (cells: string[]) =>
		cells.map((text, index) => text.padEnd(widths[index])).join('  ').trimEnd();
	return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
	const emulator = await startEmulator();
	try {
		const workflow = loadExampleWorkflow('list-ota-jobs-by-firmware.json');
		const listNode = workflow.nodes.find((node) => node.type.endsWith('.alibabaCloudIot'))!;
		const startedAt = Date.now();
		const run = await runExampleWorkflow(workflow, {
			...EMULATOR_KEYS.active,
			regionId: 'cn-shanghai',
			endpoint: emulator.url,
		});
		const task = run.data.resultData.runData[listNode.name]?.[0];
		if (!task || task.error) {
			throw new Error(`The workflow failed: ${task?.error?.message ?? run.data.resultData.error?.message}`);
		}
		const items = task.data?.main[0] ?? [];
		const firmwareId = (listNode.parameters.firmwareId as IDataObject).value;
		console.log(`Workflow "${workflow.name}" (examples/list-ota-jobs-by-firmware.json)`);
		console.log(`ran in n8n-core's engine against the IoT emulator at ${emulator.url}\n`);
		console.log(`OTA jobs of firmware ${firmwareId}:\n`);
		console.log(table(items));
		console.log(
			`\n${items.length} jobs, ${emulator.requests.length} signed request(s), ${Date.now() - startedAt} ms.`,
		);
	} finally {
		await emulator.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
