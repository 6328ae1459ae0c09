import type { INodeProperties } from 'n8n-workflow';

import * as cancelByJob from './cancelByJob.operation';
import * as listByJob from './listByJob.operation';

export { cancelByJob, listByJob };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otaTask'] } },
		options: [
			{
				name: 'Cancel by Job',
				value: 'cancelByJob',
				description:
					'Cancel the device upgrades of one OTA job that are in the chosen states: those devices stop upgrading',
				action: 'Cancel device upgrades of an OTA job',
			},
			{
				name: 'List by Job',
				value: 'listByJob',
				description: 'List the device upgrade tasks of one OTA job, one item per device, filtered by Alibaba Cloud',
				action: 'List device upgrade tasks of an OTA job',
			},
		],
		default: 'listByJob',
	},
	...listByJob.description,
	...cancelByJob.description,
];
