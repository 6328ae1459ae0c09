import type { INodeProperties } from 'n8n-workflow';

import * as deleteFirmware from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

export { deleteFirmware, get, list, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['firmware'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete one OTA firmware (upgrade package)',
				action: 'Delete an OTA firmware',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the record of one OTA firmware (upgrade package)',
				action: 'Get an OTA firmware',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the OTA firmware (upgrade packages), optionally of one product or destination version',
				action: 'List OTA firmware',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a firmware package from a binary field and create its OTA firmware',
				action: 'Upload an OTA firmware',
			},
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...upload.description,
	...deleteFirmware.description,
];
