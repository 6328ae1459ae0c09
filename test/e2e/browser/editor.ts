// What a user does in n8n's editor, step by step, with the data-test-id selectors of n8n 2.41.
import type { Locator, Page } from 'playwright-core';

export const NODE_DISPLAY_NAME = 'Alibaba Cloud IoT';
export const ACTION_NAME = 'List OTA jobs by firmware';

export interface CredentialFields {
	accessKeyId: string;
	accessKeySecret: string;
	endpoint: string;
}

/** The node picker, searched for "Alibaba": returns our entry in the results. */
export async function searchNodePicker(page: Page, query: string): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	const entry = page.getByTestId('item-iterator-item').filter({
		has: page.getByTestId('node-creator-item-name').getByText(NODE_DISPLAY_NAME, { exact: true }),
	});
	await entry.waitFor();
	return entry;
}

/** Opens our entry and picks the action; n8n adds a Manual Trigger before it and opens its panel. */
export async function addAction(page: Page, entry: Locator): Promise<Locator> {
	await entry.click();
	const actions = page.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ });
	await actions.waitFor();
	const action = page.getByTestId('item-iterator-item').filter({ hasText: ACTION_NAME });
	// With a trigger node in the same package, the picker opens on the triggers and folds the actions.
	if (!(await action.isVisible())) await actions.click();
	await action.click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

export function credentialModal(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** Creates a credential from the node's empty credential slot and saves it (n8n tests it on save). */
export async function createCredential(page: Page, fields: CredentialFields): Promise<void> {
	await page.getByTestId('node-credentials-slot').getByTestId('node-credentials-empty-state').click();
	const modal = credentialModal(page);
	await modal.getByTestId('parameter-input-accessKeyId').locator('input').fill(fields.accessKeyId);
	await modal.getByTestId('parameter-input-accessKeySecret').locator('input').fill(fields.accessKeySecret);
	await modal.getByTestId('parameter-input-endpoint').locator('input').fill(fields.endpoint);
	await modal.getByTestId('credential-save-button').click();
}

/**
 * The credential's test result banner. n8n 2.41 closes the dialog after creating a credential that
 * tested fine; then this reopens it, where it shows the result of the save-time test.
 */
export async function reopenCredentialTestResult(page: Page): Promise<Locator> {
	const modal = credentialModal(page);
	const success = modal.getByTestId('credentials-config-container-test-success');
	await success.or(page.getByTestId('node-credentials-select')).first().waitFor();
	if (!(await success.isVisible())) {
		await modal.waitFor({ state: 'hidden' });
		await page.getByTestId('credential-edit-button').click();
	}
	await success.waitFor({ state: 'visible' });
	return success;
}

/** Presses the banner's Retry (the credential's Test button) and waits until the test has finished. */
export async function retryCredentialTest(page: Page, testFinished: () => Promise<boolean>): Promise<void> {
	const retry = credentialModal(page).getByTitle('Retry credential test');
	await retry.click();
	await waitUntil(testFinished, 30_000, 'the credential test did not reach the API');
	// The button shows n8n's spinner until the editor has the test's answer.
	await retry.locator('.n8n-spinner').waitFor({ state: 'detached' });
}

export async function closeCredentialModal(page: Page): Promise<void> {
	const modal = credentialModal(page);
	await modal.getByRole('button', { name: 'Close this dialog' }).click();
	await modal.waitFor({ state: 'hidden' });
}

export async function setFirmwareById(page: Page, firmwareId: string): Promise<void> {
	const locator = page.getByTestId('resource-locator-firmwareId');
	await locator.getByTestId('rlc-mode-selector').click();
	await page.getByTestId('mode-id').click();
	await locator.getByTestId('rlc-input').fill(firmwareId);
}

export async function switchOn(page: Page, parameterName: string): Promise<void> {
	const toggle = page.getByTestId(`parameter-input-${parameterName}`);
	await toggle.click();
	await toggle.locator('[role="switch"][aria-checked="true"]').waitFor({ state: 'attached' });
}

/** "Execute step", then the output panel once it shows an item count. */
export async function executeStep(page: Page): Promise<Locator> {
	await page.getByTestId('node-execute-button').click();
	const output = page.getByTestId('output-panel');
	await output.getByTestId('run-data-item-count').waitFor({ timeout: 60_000 });
	return output;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(message);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** A screenshot for the docs: no hover effect, n8n's toasts ("Credential successfully created"...) hidden. */
export async function docsScreenshot(page: Page, path: string): Promise<void> {
	await page.mouse.move(1, 1);
	const focused = page.locator(':focus');
	if ((await focused.count()) > 0) await focused.first().blur();
	const style = await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
	try {
		await page.screenshot({ path });
	} finally {
		await style.evaluate((element) => (element as unknown as { remove(): void }).remove());
	}
}
