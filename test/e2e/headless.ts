// Part 1: the packed package installed into a fresh n8n user folder the way n8n installs community
// packages, the example workflows imported and run with `n8n execute`, and a wrong-secret run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Checks } from './checks';
import { installCommunityPackage } from '../../tools/n8n/communityPackage';
import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';
import { isCiPipeline, runCiPipelineWorkflow, withEmulatorAddress } from './ciPipelineRun';
import { runListingWorkflow } from './listingRun';
import { isRolloutGuard, runRolloutGuardWorkflow, seedRolloutGuard } from './rolloutGuardRun';
import { N8nCli } from '../../tools/n8n/n8nCli';
import { missingFromTarball } from './packageContents';
import { N8N_1X, PACKAGE_NAME, REPO_ROOT } from '../../tools/n8n/paths';
import { ExpectedJobs } from './runData';
import type { Toolchain } from '../../tools/n8n/toolchain';
import { emulatorCredential, exampleCredentials, loadExamples, variant, withCredential, withFirmware } from './workflowFixtures';
import { runTriggerOnServer } from './triggerOnServerRun';
import { readN8nLog, runWrongSecretWorkflow } from './wrongSecretRun';

export interface HeadlessContext {
	checks: Checks;
	toolchain: Toolchain;
	tarball: string;
	/** The paths in the tarball, as `npm pack --json` lists them. */
	tarballFiles: string[];
	emulator: EmulatorProcess;
	userFolder: string;
}

/** A firmware added at run time through the emulator's control API: more jobs than one page holds. */
const PAGED_FIRMWARE = { firmwareId: 'FwE2ePaged000000000321', jobCount: 321, seed: 321 };

export async function runHeadlessSuite(context: HeadlessContext): Promise<void> {
	const { checks, emulator, userFolder } = context;
	const cli = new N8nCli(context.toolchain, userFolder);

	await checks.check("the tarball holds the n8n section's files, each node's codex and every icon", () => {
		assert.deepEqual(missingFromTarball(context.tarballFiles), []);
	});
	await checks.step('install the tarball as n8n installs a community package', () =>
		installCommunityPackage(userFolder, context.tarball),
	);

	const examples = loadExamples().map((example) => (isCiPipeline(example) ? withEmulatorAddress(example, emulator) : example));
	const [first] = examples.filter((example) => example.runnable && !isRolloutGuard(example) && !isCiPipeline(example));
	await checks.step('examples/ holds a workflow that starts at a Manual Trigger and uses our node', async () => {
		assert.ok(first, `none of ${examples.map((example) => example.file).join(', ')} does`);
	});

	const expected = new ExpectedJobs();
	await seedRolloutGuard(emulator);
	const added = await emulator.addFirmware(PAGED_FIRMWARE);
	expected.add(PAGED_FIRMWARE);
	const wrongSecret = `e2e-wrong-secret-${Math.random().toString(36).slice(2, 12)}`;
	const badCredential = emulatorCredential(emulator, 'e2eWrongSecret01', 'Alibaba Cloud IoT (wrong secret)', {
		accessKeySecret: wrongSecret,
	});
	const paged = variant(first.workflow, 'e2ePagedFirmware', `${first.workflow.name} (paged)`, withFirmware(added.firmwareId));
	const wrong = variant(first.workflow, 'e2eWrongSecret01', `${first.workflow.name} (wrong secret)`, withCredential(badCredential));

	await checks.step(`n8n import:credentials, and import:workflow of ${examples.length} example(s) and 2 variants`, async () => {
		await cli.importCredentials([...exampleCredentials(examples, emulator), badCredential]);
		await cli.importWorkflows([...examples.map((example) => example.workflow), paged, wrong]);
	});
	await checks.check('n8n loaded every node and credential of the package (its log says so)', () => {
		assert.deepEqual(loadedCounts(userFolder), declaredCounts());
	});

	const listing = { checks, cli, emulator, expected };
	for (const example of examples) {
		if (isRolloutGuard(example)) await runRolloutGuardWorkflow(checks, cli, emulator, example);
		else if (isCiPipeline(example)) await runCiPipelineWorkflow(checks, cli, emulator, example);
		else if (example.runnable) await runListingWorkflow(listing, `examples/${example.file}`, example.workflow);
		else console.log(`\n  (examples/${example.file} imported, not executed: it does not start at a Manual Trigger)`);
	}
	await runListingWorkflow(listing, `paged firmware (${added.jobCount} jobs, added through the emulator's control API)`, paged);
	await runWrongSecretWorkflow(checks, cli, wrong.id, { wrong: wrongSecret, working: emulator.accessKeySecret });
	// 2.x's trigger runs under the durable scheduler in `npm run e2e:queue`; 1.x has neither it nor getPollBudgetMs.
	if (context.toolchain.line === N8N_1X) {
		await runTriggerOnServer({ checks, cli, toolchain: context.toolchain, emulator, userFolder, log: (line) => console.log(`  ..    ${line}`) });
	}
}

function declaredCounts(): { nodes: number; credentials: number } {
	const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	return { nodes: n8n.nodes.length, credentials: n8n.credentials.length };
}

/** n8n logs (at debug level, as JSON lines in its file) what it loaded from each package. */
function loadedCounts(userFolder: string): { nodes: number; credentials: number } {
	const line = readN8nLog(userFolder)
		.split('\n')
		.find((entry) => entry.includes(`Loaded all credentials and nodes from ${PACKAGE_NAME}`));
	assert.ok(line, `n8n's log never says it loaded ${PACKAGE_NAME}`);
	const { metadata } = JSON.parse(line) as { metadata: { nodes: number; credentials: number } };
	return { nodes: metadata.nodes, credentials: metadata.credentials };
}
