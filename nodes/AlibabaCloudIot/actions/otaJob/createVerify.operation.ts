import { createOtaJob } from '../../api/otaJobCreate';
import { iotActionExecute } from '../../helpers/perItem';
import { readNameList } from '../../helpers/writeParameters';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { deviceNamesProperty } from '../../helpers/properties/identifiers';
import { createOptions, FIRMWARE_AND_PRODUCT, VERIFY_OPTIONS } from './jobCreateProperties';
import { deviceNameParams, readFirmwareAndProduct, readJobOptions } from './jobCreateFields';

const displayOptions = { show: { resource: ['otaJob'], operation: ['createVerify'] } };

/** CreateOTAVerifyJob allows 1 to 10 test devices (docs/alibaba-api.md). */
const MAX_VERIFY_DEVICES = 10;

export const description = withDisplayOptions(displayOptions, [
	...FIRMWARE_AND_PRODUCT,
	deviceNamesProperty(
		'The test devices to verify the firmware on: 1 to 10 names, separated by commas, or an array from an expression',
	),
	createOptions(VERIFY_OPTIONS),
]);

/** CreateOTAVerifyJob: one verify job per input item, created once even when its answer is lost. */
export const execute = iotActionExecute(
	(context, itemIndex) => {
		const { params, tags } = readJobOptions(context, itemIndex);
		const devices = readNameList(context, itemIndex, {
			name: 'deviceNames',
			label: 'Device Names',
			min: 1,
			max: MAX_VERIFY_DEVICES,
			rule: 'test devices are allowed in a verify job by Alibaba Cloud',
		});
		return { ...readFirmwareAndProduct(context, itemIndex), params: { ...params, ...deviceNameParams(devices) }, tags };
	},
	async (call, request) => await createOtaJob(call, { action: 'CreateOTAVerifyJob', ...request }),
);
