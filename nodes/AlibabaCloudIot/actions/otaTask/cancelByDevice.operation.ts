import { cancelOtaTasksByDevice } from '../../api/otaTaskWrites';
import { iotActionExecute } from '../../helpers/perItem';
import { readRequiredText } from '../../helpers/parameterReaders';
import { deviceNamesProperty, firmwareLocator, productKeyProperty } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { readNameList } from '../../helpers/writeParameters';

const displayOptions = { show: { resource: ['otaTask'], operation: ['cancelByDevice'] } };

export const description = withDisplayOptions(displayOptions, [
	productKeyProperty('The ProductKey of the devices'),
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The firmware whose upgrade tasks to cancel on these devices',
	}),
	{
		...deviceNamesProperty(
			'The devices whose unfinished upgrade tasks to cancel: any number, separated by commas, or an array from an expression (sent 200 per request)',
		),
		hint: 'This stops device upgrades. A request whose answer is lost is never sent again.',
	},
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		placeholder: 'e.g. wahVIzGkCMuAUE2gDERM02****',
		description: 'Only the tasks of this OTA job; empty: the tasks of every job of the firmware',
	},
	operationOptions(),
]);

/** CancelOTATaskByDevice: one item per input item with the devices whose tasks were canceled; 200 per request. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		productKey: readRequiredText(context, itemIndex, 'productKey', 'Product Key', 'enter the ProductKey of the devices'),
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware', 'pick a firmware or enter its FirmwareId'),
		deviceNames: readNameList(context, itemIndex, { name: 'deviceNames', label: 'Device Names', min: 1 }),
		jobId: String(context.getNodeParameter('jobId', itemIndex, '') ?? '').trim() || undefined,
	}),
	cancelOtaTasksByDevice,
);
