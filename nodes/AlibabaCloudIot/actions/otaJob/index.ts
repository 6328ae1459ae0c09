import type { INodeProperties } from 'n8n-workflow';

import * as listByFirmware from './listByFirmware.operation';

export { listByFirmware };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otaJob'] } },
		options: [
			{
				name: 'List by Firmware',
				value: 'listByFirmware',
				description:
					'List the OTA upgrade jobs (batches) of one firmware, one item per job, in the order Alibaba Cloud lists them',
				action: 'List OTA jobs by firmware',
			},
		],
		default: 'listByFirmware',
	},
	...listByFirmware.description,
];
