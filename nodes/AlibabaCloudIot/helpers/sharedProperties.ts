import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationError } from './nodeErrors';
import { readRequestOptions, REQUEST_OPTIONS, type RequestOptions } from './requestOptions';

type DisplayOptions = INodeProperties['displayOptions'];

/** An option of every operation and the trigger: which IoT Platform instance to talk to. */
export const IOT_INSTANCE_ID_OPTION: INodeProperties = {
	displayName: 'IoT Instance ID',
	name: 'iotInstanceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. iot-cn-0pp1n8t****',
	description:
		'ID of the IoT Platform instance the firmware belongs to. Required for Enterprise instances and newer public instances; leave empty for an old public instance.',
};

/** An empty instance ID means the public instance, where the API wants no parameter at all. */
export function iotInstanceIdOf(options: IDataObject | undefined): string | undefined {
	const value = options?.iotInstanceId;
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The Options collection of every operation: the operation's own options first, then the instance
 * and how requests are sent and retried.
 */
export function operationOptions(displayOptions: DisplayOptions, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...own, IOT_INSTANCE_ID_OPTION, ...REQUEST_OPTIONS],
	};
}

/** The Options of one input item, checked. */
export function readOperationOptions(
	context: IExecuteFunctions,
	itemIndex: number,
): { iotInstanceId?: string; callOptions: RequestOptions } {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { iotInstanceId: iotInstanceIdOf(options), callOptions: readRequestOptions(context, itemIndex, options) };
}

/** A "Filters" collection, as n8n's list operations have it. */
export function filtersCollection(
	description: string,
	displayOptions: DisplayOptions,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description,
		displayOptions,
		options,
	};
}

/** An OTA job (batch), by its JobId. */
export function jobIdProperty(description: string, displayOptions: DisplayOptions): INodeProperties {
	return {
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. wahVIzGkCMuAUE2gDERM02****',
		description,
		displayOptions,
	};
}

/** A product, by its ProductKey: required by the writes that name one. */
export function productKeyProperty(description: string, displayOptions: DisplayOptions): INodeProperties {
	return {
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. a1Le6d0****',
		description,
		displayOptions,
	};
}

/** The JobId of one input item, required. */
export function readJobId(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(context, itemIndex, 'jobId', 'Job ID', 'enter the ID of an OTA job (its JobId)');
}

/** A firmware, picked from the searchable list (ListOTAFirmware) or given by ID. */
export function firmwareLocator(
	fields: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & { displayOptions?: DisplayOptions },
): INodeProperties {
	return {
		...fields,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a firmware...',
				typeOptions: { searchListMethod: 'searchFirmwares', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. FJFx8JzpnhpIsKftRjjm03****',
			},
		],
	};
}

/** Return All and Limit, as n8n's list operations have them. */
export function returnAllAndLimit(displayOptions: { show: Record<string, string[]> }): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
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
