import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from '../helpers/perItem';

/** One operation of a resource: its entry in the Operation list, its parameters and its execute. */
export interface OperationEntry {
	option: INodePropertyOptions & { value: string; action: string };
	module: { description: INodeProperties[]; execute: OperationExecute };
}

/**
 * A resource's Operation parameter, its operations' parameters and its router table, all from one
 * list: an operation is added in one place, and the saved values cannot drift apart.
 */
export function operationTable(resource: string, entries: OperationEntry[], defaultOperation: string) {
	const sorted = [...entries].sort((a, b) => a.option.name.localeCompare(b.option.name));
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: sorted.map((entry) => entry.option),
		default: defaultOperation,
	};
	return {
		description: [operationProperty, ...entries.flatMap((entry) => entry.module.description)],
		executes: Object.fromEntries(entries.map((entry) => [entry.option.value, entry.module.execute])) as Record<string, OperationExecute>,
	};
}
