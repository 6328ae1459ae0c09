// examples/ci-firmware-rollout.json in real n8n (`n8n execute` from its Manual Trigger, with n8n's own
// HTTP Request, Wait and If nodes) against the emulator in its own process, whose fleet clock moves the
// created jobs on: the package is downloaded, uploaded and created as a firmware, verified on two
// test devices, rolled out to a 10% gray batch that the guard lets widen, then to every device.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';
import type { N8nCli } from '../../tools/n8n/n8nCli';
import type { Checks } from './checks';
import { itemsOf } from './runData';
import type { Example } from './workflowFixtures';

export const CI_PIPELINE_FILE = 'ci-firmware-rollout.json';
const EXAMPLE_EMULATOR = 'http://127.0.0.1:8787';
const PACKAGE_BYTES = 1024 * 1024;
/** The emulator's fleet clock: each created job's tasks move one state on per tick. */
const FLEET_TICK_MS = 1000;

export function isCiPipeline(example: Example): boolean {
	return example.file === CI_PIPELINE_FILE;
}

/** The example points at the emulator's default address; the run's emulator listens elsewhere. */
export function withEmulatorAddress(example: Example, emulator: EmulatorProcess): Example {
	return { ...example, workflow: JSON.parse(JSON.stringify(example.workflow).split(EXAMPLE_EMULATOR).join(emulator.url)) as Example['workflow'] };
}

export async function runCiPipelineWorkflow(checks: Checks, cli: N8nCli, emulator: EmulatorProcess, example: Example): Promise<void> {
	checks.section(`Workflow: examples/${example.file} (download -> Upload -> Verify -> gray 10% -> guard -> full rollout)`);
	await emulator.control('POST', 'fleet-tick', { ms: FLEET_TICK_MS });
	const before = await emulator.control<unknown[]>('GET', 'requests?limit=10000');
	const result = await cli.execute(example.workflow.id);
	await emulator.control('POST', 'fleet-tick', { ms: 0 });
	const output = result.stdout + result.stderr;
	const ran = await checks.check(`n8n execute --id=${example.workflow.id} exits 0 (${(result.durationMs / 1000).toFixed(1)} s)`, () => {
		assert.equal(result.code, 0, output.slice(-3000));
		assert.ok(result.run, 'no JSON run in the output');
	});
	if (!ran) return;
	const json = (node: string) => itemsOf(result.run, node).map((item) => item.json);
	const requests = (await emulator.control<{ action?: string; method: string }[]>('GET', 'requests?limit=10000')).slice(before.length);
	const sent = (action: string) => requests.filter((request) => request.action === action);

	await checks.check('Upload streamed the downloaded package and created its firmware with its MD5 and size', () => {
		const [firmware] = json('Upload firmware');
		assert.equal(firmware.FirmwareName, 'meter-1.5.0');
		assert.equal(firmware.FirmwareSize, PACKAGE_BYTES);
		assert.equal(firmware.FirmwareSign, createHash('md5').update(samplePackage(PACKAGE_BYTES)).digest('hex'));
		assert.equal(sent('CreateOTAFirmware').length, 1);
	});
	await checks.check('the verify job ran on the two test devices, and Firmware Get saw the firmware verified', () => {
		assert.equal(json('Verify on test devices').length, 1);
		const checksRun = lastRunItems(result.run, 'Verification status');
		assert.equal(checksRun[0]?.Status, 1);
	});
	await checks.check('the gray batch (10% of 1,000 devices) finished under the 5% guard, and the full rollout started', () => {
		const [gray] = json('Gray batch: 10%');
		const [full] = json('Full rollout');
		assert.ok(gray.JobId && full.JobId && gray.JobId !== full.JobId);
		assert.deepEqual(
			(full.Tags as { Key: string }[]).map((tag) => tag.Key),
			['rollout', 'n8n.createId'],
		);
	});
	await checks.check('every write was sent exactly once, as POST', () => {
		for (const action of ['CreateOTAFirmware', 'CreateOTAVerifyJob']) assert.equal(sent(action).length, 1, action);
		assert.equal(sent('CreateOTAStaticUpgradeJob').length, 2);
		assert.equal(sent('CancelOTATaskByJob').length, 0);
		for (const request of requests.filter((r) => /^(Create|Generate)/.test(r.action ?? ''))) assert.equal(request.method, 'POST');
	});
	await checks.check('no upload policy, signature or AccessKey Secret in the output', () => {
		assert.ok(!output.includes(emulator.accessKeySecret));
		assert.ok(!/"Policy"|"Signature"|OSSAccessKeyId/.test(output));
	});
	// Later checks (the editor's Firmware list) expect the emulator's own firmwares only.
	const [uploaded] = json('Upload firmware');
	if (uploaded?.FirmwareId) await emulator.control('DELETE', `firmwares?firmwareId=${String(uploaded.FirmwareId)}`);
}

/** The items of a node's last run (a node in a loop runs once per turn). */
function lastRunItems(run: unknown, node: string): Record<string, unknown>[] {
	const runs = (run as { data?: { resultData?: { runData?: Record<string, { data?: { main?: { json: Record<string, unknown> }[][] } }[]> } } })
		.data?.resultData?.runData?.[node] ?? [];
	return (runs.at(-1)?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** What the emulator's sample-package route serves (tools/emulator/oss/samplePackage.ts). */
function samplePackage(bytes: number): Buffer {
	const chunk = Buffer.alloc(64 * 1024);
	for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
	const whole = Buffer.alloc(bytes);
	for (let at = 0; at < bytes; at += chunk.length) chunk.copy(whole, at, 0, Math.min(chunk.length, bytes - at));
	return whole;
}
