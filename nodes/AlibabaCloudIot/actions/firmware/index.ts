import { operationTable } from '../operationTable';
import * as deleteFirmware from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

export const { description, executes } = operationTable(
	'firmware',
	[
		{
			option: {
				name: 'Delete',
				value: 'delete',
				description: 'Delete one OTA firmware (upgrade package)',
				action: 'Delete an OTA firmware',
			},
			module: deleteFirmware,
		},
		{
			option: {
				name: 'Get',
				value: 'get',
				description: 'Get the record of one OTA firmware (upgrade package)',
				action: 'Get an OTA firmware',
			},
			module: get,
		},
		{
			option: {
				name: 'List',
				value: 'list',
				description: 'List the OTA firmware (upgrade packages), optionally of one product or destination version',
				action: 'List OTA firmware',
			},
			module: list,
		},
		{
			option: {
				name: 'Upload',
				value: 'upload',
				description: 'Upload a firmware package from a binary field and create its OTA firmware',
				action: 'Upload an OTA firmware',
			},
			module: upload,
		},
	],
	'list',
);
