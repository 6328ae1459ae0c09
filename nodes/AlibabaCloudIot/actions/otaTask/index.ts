import { operationTable } from '../operationTable';
import * as cancelByDevice from './cancelByDevice.operation';
import * as cancelByJob from './cancelByJob.operation';
import * as confirm from './confirm.operation';
import * as listByJob from './listByJob.operation';
import * as listUnfinishedByDevice from './listUnfinishedByDevice.operation';
import * as reupgrade from './reupgrade.operation';

export const { description, executes } = operationTable(
	'otaTask',
	[
		{
			option: {
				name: 'Cancel by Device',
				value: 'cancelByDevice',
				description: 'Cancel the unfinished upgrade tasks of a firmware (or one job) on the given devices',
				action: 'Cancel device upgrades by device',
			},
			module: cancelByDevice,
		},
		{
			option: {
				name: 'Cancel by Job',
				value: 'cancelByJob',
				description:
					'Cancel the device upgrades of one OTA job that are in the chosen states: those devices stop upgrading',
				action: 'Cancel device upgrades of an OTA job',
			},
			module: cancelByJob,
		},
		{
			option: {
				name: 'Confirm',
				value: 'confirm',
				description: 'Let device upgrade tasks that wait for confirmation go on',
				action: 'Confirm device upgrade tasks',
			},
			module: confirm,
		},
		{
			option: {
				name: 'List by Job',
				value: 'listByJob',
				description: 'List the device upgrade tasks of one OTA job, one item per device, filtered by Alibaba Cloud',
				action: 'List device upgrade tasks of an OTA job',
			},
			module: listByJob,
		},
		{
			option: {
				name: 'List Unfinished by Device',
				value: 'listUnfinishedByDevice',
				description: 'List the upgrade tasks of one device that have not finished yet',
				action: 'List unfinished upgrade tasks of a device',
			},
			module: listUnfinishedByDevice,
		},
		{
			option: {
				name: 'Re-Upgrade',
				value: 'reupgrade',
				description: 'Upgrade FAILED or CANCELED device tasks of a job again',
				action: 'Upgrade failed or canceled device tasks again',
			},
			module: reupgrade,
		},
	],
	'listByJob',
);
