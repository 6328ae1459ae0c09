import type { INodeProperties, IPollFunctions } from 'n8n-workflow';

import { firmwareLocator } from '../helpers/properties/identifiers';

/** The firmwares to watch, each picked from the searchable list (or given by ID or expression). */
export const WATCHED_FIRMWARES_PROPERTY: INodeProperties = {
	displayName: 'Firmwares',
	name: 'firmwares',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Firmware',
	default: {},
	description: 'The firmwares whose OTA jobs to watch',
	options: [
		{
			displayName: 'Firmware',
			name: 'firmware',
			values: [firmwareLocator({ displayName: 'Firmware', name: 'firmwareId', description: 'A firmware whose OTA jobs to watch' })],
		},
	],
};

/**
 * Version 0.1 took the firmwares as comma-separated text under this saved name. n8n drops a saved
 * string when a parameter becomes a collection (NodeHelpers.getNodeParameters), so the text field
 * stays as it was, shown only while it holds something: old workflows open and run unchanged.
 */
export const LEGACY_FIRMWARE_IDS_PROPERTY: INodeProperties = {
	displayName: 'Firmware IDs (Comma-Separated)',
	name: 'firmwareIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. FJFx8JzpnhpIsKftRjjm03****, UfuxnwygsuSkVE0VCN****0100',
	description: 'Firmware IDs separated by commas, as earlier versions of this node took them; watched together with Firmwares',
	hint: 'Saved by an earlier version of this node: these firmwares are still watched. To pick them from the list instead, add them under Firmwares and clear this field.',
	// Shown only while it holds something (n8n reads a missing value as undefined, which does not exist).
	displayOptions: { show: { firmwareIds: [{ _cnd: { exists: true } }] } },
};

/** Every watched firmware ID, each once: the picked ones, then the ones of the legacy text field. */
export function readWatchedFirmwareIds(context: IPollFunctions): string[] {
	const picked = context.getNodeParameter('firmwares', {}) as { firmware?: Array<{ firmwareId?: unknown }> };
	const legacy = context.getNodeParameter('firmwareIds', '');
	const values = [...(picked.firmware ?? []).map((entry) => entry.firmwareId), legacy];
	return [...new Set(values.flatMap(idsIn))];
}

/** A resource locator's value, or text; an expression may give several IDs, separated by commas. */
function idsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(idsIn);
	const text = typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
	if (typeof text !== 'string' && typeof text !== 'number') return [];
	return String(text)
		.split(/[\s,]+/)
		.filter(Boolean);
}
