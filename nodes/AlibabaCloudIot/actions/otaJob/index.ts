import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getProgress from './getProgress.operation';
import * as listByFirmware from './listByFirmware.operation';

export { get, getProgress, listByFirmware };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otaJob'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the full record of one OTA upgrade job (batch) by its JobId',
				action: 'Get an OTA job',
			},
			{
				name: 'Get Progress',
				value: 'getProgress',
				description:
					'Count the device upgrade tasks of one OTA job in each state, with the shares that succeeded and failed',
				action: 'Get the progress of an OTA job',
			},
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
	...get.description,
	...getProgress.description,
];
