// The example pipeline (examples/ci-firmware-rollout.json) pasted into a new workflow, as a user
// pastes a workflow copied from the docs: n8n draws every node, and the canvas is saved for the README.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { Checks } from '../checks';
import { DOCS_DIR, REPO_ROOT } from '../../../tools/n8n/paths';
import { docsScreenshot, openNewWorkflow } from './editor';

const PIPELINE = join(REPO_ROOT, 'examples', 'ci-firmware-rollout.json');

export async function showPipelineOnCanvas(checks: Checks, page: Page, baseUrl: string): Promise<void> {
	const workflow = JSON.parse(readFileSync(PIPELINE, 'utf8')) as { nodes: { name: string }[] };
	await checks.step('open a new workflow for the CI pipeline', () => openNewWorkflow(page, baseUrl));
	await checks.check(`pasting examples/ci-firmware-rollout.json draws its ${workflow.nodes.length} nodes`, async () => {
		await page.evaluate((text) => {
			const scope = globalThis as unknown as {
				document: { dispatchEvent(event: unknown): boolean };
				DataTransfer: new () => { setData(type: string, value: string): void };
				ClipboardEvent: new (type: string, init: object) => unknown;
			};
			const data = new scope.DataTransfer();
			data.setData('text/plain', text);
			scope.document.dispatchEvent(new scope.ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
		}, JSON.stringify(workflow));
		const nodes = page.getByTestId('canvas-node');
		await nodes.nth(workflow.nodes.length - 1).waitFor({ timeout: 15_000 });
		assert.equal(await nodes.count(), workflow.nodes.length);
		// Zoom to fit, as the "1" shortcut and the canvas button do.
		await page.getByTestId('zoom-to-fit').click().catch(async () => await page.keyboard.press('1'));
		await page.waitForTimeout(500);
		await docsScreenshot(page, join(DOCS_DIR, 'ci-firmware-rollout.png'));
	});
}
