import { createOtaJob } from '../../api/otaJobCreate';
import { iotActionExecute } from '../../helpers/perItem';
import { checkedInteger } from '../../helpers/writeParameters';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { createOptions, DYNAMIC_OPTIONS, FIRMWARE_AND_PRODUCT, GROUP_PROPERTIES, srcVersionsProperty } from './jobCreateProperties';
import { readFirmwareAndProduct, readGroup, readJobOptions, readSrcVersions } from './jobCreateFields';

const displayOptions = { show: { resource: ['otaJob'], operation: ['createDynamic'] } };

export const description = withDisplayOptions(displayOptions, [
	...FIRMWARE_AND_PRODUCT,
	srcVersionsProperty(),
	{
		displayName: 'Dynamic Mode',
		name: 'dynamicMode',
		type: 'options',
		options: [
			{ name: 'Keep Upgrading Devices That Qualify (1)', value: 1, description: 'Devices that qualify now, and every device that qualifies later' },
			{ name: 'Only Devices Reporting a New Version Later (2)', value: 2 },
		],
		default: 1,
		description: 'Which devices the dynamic upgrade policy takes in (DynamicMode)',
	},
	...GROUP_PROPERTIES,
	createOptions(DYNAMIC_OPTIONS),
]);

/** CreateOTADynamicUpgradeJob: one dynamic upgrade policy per input item, created once even when its answer is lost. */
export const execute = iotActionExecute(
	(context, itemIndex) => {
		const { params, tags } = readJobOptions(context, itemIndex);
		const dynamicMode = checkedInteger(context, itemIndex, context.getNodeParameter('dynamicMode', itemIndex, 1), { label: 'Dynamic Mode', oneOf: [1, 2] });
		return {
			...readFirmwareAndProduct(context, itemIndex),
			params: { ...params, DynamicMode: dynamicMode, ...readSrcVersions(context, itemIndex), ...readGroup(context, itemIndex, false) },
			tags,
		};
	},
	async (call, request) => await createOtaJob(call, { action: 'CreateOTADynamicUpgradeJob', ...request }),
);
