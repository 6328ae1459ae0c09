import { operationTable } from '../operationTable';
import * as cancelDynamic from './cancelDynamic.operation';
import * as createDynamic from './createDynamic.operation';
import * as createStatic from './createStatic.operation';
import * as createVerify from './createVerify.operation';
import * as get from './get.operation';
import * as getProgress from './getProgress.operation';
import * as listByFirmware from './listByFirmware.operation';

export const { description, executes } = operationTable(
	'otaJob',
	[
		{
			option: {
				name: 'Cancel Dynamic Job',
				value: 'cancelDynamic',
				description: 'Cancel the upgrade policy of a dynamic OTA job; the job becomes CANCELED',
				action: 'Cancel a dynamic OTA job',
			},
			module: cancelDynamic,
		},
		{
			option: {
				name: 'Create Dynamic Upgrade Job',
				value: 'createDynamic',
				description: 'Start a dynamic upgrade policy: devices on the source versions are upgraded now and as they qualify',
				action: 'Create a dynamic OTA upgrade job',
			},
			module: createDynamic,
		},
		{
			option: {
				name: 'Create Static Upgrade Job',
				value: 'createStatic',
				description: 'Roll a verified firmware out to all, specific, a gray share or a group of devices',
				action: 'Create a static OTA upgrade job',
			},
			module: createStatic,
		},
		{
			option: {
				name: 'Create Verify Job',
				value: 'createVerify',
				description: 'Verify a firmware on 1 to 10 test devices before rolling it out',
				action: 'Create an OTA verify job',
			},
			module: createVerify,
		},
		{
			option: {
				name: 'Get',
				value: 'get',
				description: 'Get the full record of one OTA upgrade job (batch) by its JobId',
				action: 'Get an OTA job',
			},
			module: get,
		},
		{
			option: {
				name: 'Get Progress',
				value: 'getProgress',
				description:
					'Count the device upgrade tasks of one OTA job in each state, with the shares that succeeded and failed',
				action: 'Get the progress of an OTA job',
			},
			module: getProgress,
		},
		{
			option: {
				name: 'List by Firmware',
				value: 'listByFirmware',
				description:
					'List the OTA upgrade jobs (batches) of one firmware, one item per job, in the order Alibaba Cloud lists them',
				action: 'List OTA jobs by firmware',
			},
			module: listByFirmware,
		},
	],
	'listByFirmware',
);
