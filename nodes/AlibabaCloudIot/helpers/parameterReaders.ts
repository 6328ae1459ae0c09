import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationError } from './nodeErrors';
import { readRequestOptions, type RequestOptions } from './requestOptions';

// Reading the parameters at execution, per item: each reader checks its value and fails with the
// field, the item and the rule before anything is sent. The descriptions are in properties/.

/** An empty instance ID means the public instance, where the API wants no parameter at all. */
export function iotInstanceIdOf(options: IDataObject | undefined): string | undefined {
	const value = options?.iotInstanceId;
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The Options of one input item, checked. */
export function readOperationOptions(
	context: IExecuteFunctions,
	itemIndex: number,
): { iotInstanceId?: string; callOptions: RequestOptions } {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { iotInstanceId: iotInstanceIdOf(options), callOptions: readRequestOptions(context, itemIndex, options) };
}

/** The JobId of one input item, required. */
export function readJobId(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(context, itemIndex, 'jobId', 'Job ID', 'enter the ID of an OTA job (its JobId)');
}

/** The item's limit, or undefined for Return All. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	// n8n fills in the description's default when the parameter is not set.
	const limit = Number(context.getNodeParameter('limit', itemIndex));
	if (!Number.isInteger(limit) || limit < 1) {
		throw operationError(
			context.getNode(),
			`Limit must be a whole number of at least 1 (item ${itemIndex}), got "${String(limit)}"`,
			itemIndex,
		);
	}
	return limit;
}

/** A required text parameter of one item, trimmed; empty is an error naming the field and the item. */
export function readRequiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	whatToEnter: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) {
		throw operationError(
			context.getNode(),
			`${label} is empty (item ${itemIndex}): ${whatToEnter}`,
			itemIndex,
			`An expression such as {{ $json.${name} }} may have resolved to nothing for this item.`,
		);
	}
	return value;
}
