// Firmwares from a JSON file (`--fixtures FILE`), e.g. what the live check recorded: an array of
// FirmwareSpec, or `{ "firmwares": [...] }`. Checked here so a bad file fails naming the entry and field.
import { readFileSync } from 'node:fs';

import type { FirmwareSpec } from './types';

export function parseFixtures(text: string, source = 'fixtures'): FirmwareSpec[] {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new Error(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	const list = Array.isArray(value) ? value : (value as { firmwares?: unknown } | null)?.firmwares;
	if (!Array.isArray(list)) throw new Error(`${source} must be an array of firmwares or {"firmwares": [...]}`);
	list.forEach((entry: unknown, index) => {
		const where = `${source} entry ${index}`;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where} must be an object`);
		const spec = entry as Record<string, unknown>;
		if (typeof spec.firmwareId !== 'string' || spec.firmwareId === '') throw new Error(`${where}: "firmwareId" must be a non-empty string`);
		if (spec.jobs !== undefined && !Array.isArray(spec.jobs)) throw new Error(`${where}: "jobs" must be an array`);
	});
	return list as FirmwareSpec[];
}

export function loadFixtureFile(path: string): FirmwareSpec[] {
	return parseFixtures(readFileSync(path, 'utf8'), path);
}
