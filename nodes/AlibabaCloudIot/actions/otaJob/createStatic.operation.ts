import type { IExecuteFunctions } from 'n8n-workflow';

import { createOtaJob } from '../../api/otaJobCreate';
import type { IotParams } from '../../transport/popRequest';
import { iotActionExecute } from '../../helpers/perItem';
import { invalid, readNameList } from '../../helpers/writeParameters';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { deviceNamesProperty } from '../../helpers/properties/identifiers';
import {
	createOptions,
	FIRMWARE_AND_PRODUCT,
	GROUP_PROPERTIES,
	srcVersionsProperty,
	STATIC_OPTIONS,
} from './jobCreateProperties';
import { deviceNameParams, readFirmwareAndProduct, readGroup, readJobOptions, readSrcVersions } from './jobCreateFields';

const displayOptions = { show: { resource: ['otaJob'], operation: ['createStatic'] } };
const whenTarget = (targetSelection: string) => ({ show: { targetSelection: [targetSelection] } });

/** CreateOTAStaticUpgradeJob's TargetDeviceName.N: "最多可传入100,000个设备名称" (docs/alibaba-api.md). */
const MAX_TARGET_DEVICES = 100_000;

export const description = withDisplayOptions(displayOptions, [
	...FIRMWARE_AND_PRODUCT,
	{
		displayName: 'Target Selection',
		name: 'targetSelection',
		type: 'options',
		options: [
			{ name: 'All Devices (ALL)', value: 'ALL' },
			{ name: 'Specific Devices (SPECIFIC)', value: 'SPECIFIC' },
			{ name: 'Gray Batch: a Share of the Devices (GRAY)', value: 'GRAY' },
			{ name: 'Device Group (GROUP)', value: 'GROUP' },
		],
		default: 'GRAY',
		description: 'Which devices of the product to upgrade',
	},
	...withDisplayOptions(whenTarget('GRAY'), [
		{
			displayName: 'Gray Percent',
			name: 'grayPercent',
			type: 'string',
			default: '10',
			required: true,
			placeholder: 'e.g. 10 or 33.333',
			description: 'The share of the devices to upgrade, in percent: more than 0, at most 100, up to 3 decimals (Alibaba rounds the device count down, at least 1 device)',
		},
	]),
	...withDisplayOptions(whenTarget('SPECIFIC'), [
		deviceNamesProperty('The devices to upgrade: names separated by commas, or an array from an expression'),
	]),
	...withDisplayOptions(whenTarget('GROUP'), GROUP_PROPERTIES),
	srcVersionsProperty(),
	createOptions(STATIC_OPTIONS),
]);

/** CreateOTAStaticUpgradeJob: one upgrade batch per input item, created once even when its answer is lost. */
export const execute = iotActionExecute(
	(context, itemIndex) => {
		const { params, tags } = readJobOptions(context, itemIndex);
		return {
			...readFirmwareAndProduct(context, itemIndex),
			params: { ...params, ...readTarget(context, itemIndex), ...readSrcVersions(context, itemIndex) },
			tags,
		};
	},
	async (call, request) => await createOtaJob(call, { action: 'CreateOTAStaticUpgradeJob', ...request }),
);

function readTarget(context: IExecuteFunctions, itemIndex: number): IotParams {
	const targetSelection = String(context.getNodeParameter('targetSelection', itemIndex, 'GRAY'));
	switch (targetSelection) {
		case 'ALL':
			return { TargetSelection: 'ALL' };
		case 'GRAY':
			return { TargetSelection: 'GRAY', GrayPercent: readGrayPercent(context, itemIndex) };
		case 'SPECIFIC': {
			const names = readNameList(context, itemIndex, { name: 'deviceNames', label: 'Device Names', min: 1, max: MAX_TARGET_DEVICES, rule: 'devices are allowed in one static job by Alibaba Cloud' });
			return { TargetSelection: 'SPECIFIC', ...deviceNameParams(names) };
		}
		case 'GROUP':
			return { TargetSelection: 'GROUP', ...readGroup(context, itemIndex, true) };
		default:
			throw invalid(context, itemIndex, `Target Selection must be ALL, SPECIFIC, GRAY or GROUP (item ${itemIndex}), got "${targetSelection}"`);
	}
}

/** A percentage as Alibaba wants it: a text with at most 3 decimals, above 0 and at most 100. */
function readGrayPercent(context: IExecuteFunctions, itemIndex: number): string {
	const text = String(context.getNodeParameter('grayPercent', itemIndex, '') ?? '').trim();
	const value = Number(text);
	if (!/^\d{1,3}(\.\d{1,3})?$/.test(text) || !(value > 0 && value <= 100)) {
		throw invalid(
			context,
			itemIndex,
			`Gray Percent must be a percentage above 0 and at most 100 with up to 3 decimals (item ${itemIndex}), got "${text}"`,
		);
	}
	return text;
}
