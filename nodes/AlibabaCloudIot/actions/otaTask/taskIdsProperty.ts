import type { INodeProperties } from 'n8n-workflow';

export function taskIdsProperty(description: string): INodeProperties {
	return {
		displayName: 'Task IDs',
		name: 'taskIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. y4tOuhbQrgyBHxk2dNBm0300, ...',
		description,
	};
}
