// The Alibaba Cloud IoT Trigger in the editor, as a user tries it before publishing a workflow:
// added from the node picker to a new workflow, two firmwares picked from the list, "Fetch Test Event".
// n8n then runs the trigger's poll in manual mode, which answers with one sample item: the newest
// job of the watched firmwares. `n8n execute` cannot do this (it needs a Manual Trigger to start
// from), so the browser is where it is proven. Saves docs/trigger-firmware-picker.png and
// docs/trigger-test-event.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { LIST_OTA_JOB_MAX_PAGE_SIZE } from '../../../tools/emulator';
import type { Checks } from '../checks';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { DOCS_DIR, PACKAGE_NAME } from '../../../tools/n8n/paths';
import type { ExpectedJobs } from '../runData';
import {
	addTrigger,
	docsScreenshot,
	executeStep,
	firmwareField,
	openFirmwareList,
	openNewWorkflow,
	outputJson,
	outputTableRows,
	pickFirmware,
	searchNodePicker,
	showOutputAs,
	TRIGGER_DISPLAY_NAME,
} from './editor';

export interface TriggerRun {
	checks: Checks;
	page: Page;
	baseUrl: string;
	emulator: EmulatorProcess;
	expected: ExpectedJobs;
	/** The credential created earlier in the editor: n8n preselects the only one of its type. */
	credentialName: string;
}

/** The Firmwares list's add button (a fixed collection with one kind of entry). */
function addFirmwareButton(page: Page) {
	return page.getByTestId('ndv').getByRole('button', { name: 'Add Firmware' }).first();
}

export async function fetchTriggerTestEvent(run: TriggerRun): Promise<void> {
	const { checks, page, emulator, expected } = run;
	// The demo firmware first: the newest job is the other one's, so the sample has to look at both.
	const firmwareIds = [emulator.firmwareIds.demo, emulator.firmwareIds.pages];
	const newest = expected.newestJob(firmwareIds);
	assert.notEqual(newest.FirmwareId, firmwareIds[0]);

	await checks.step('open another new workflow', () => openNewWorkflow(page, run.baseUrl));
	const entry = await checks.step('the node picker finds "Alibaba Cloud IoT" again', () => searchNodePicker(page, 'Alibaba'));
	const { ndv, eventLabel } = await checks.step('pick its trigger event in the Triggers list', () => addTrigger(page, entry));
	console.log(`  ..    the picker names the event "${eventLabel}"`);
	await checks.check(`the panel is "${TRIGGER_DISPLAY_NAME}", with the package's icon`, async () => {
		assert.equal((await ndv.getByTestId('node-title-container').innerText()).trim(), TRIGGER_DISPLAY_NAME);
		const icon = ndv.locator(`img[src*="/icons/${PACKAGE_NAME}/"]`).first();
		await icon.waitFor();
		const width = await icon.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth);
		assert.ok(width > 0, 'the icon did not render');
	});
	await checks.check(`the credential slot holds the existing credential ("${run.credentialName}")`, async () => {
		assert.equal(await page.getByTestId('node-credentials-select').locator('input').inputValue(), run.credentialName);
	});
	await checks.check('a new trigger shows the Firmwares list, not the old comma-separated field', async () => {
		await addFirmwareButton(page).waitFor();
		assert.equal(await page.getByTestId('parameter-input-firmwareIds').count(), 0);
	});
	const entries = expected.firmwareEntries();
	for (const [index, firmwareId] of firmwareIds.entries()) {
		const entry = entries.find((candidate) => candidate.firmwareId === firmwareId);
		assert.ok(entry, `${firmwareId} is not among the firmwares the picker should list`);
		await checks.check(`"Add Firmware", then pick "${entry.name}" from its list`, async () => {
			await addFirmwareButton(page).click();
			const field = firmwareField(page, index);
			await field.waitFor();
			const listed = await openFirmwareList(page, field);
			assert.deepEqual(listed, entries.map((candidate) => candidate.name));
			if (index === firmwareIds.length - 1) await docsScreenshot(page, join(DOCS_DIR, 'trigger-firmware-picker.png'));
			assert.equal(await pickFirmware(page, entry.name, field), entry.name);
		});
	}
	await checks.check('the run button reads "Fetch Test Event"', async () => {
		assert.equal((await page.getByTestId('node-execute-button').innerText()).trim(), 'Fetch Test Event');
	});

	const before = Date.now();
	const output = await checks.step('"Fetch Test Event" runs the trigger in manual mode', () => executeStep(page));
	await checks.check(`the output is 1 item: the newest job of both firmwares (${String(newest.JobId)})`, async () => {
		assert.equal((await output.getByTestId('run-data-item-count').innerText()).trim(), '1 item');
		await output.getByTestId('node-run-status-success').waitFor();
		await showOutputAs(output, 'table');
		const rows = await outputTableRows(output);
		assert.equal(rows.length, 1);
		const [row] = rows;
		for (const column of ['FirmwareId', 'JobId', 'JobStatus', 'Event', 'PreviousJobStatus']) {
			assert.ok(column in row, `no ${column} column in ${JSON.stringify(Object.keys(row))}`);
		}
		assert.equal(row.FirmwareId, newest.FirmwareId);
		assert.equal(row.JobId, newest.JobId);
		assert.equal(row.Event, 'created');
		assert.equal(row.PreviousJobStatus, 'null');
	});
	await checks.check("in the JSON view the item is the emulator's job plus Event: created, PreviousJobStatus: null", async () => {
		assert.deepEqual(await outputJson(output), [{ ...newest, Event: 'created', PreviousJobStatus: null }]);
		await docsScreenshot(page, join(DOCS_DIR, 'trigger-test-event.png'));
	});
	await checks.check('the sample cost page 1 of each firmware, and its last page when it has more than one', async () => {
		const calls = (await emulator.requests()).filter((request) => request.at >= before);
		const pageSize = LIST_OTA_JOB_MAX_PAGE_SIZE;
		const expectedCalls = firmwareIds.flatMap((firmwareId) => {
			const lastPage = Math.ceil(expected.items(firmwareId).length / pageSize);
			return [1, ...(lastPage > 1 ? [lastPage] : [])].map((page) => ['ListOTAJobByFirmware', firmwareId, String(page), String(pageSize), 200]);
		});
		assert.deepEqual(
			calls.map((call) => [call.action, call.params.FirmwareId, call.params.CurrentPage, call.params.PageSize, call.httpStatus]),
			expectedCalls,
		);
	});
}
