import type { IRun } from 'n8n-workflow';

/**
 * JSON of a run for "the secret appears nowhere" assertions. Stricter than plain JSON.stringify:
 * an Error nested anywhere (say an SDK error kept as `cause`) has its non-enumerable message and
 * stack spelled out instead of vanishing as `{}`, and circular references do not throw.
 */
export function serializeRun(run: IRun): string {
	// JSON.stringify walks depth-first and calls the replacer with the holder as `this`; the chain
	// of holders above the current value tells a cycle from a mere shared reference.
	const holders: unknown[] = [];
	const originals: unknown[] = [];
	return JSON.stringify(run, function (this: unknown, _key: string, value: unknown) {
		if (typeof value !== 'object' || value === null) return value;
		while (holders.length > 0 && holders[holders.length - 1] !== this) {
			holders.pop();
			originals.pop();
		}
		if (originals.includes(value)) return '[Circular]';
		const output =
			value instanceof Error
				? { ...value, name: value.name, message: value.message, stack: value.stack }
				: value;
		holders.push(output);
		originals.push(value);
		return output;
	});
}
