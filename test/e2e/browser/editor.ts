// What a user does in n8n's editor, step by step, with the data-test-id selectors of n8n 2.41.
import type { Locator, Page } from 'playwright-core';

export const NODE_DISPLAY_NAME = 'Alibaba Cloud IoT';
export const ACTION_NAME = 'List OTA jobs by firmware';
export const TRIGGER_DISPLAY_NAME = 'Alibaba Cloud IoT Trigger';
/**
 * The picker lists a trigger's events as "On <event option's name>", and n8n 2.41 lower-cases the
 * name: our "OTA Job Created or Status Changed" reads "On ota job created or status changed".
 */
export const TRIGGER_EVENT = /^On OTA job created or status changed$/i;

export interface CredentialFields {
	accessKeyId: string;
	accessKeySecret: string;
	endpoint: string;
}

/** The node picker (opened if it is not), searched for `query`: returns our entry in the results. */
export async function searchNodePicker(page: Page, query: string): Promise<Locator> {
	const search = page.getByTestId('node-creator-search-bar');
	if (!(await search.isVisible())) await page.getByTestId('node-creator-plus-button').click();
	await search.fill(query);
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

/** The editor on a new, empty workflow (n8n 2.41 saves the one left behind on its own). */
export async function openNewWorkflow(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').waitFor();
}

/**
 * Opens our entry and picks the trigger's event; n8n adds the trigger alone and opens its panel.
 * Returns the event's label as the picker shows it.
 */
export async function addTrigger(page: Page, entry: Locator): Promise<{ ndv: Locator; eventLabel: string }> {
	await entry.click();
	// On an empty workflow the picker opens our entry on its triggers, unfolded.
	const name = page.getByTestId('node-creator-item-name').filter({ hasText: TRIGGER_EVENT });
	await name.waitFor();
	const eventLabel = (await name.innerText()).trim();
	await name.click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return { ndv, eventLabel };
}

export function credentialModal(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** Opens the new-credential dialog from the node's empty credential slot. */
export async function openNewCredential(page: Page): Promise<Locator> {
	await page.getByTestId('node-credentials-slot').getByTestId('node-credentials-empty-state').click();
	const modal = credentialModal(page);
	await modal.getByTestId('parameter-input-accessKeyId').waitFor();
	return modal;
}

/** Whether the dialog shows the field (a field hidden by its display options is not in the DOM). */
export async function showsField(modal: Locator, name: string): Promise<boolean> {
	return (await modal.getByTestId(`parameter-input-${name}`).count()) > 0;
}

/** Fills in the open credential dialog, the endpoint behind its Custom Endpoint toggle. */
export async function fillCredential(page: Page, fields: CredentialFields): Promise<void> {
	const modal = credentialModal(page);
	await modal.getByTestId('parameter-input-accessKeyId').locator('input').fill(fields.accessKeyId);
	await modal.getByTestId('parameter-input-accessKeySecret').locator('input').fill(fields.accessKeySecret);
	await switchOn(modal, 'customEndpoint');
	await modal.getByTestId('parameter-input-endpoint').locator('input').fill(fields.endpoint);
}

/** Saves the open credential dialog; n8n tests the credential on save. */
export async function saveCredential(page: Page): Promise<void> {
	await credentialModal(page).getByTestId('credential-save-button').click();
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

/** The entries of the Firmware field's "From List" dropdown (teleported to the page's body). */
function firmwareListItems(page: Page): Locator {
	return page.getByTestId('rlc-item');
}

/** The node's Firmware field; on the trigger, one per watched firmware (`index` picks it). */
export function firmwareField(page: Page, index = 0): Locator {
	return page.getByTestId('resource-locator-firmwareId').nth(index);
}

/** Opens the Firmware field's dropdown (its default mode, "From List") once n8n has the node's answer. */
export async function openFirmwareList(page: Page, field: Locator = firmwareField(page)): Promise<string[]> {
	await field.getByTestId('rlc-input').click();
	return await waitForFirmwareList(page, (names) => names.length > 0, 'the Firmware list stayed empty');
}

/**
 * Types into the dropdown's search box. n8n asks the node again (debounced) and shows loading rows
 * meanwhile, so this waits until every entry listed contains the text.
 */
export async function searchFirmwareList(page: Page, text: string): Promise<string[]> {
	await page.getByTestId('rlc-search').fill(text);
	const needle = text.toLowerCase();
	return await waitForFirmwareList(
		page,
		(names) => names.length > 0 && names.every((name) => name.toLowerCase().includes(needle)),
		`the Firmware list was not narrowed to entries containing "${text}"`,
	);
}

/** Clicks the entry; the dropdown closes and the field shows the entry's name, which is returned. */
export async function pickFirmware(page: Page, name: string, field: Locator = firmwareField(page)): Promise<string> {
	await firmwareListItems(page).getByText(name, { exact: true }).click();
	await firmwareListItems(page).first().waitFor({ state: 'detached' });
	return await field.getByTestId('rlc-input').inputValue();
}

async function waitForFirmwareList(page: Page, done: (names: string[]) => boolean, message: string): Promise<string[]> {
	let names: string[] = [];
	await waitUntil(
		async () => done((names = (await firmwareListItems(page).allInnerTexts()).map((name) => name.trim()))),
		30_000,
		() => `${message}: ${JSON.stringify(names)}`,
	);
	return names;
}

export async function fillParameter(page: Page, parameterName: string, value: string): Promise<void> {
	await page.getByTestId(`parameter-input-${parameterName}`).locator('input').fill(value);
}

export async function switchOn(scope: Page | Locator, parameterName: string): Promise<void> {
	await setSwitch(scope, parameterName, true);
}

export async function switchOff(scope: Page | Locator, parameterName: string): Promise<void> {
	await setSwitch(scope, parameterName, false);
}

async function setSwitch(scope: Page | Locator, parameterName: string, on: boolean): Promise<void> {
	const toggle = scope.getByTestId(`parameter-input-${parameterName}`);
	const state = (checked: boolean) => toggle.locator(`[role="switch"][aria-checked="${checked}"]`);
	await state(!on).or(state(on)).first().waitFor({ state: 'attached' });
	if ((await state(on).count()) > 0) return;
	await toggle.click();
	await state(on).waitFor({ state: 'attached' });
}

/**
 * The node panel's run button ("Execute step"; "Fetch Test Event" on a polling trigger), then the
 * output panel once it shows an item count.
 */
export async function executeStep(page: Page): Promise<Locator> {
	await page.getByTestId('node-execute-button').click();
	const output = page.getByTestId('output-panel');
	await output.getByTestId('run-data-item-count').waitFor({ timeout: 60_000 });
	return output;
}

/** n8n remembers the display mode last chosen, so a check that reads the output picks its own. */
export async function showOutputAs(output: Locator, mode: 'table' | 'json'): Promise<void> {
	const button = output.getByTestId(`radio-button-${mode}`);
	await button.click();
	await output.locator(`[data-test-id="radio-button-${mode}"][aria-checked="true"]`).waitFor();
}

/** The output's table as one record per row, keyed by column header. */
export async function outputTableRows(output: Locator): Promise<Array<Record<string, string>>> {
	const table = output.getByTestId('ndv-data-container').locator('table');
	await table.waitFor();
	const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
	const rows: Array<Record<string, string>> = [];
	for (const row of await table.locator('tbody > tr').all()) {
		const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
		rows.push(Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ''])));
	}
	return rows;
}

/** The items as the JSON view prints them (indented with no-break spaces), parsed. */
export async function outputJson(output: Locator): Promise<unknown> {
	await showOutputAs(output, 'json');
	const container = output.getByTestId('ndv-data-container');
	let parsed: unknown;
	let text = '';
	await waitUntil(
		async () => {
			text = (await container.innerText()).replace(/\u00a0/g, ' ');
			try {
				parsed = JSON.parse(text);
				return true;
			} catch {
				return false;
			}
		},
		10_000,
		() => `the JSON view never showed valid JSON: ${text.slice(0, 300)}`,
	);
	return parsed;
}

async function waitUntil(
	condition: () => Promise<boolean>,
	timeoutMs: number,
	message: string | (() => string),
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(typeof message === 'string' ? message : message());
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
		// A dropdown that has just opened fades in: wait for the finite animations and transitions
		// running now (a paused one would never finish, hence the cap).
		await page.evaluate(async () => {
			const { document } = globalThis as unknown as { document: AnimatedDocument };
			const running = document
				.getAnimations()
				.filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
			const finished = Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
			await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 3_000))]);
		});
		await page.screenshot({ path });
	} finally {
		await style.evaluate((element) => (element as unknown as { remove(): void }).remove());
	}
}

/** The part of the DOM's Document that docsScreenshot uses (this project compiles without the DOM types). */
interface AnimatedDocument {
	getAnimations(): Array<{
		playState: string;
		effect: { getComputedTiming(): { iterations?: number } } | null;
		finished: Promise<unknown>;
	}>;
}
