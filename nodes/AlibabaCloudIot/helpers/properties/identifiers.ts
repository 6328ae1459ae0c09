import type { INodeProperties } from 'n8n-workflow';

/** An OTA job (batch), by its JobId. */
export function jobIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. wahVIzGkCMuAUE2gDERM02****',
		description,
	};
}

/** A product, by its ProductKey: required by the writes that name one. */
export function productKeyProperty(description: string): INodeProperties {
	return {
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. a1Le6d0****',
		description,
	};
}

/** Devices of one product, by their DeviceNames: a list the operation reads with readNameList. */
export function deviceNamesProperty(description: string): INodeProperties {
	return {
		displayName: 'Device Names',
		name: 'deviceNames',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. device1, device2',
		description,
	};
}

/** A firmware, picked from the searchable list (ListOTAFirmware) or given by ID. */
export function firmwareLocator(fields: Pick<INodeProperties, 'displayName' | 'name' | 'description'>): INodeProperties {
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
