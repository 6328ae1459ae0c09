// Part 2: the package in n8n's editor, in headless Chromium. A user's path through it: find the
// node, add it, create and test the credential, pick the firmware from the list, run the step;
// then, in a new workflow, the trigger and its test event. Asserts on the DOM and saves the
// screenshots shown in the README.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { Checks } from '../checks';
import { installCommunityPackage } from '../../../tools/n8n/communityPackage';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { setUpOwner, startN8nServer, type Owner } from '../../../tools/n8n/n8nServer';
import { DOCS_DIR, PACKAGE_NAME } from '../../../tools/n8n/paths';
import { ExpectedJobs } from '../runData';
import type { Toolchain } from '../../../tools/n8n/toolchain';
import {
	ACTION_NAME,
	addAction,
	closeCredentialModal,
	docsScreenshot,
	fillCredential,
	executeStep,
	NODE_DISPLAY_NAME,
	openNewCredential,
	openNewWorkflow,
	outputTableRows,
	searchNodePicker,
	reopenCredentialTestResult,
	retryCredentialTest,
	saveCredential,
	showOutputAs,
	showsField,
	switchOff,
	switchOn,
} from './editor';
import { pickFirmwareFromList } from './firmwarePicker';
import { showPipelineOnCanvas } from './pipelineCanvas';
import { openBrowser, signIn } from './session';
import { fetchTriggerTestEvent } from './triggerTestEvent';

export interface BrowserContext {
	checks: Checks;
	toolchain: Toolchain;
	tarball: string;
	emulator: EmulatorProcess;
	userFolder: string;
}

/** The credential Test's probe (nodes/.../methods/credentialTest.ts): ListOTAFirmware of one firmware; the picker asks for pages of 100. */
const isCredentialProbe = (request: { action?: string; params: Record<string, string> }) =>
	request.action === 'ListOTAFirmware' && request.params.PageSize === '1';

export async function runBrowserSuite(context: BrowserContext): Promise<void> {
	const { checks, emulator } = context;
	// The headless part added a firmware to the same emulator: the picker lists it too.
	const expected = new ExpectedJobs(emulator.addedFirmwares);
	const owner: Owner = {
		email: 'e2e-owner@example.com',
		firstName: 'E2E',
		lastName: 'Owner',
		password: `E2e-${Math.random().toString(36).slice(2, 10)}-Pw1`,
	};

	await checks.step('install the tarball as n8n installs a community package', () =>
		installCommunityPackage(context.userFolder, context.tarball),
	);
	const startedAt = Date.now();
	const server = await checks.step('n8n start on 127.0.0.1 serves the editor', () =>
		startN8nServer(context.toolchain, context.userFolder),
	);
	console.log(`  ..    ${server.url} ready in ${Math.round((Date.now() - startedAt) / 1000)} s`);
	await checks.step('owner account set up through POST /rest/owner/setup', () => setUpOwner(server, owner));

	const browser = await checks.step('headless Chromium starts (fresh profile)', () => openBrowser());
	try {
		await editorChecks(context, browser.page, server.url, owner, expected);
	} catch (error) {
		await browser.page.screenshot({ path: join(context.userFolder, 'e2e-failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		if (browser.pageErrors.length) console.log(`  ..    editor script errors: ${browser.pageErrors.slice(0, 5).join(' | ')}`);
		await browser.close();
		await server.process.stop();
	}
}

async function editorChecks(
	context: BrowserContext,
	page: Page,
	baseUrl: string,
	owner: Owner,
	expected: ExpectedJobs,
): Promise<void> {
	const { checks, emulator } = context;
	const firmwareId = emulator.firmwareIds.demo;
	const expectedCount = expected.items(firmwareId).length;
	mkdirSync(DOCS_DIR, { recursive: true });

	await checks.step('sign in through /signin', () => signIn(page, baseUrl, owner));
	await checks.step('open a new workflow', () => openNewWorkflow(page, baseUrl));

	// The codex aliases: n8n's search matches them besides the name.
	for (const alias of ['aliyun', 'firmware']) {
		await checks.check(`the node picker finds "Alibaba Cloud IoT" when searching "${alias}" (a codex alias)`, async () => {
			await searchNodePicker(page, alias);
			await docsScreenshot(page, join(DOCS_DIR, `node-picker-${alias}.png`));
		});
	}
	const entry = await checks.step('the node picker finds "Alibaba Cloud IoT" when searching "Alibaba"', () =>
		searchNodePicker(page, 'Alibaba'),
	);
	await checks.check("the picker shows the package's own icon, served by n8n", async () => {
		const icon = entry.locator(`img[src*="/icons/${PACKAGE_NAME}/"]`).first();
		await icon.waitFor();
		const src = (await icon.getAttribute('src')) ?? '';
		assert.match(src, /\.svg$/);
		const response = await page.request.get(new URL(src, baseUrl).toString());
		assert.equal(response.status(), 200);
		assert.match((await response.text()).slice(0, 300), /<svg/);
		const width = await icon.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth);
		assert.ok(width > 0, 'the icon did not render');
		await docsScreenshot(page, join(DOCS_DIR, 'node-picker.png'));
	});

	const ndv = await checks.step(`add the action "${ACTION_NAME}"`, () => addAction(page, entry));
	await checks.check('the node panel shows the node and operation labels', async () => {
		assert.match(await ndv.getByTestId('node-title-container').innerText(), new RegExp(ACTION_NAME, 'i'));
		assert.equal(await ndv.getByTestId('parameter-input-resource').locator('input').inputValue(), 'OTA Job');
		assert.equal(await ndv.getByTestId('parameter-input-operation').locator('input').inputValue(), 'List by Firmware');
	});
	await checks.check('the parameter labels read Credential, Resource, Operation, Firmware, Return All', async () => {
		const labels = (await ndv.getByTestId('node-parameters').locator('label').allInnerTexts()).map((text) => text.trim());
		for (const label of ['Credential', 'Resource', 'Operation', 'Firmware', 'Return All']) {
			assert.ok(labels.some((text) => text.startsWith(label)), `no "${label}" label in ${JSON.stringify(labels)}`);
		}
	});

	const modal = await checks.step('open the new-credential dialog from the node\'s credential slot', () => openNewCredential(page));
	await checks.check('the dialog shows the Temporary Credentials (STS) and Custom Endpoint toggles, off, without their fields', async () => {
		for (const toggle of ['temporaryCredentials', 'customEndpoint']) {
			await modal.getByTestId(`parameter-input-${toggle}`).locator('[role="switch"][aria-checked="false"]').waitFor({ state: 'attached' });
		}
		assert.equal(await showsField(modal, 'securityToken'), false, 'Security Token shown with its toggle off');
		assert.equal(await showsField(modal, 'endpoint'), false, 'Endpoint shown with its toggle off');
	});
	await checks.check('switching both on shows Security Token and Endpoint', async () => {
		await switchOn(modal, 'temporaryCredentials');
		await switchOn(modal, 'customEndpoint');
		await modal.getByTestId('parameter-input-securityToken').waitFor();
		await modal.getByTestId('parameter-input-endpoint').waitFor();
		// The dialog scrolls: bring both toggles and both fields into the picture.
		await modal.getByTestId('parameter-input-endpoint').scrollIntoViewIfNeeded();
		await docsScreenshot(page, join(DOCS_DIR, 'credential-toggles.png'));
	});
	await checks.check('switching Temporary Credentials (STS) off hides Security Token again', async () => {
		await switchOff(modal, 'temporaryCredentials');
		await modal.getByTestId('parameter-input-securityToken').waitFor({ state: 'detached' });
	});
	await checks.step('fill in AccessKey ID, Secret and Endpoint (Custom Endpoint on)', () =>
		fillCredential(page, { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, endpoint: emulator.url }),
	);
	// The editor shows a credential saved before the toggles existed in this same state: toggle off
	// (n8n fills a missing toggle with its default), the field filled but hidden.
	await checks.check('with Custom Endpoint off and an Endpoint filled in, a notice says it is not used', async () => {
		await switchOff(modal, 'customEndpoint');
		await modal.getByTestId('parameter-input-endpoint').waitFor({ state: 'detached' });
		await modal.getByText(/Endpoint is filled in but not used while Custom Endpoint is off/).waitFor();
		await switchOn(modal, 'customEndpoint');
		await modal.getByText(/Endpoint is filled in but not used/).waitFor({ state: 'detached' });
		assert.equal(await modal.getByTestId('parameter-input-endpoint').locator('input').inputValue(), emulator.url);
	});
	const before = Date.now();
	await checks.step('save the credential', () => saveCredential(page));
	const testCalls = async () =>
		(await emulator.requests()).filter(
			(request) => request.at >= before && isCredentialProbe(request),
		);
	const success = await checks.step('saving ran the credential test: "Connection tested successfully"', async () => {
		const banner = await reopenCredentialTestResult(page);
		assert.match(await banner.innerText(), /Connection tested successfully/);
		return banner;
	});
	await checks.check('the saved credential reads back with Custom Endpoint on and its Endpoint', async () => {
		await modal.getByTestId('parameter-input-customEndpoint').locator('[role="switch"][aria-checked="true"]').waitFor({ state: 'attached' });
		assert.equal(await modal.getByTestId('parameter-input-endpoint').locator('input').inputValue(), emulator.url);
	});
	const callsAfterSave = (await testCalls()).length;
	await checks.check("the save-time test's signed call reached the emulator", () => assert.ok(callsAfterSave >= 1));
	await checks.check('Retry (the Test button) tests again and passes', async () => {
		await retryCredentialTest(page, async () => (await testCalls()).length > callsAfterSave);
		assert.match(await success.innerText(), /Connection tested successfully/);
		for (const call of await testCalls()) {
			assert.equal(call.accessKeyId, emulator.accessKeyId);
			// The stand-in firmware does not exist: any answer but an authentication failure is a pass.
			assert.doesNotMatch(call.code ?? '', /Signature|AccessKey|Forbidden|Token/);
		}
		await docsScreenshot(page, join(DOCS_DIR, 'credential-test.png'));
	});
	await closeCredentialModal(page);

	await pickFirmwareFromList(checks, page, emulator, expected, firmwareId);
	await checks.step('switch on Return All', () => switchOn(page, 'returnAll'));
	await checks.check('Limit is hidden once Return All is on', async () => {
		await page.getByTestId('parameter-input-limit').waitFor({ state: 'detached' });
	});
	const credentialName = await checks.step('the credential slot names the new credential', async () => {
		const selected = await page.getByTestId('node-credentials-select').locator('input').inputValue();
		assert.match(selected, new RegExp(NODE_DISPLAY_NAME));
		await docsScreenshot(page, join(DOCS_DIR, 'node-panel.png'));
		return selected;
	});

	const output = await checks.step('"Execute step" runs the node', () => executeStep(page));
	await checks.check(`the output shows ${expectedCount} items, as a table with the job fields`, async () => {
		assert.equal((await output.getByTestId('run-data-item-count').innerText()).trim(), `${expectedCount} items`);
		await output.getByTestId('node-run-status-success').waitFor();
		await showOutputAs(output, 'table');
		const rows = await outputTableRows(output);
		assert.deepEqual(
			rows.map((row) => row.JobId),
			expected.items(firmwareId).map((job) => job.JobId),
		);
		for (const field of ['FirmwareId', 'JobId', 'JobStatus']) {
			assert.ok(field in rows[0], `no ${field} column in ${JSON.stringify(Object.keys(rows[0]))}`);
		}
		await docsScreenshot(page, join(DOCS_DIR, 'output.png'));
	});

	checks.section('Browser: the trigger\'s test event');
	await fetchTriggerTestEvent({ checks, page, baseUrl, emulator, expected, credentialName });

	checks.section('Browser: the CI pipeline on the canvas');
	await showPipelineOnCanvas(checks, page, baseUrl);
}
