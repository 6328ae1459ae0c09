import type { INodeProperties } from 'n8n-workflow';

import * as cancelByDevice from './cancelByDevice.operation';
import * as cancelByJob from './cancelByJob.operation';
import * as confirm from './confirm.operation';
import * as listByJob from './listByJob.operation';
import * as listUnfinishedByDevice from './listUnfinishedByDevice.operation';
import * as reupgrade from './reupgrade.operation';

export { cancelByDevice, cancelByJob, confirm, listByJob, listUnfinishedByDevice, reupgrade };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otaTask'] } },
		options: [
			{
				name: 'Cancel by Device',
				value: 'cancelByDevice',
				description: 'Cancel the unfinished upgrade tasks of a firmware (or one job) on the given devices',
				action: 'Cancel device upgrades by device',
			},
			{
				name: 'Cancel by Job',
				value: 'cancelByJob',
				description:
					'Cancel the device upgrades of one OTA job that are in the chosen states: those devices stop upgrading',
				action: 'Cancel device upgrades of an OTA job',
			},
			{
				name: 'Confirm',
				value: 'confirm',
				description: 'Let device upgrade tasks that wait for confirmation go on',
				action: 'Confirm device upgrade tasks',
			},
			{
				name: 'List by Job',
				value: 'listByJob',
				description: 'List the device upgrade tasks of one OTA job, one item per device, filtered by Alibaba Cloud',
				action: 'List device upgrade tasks of an OTA job',
			},
			{
				name: 'List Unfinished by Device',
				value: 'listUnfinishedByDevice',
				description: 'List the upgrade tasks of one device that have not finished yet',
				action: 'List unfinished upgrade tasks of a device',
			},
			{
				name: 'Re-Upgrade',
				value: 'reupgrade',
				description: 'Upgrade FAILED or CANCELED device tasks of a job again',
				action: 'Upgrade failed or canceled device tasks again',
			},
		],
		default: 'listByJob',
	},
	...listByJob.description,
	...cancelByJob.description,
	...confirm.description,
	...reupgrade.description,
	...cancelByDevice.description,
	...listUnfinishedByDevice.description,
];
