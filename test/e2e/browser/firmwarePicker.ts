// The Firmware field in its default mode, "From List": n8n asks the node's searchFirmwares (which
// reads ListOTAFirmware) for the entries, asks again as the user types, and keeps the picked
// firmware's ID. Checked against the emulator's own fixtures; saves docs/firmware-picker.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { Checks } from '../checks';
import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { DOCS_DIR } from '../../../tools/n8n/paths';
import type { ExpectedJobs } from '../runData';
import { docsScreenshot, openFirmwareList, pickFirmware, searchFirmwareList } from './editor';

/**
 * Part of the demo firmware's name ("Meter firmware 1.2.0"), and of other firmwares' names, not
 * of the Street Light ones'. The node matches the text against a firmware's name, ID, versions and
 * product; for this text a match there is a match in the entry's name, so the test can tell.
 */
const SEARCH_TEXT = 'Meter firmware';

export async function pickFirmwareFromList(
	checks: Checks,
	page: Page,
	emulator: EmulatorProcess,
	expected: ExpectedJobs,
	firmwareId: string,
): Promise<void> {
	const entries = expected.firmwareEntries();
	const names = entries.map((entry) => entry.name);
	const demo = entries.find((entry) => entry.firmwareId === firmwareId);
	assert.ok(demo, `${firmwareId} is not among the firmwares the picker should list`);
	const matching = names.filter((name) => name.toLowerCase().includes(SEARCH_TEXT.toLowerCase()));

	const before = Date.now();
	const listed = await checks.step('open the Firmware list (the field\'s default mode, "From List")', () => openFirmwareList(page));
	await checks.check(`it lists the emulator's ${names.length} firmwares, newest first, as "name → version (product)"`, async () => {
		assert.deepEqual(listed, names);
		await docsScreenshot(page, join(DOCS_DIR, 'firmware-picker.png'));
	});
	await checks.check('the entries came from signed ListOTAFirmware calls to the emulator', async () => {
		const calls = (await emulator.requests()).filter((request) => request.at >= before && request.action === 'ListOTAFirmware');
		assert.ok(calls.length >= 1, 'no ListOTAFirmware request reached the emulator');
		for (const call of calls) {
			assert.equal(call.httpStatus, 200, `a request answered ${call.httpStatus} ${call.code ?? ''}`);
			assert.equal(call.accessKeyId, emulator.accessKeyId);
		}
	});
	await checks.check(`typing "${SEARCH_TEXT}" narrows the list to the ${matching.length} firmwares it matches`, async () => {
		assert.ok(matching.includes(demo.name) && matching.length < names.length, 'the search text does not tell firmwares apart');
		assert.deepEqual(await searchFirmwareList(page, SEARCH_TEXT), matching);
	});
	await checks.step(`pick "${demo.name}": the field shows its name`, async () => {
		assert.equal(await pickFirmware(page, demo.name), demo.name);
	});
}
