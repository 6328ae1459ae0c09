import type { IotAnswer } from '../transport/popRequest';

/**
 * Alibaba wraps each array in an object named after its element (`Data.SimpleOTAJobInfo[]`,
 * `Tags.OtaTagDTO[]`); an empty one may have no wrapper at all, and a one-element list may come
 * unwrapped. Copies each element onto a plain object: json-bigint's have a null prototype.
 */
export function unwrapList(wrapper: unknown, elementName: string): Record<string, unknown>[] {
	const list = Array.isArray(wrapper) ? wrapper : (wrapper as Record<string, unknown> | undefined)?.[elementName];
	return asArray(list).map((element) => ({ ...(element as Record<string, unknown>) }));
}

/** A wrapped list of plain values, such as QueryOTAJob's `SrcVersions: { SrcVersion: ["1.0.0"] }`. */
export function unwrapValues(wrapper: unknown, elementName: string): unknown[] {
	return asArray(Array.isArray(wrapper) ? wrapper : (wrapper as Record<string, unknown> | undefined)?.[elementName]);
}

function asArray(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

/** A list answer's `Total`, 0 when it is missing or not a number. */
export function totalOf(answer: IotAnswer): number {
	const total = Number(answer.Total);
	return Number.isFinite(total) ? total : 0;
}
