import type { IDataObject } from 'n8n-workflow';

import { listUnfinishedOtaTasksByDevice, UNFINISHED_TASK_STATES } from '../../api/otaUnfinishedTasks';
import { iotActionExecute } from '../../helpers/perItem';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { invalid } from '../../helpers/writeParameters';
import { TASK_STATUS_LABELS } from './taskFilters';

const displayOptions = { show: { resource: ['otaTask'], operation: ['listUnfinishedByDevice'] } };

export const description = withDisplayOptions(displayOptions, [
	{
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. a1Le6d0****',
		description: 'The ProductKey of the device (or give its IoT ID under Options)',
	},
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		default: '',
		placeholder: 'e.g. thermostat-01',
		description: 'The device whose unfinished upgrade tasks to list (or give its IoT ID under Options)',
	},
	{
		displayName: 'Task Statuses',
		name: 'taskStatuses',
		type: 'multiOptions',
		required: true,
		options: UNFINISHED_TASK_STATES.map((value) => ({ name: TASK_STATUS_LABELS[value], value })),
		default: ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS'],
		description: 'Only the tasks in these states',
	},
	operationOptions([
		{ displayName: 'IoT ID', name: 'iotId', type: 'string', default: '', description: 'The device’s IotId, instead of Product Key and Device Name' },
		{ displayName: 'Module Name', name: 'moduleName', type: 'string', default: '', description: 'Only the tasks of this OTA module' },
	]),
]);

/** ListOTAUnfinishedTaskByDevice: one item per unfinished task of the device. */
export const execute = iotActionExecute(
	(context, itemIndex) => {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const text = (value: unknown) => String(value ?? '').trim() || undefined;
		const iotId = text(options.iotId);
		const productKey = text(context.getNodeParameter('productKey', itemIndex, ''));
		const deviceName = text(context.getNodeParameter('deviceName', itemIndex, ''));
		if (!iotId && (!productKey || !deviceName)) {
			throw invalid(context, itemIndex, `${productKey ? 'Device Name' : 'Product Key'} is empty (item ${itemIndex}): give the device’s Product Key and Device Name, or its IoT ID under Options`);
		}
		const raw = context.getNodeParameter('taskStatuses', itemIndex, []) as unknown;
		const taskStatuses = (Array.isArray(raw) ? raw : String(raw).split(',')).map((s) => String(s).trim().toUpperCase()).filter(Boolean);
		const unknown = taskStatuses.filter((status) => !(UNFINISHED_TASK_STATES as readonly string[]).includes(status));
		if (taskStatuses.length === 0 || unknown.length > 0) {
			throw invalid(
				context,
				itemIndex,
				taskStatuses.length === 0
					? `Task Statuses is empty (item ${itemIndex}): choose at least one of ${UNFINISHED_TASK_STATES.join(', ')}`
					: `Task Statuses has states that are not unfinished (item ${itemIndex}): ${unknown.join(', ')}; choose from ${UNFINISHED_TASK_STATES.join(', ')}`,
			);
		}
		return { productKey: iotId ? undefined : productKey, deviceName: iotId ? undefined : deviceName, iotId, taskStatuses, moduleName: text(options.moduleName) };
	},
	listUnfinishedOtaTasksByDevice,
);
