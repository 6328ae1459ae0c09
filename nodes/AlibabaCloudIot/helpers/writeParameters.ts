import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationError } from './nodeErrors';

/**
 * Readers for the write operations' values. Each checks a value before any request is sent and
 * fails with the field, the item and the rule (docs/alibaba-api.md gives each rule's source).
 */

/** Names separated by commas, or an array from an expression; trimmed, blanks and repeats dropped. */
export function namesOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map((name) => String(name ?? '')) : String(value ?? '').split(',');
	return [...new Set(list.map((name) => name.trim()).filter(Boolean))];
}

/** A list parameter of one item with a count rule: between `min` and `max` names. */
export function readNameList(
	context: IExecuteFunctions,
	itemIndex: number,
	field: { name: string; label: string; min: number; max?: number; rule?: string },
	from: IDataObject | undefined = undefined,
): string[] {
	const raw = from ? from[field.name] : context.getNodeParameter(field.name, itemIndex, '');
	const names = namesOf(raw);
	if (names.length < field.min) {
		throw invalid(context, itemIndex, `${field.label} is empty (item ${itemIndex}): enter at least ${field.min === 1 ? 'one name' : `${field.min} names`}, separated by commas, or an array from an expression`);
	}
	if (field.max !== undefined && names.length > field.max) {
		throw invalid(context, itemIndex, `${field.label} has ${names.length} entries (item ${itemIndex}): at most ${field.max} ${field.rule ?? 'are allowed'}`);
	}
	return names;
}

/** A whole number within bounds, or one of a few allowed values; undefined when not set. */
export function checkedInteger(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: { label: string; min?: number; max?: number; oneOf?: number[] },
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	const inRange =
		Number.isInteger(number) &&
		(field.min === undefined || number >= field.min) &&
		(field.max === undefined || number <= field.max) &&
		(field.oneOf === undefined || field.oneOf.includes(number));
	if (!inRange) {
		const rule = field.oneOf
			? `one of ${field.oneOf.join(', ')}`
			: `a whole number from ${field.min ?? '-∞'} to ${field.max ?? '∞'}`;
		throw invalid(context, itemIndex, `${field.label} must be ${rule} (item ${itemIndex}), got "${String(value)}"`);
	}
	return number;
}

/**
 * A time as Alibaba's epoch milliseconds, from what n8n's date fields and expressions give: an ISO
 * text, a Luxon DateTime or a JS Date, or a number of milliseconds. Undefined when not set.
 */
export function epochMillisOf(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let millis: number;
	if (typeof value === 'number') millis = value;
	else if (value instanceof Date) millis = value.getTime();
	else if (typeof (value as { toMillis?: unknown }).toMillis === 'function') millis = (value as { toMillis: () => number }).toMillis();
	else if (/^\d{13}$/.test(String(value).trim())) millis = Number(String(value).trim());
	else millis = Date.parse(String(value));
	if (!Number.isFinite(millis)) {
		throw invalid(context, itemIndex, `${label} is not a time (item ${itemIndex}): "${String(value)}"; use a date, an ISO 8601 text or epoch milliseconds`);
	}
	return Math.trunc(millis);
}

export function invalid(context: IExecuteFunctions, itemIndex: number, message: string, description?: string): Error {
	return operationError(context.getNode(), message, itemIndex, description);
}
