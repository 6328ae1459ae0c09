import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { IOT_INSTANCE_ID_OPTION } from './helpers/properties/operationOptions';
import { alibabaCloudIotApiTest } from './methods/credentialTest';
import { searchFirmwares } from './methods/listSearch';
import { pollJobChanges } from './trigger/pollJobChanges';
import { LEGACY_FIRMWARE_IDS_PROPERTY, WATCHED_FIRMWARES_PROPERTY } from './trigger/watchedFirmwares';

export class AlibabaCloudIotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud IoT Trigger',
		name: 'alibabaCloudIotTrigger',
		icon: { light: 'file:alibabaCloudIot.svg', dark: 'file:alibabaCloudIot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On OTA job created or status changed',
		description: 'Starts the workflow when an OTA upgrade job of a firmware is created or changes status',
		defaults: { name: 'Alibaba Cloud IoT Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Written out here: n8n's lint rule credential-test-required looks for `testedBy` in the node file.
		credentials: [{ name: 'alibabaCloudIotApi', required: true, testedBy: 'alibabaCloudIotApiTest' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						// The node picker shows a trigger event as "On <name, lower-cased>" unless `action` says how.
						name: 'OTA Job Created or Status Changed',
						action: 'On OTA job created or status changed',
						value: 'otaJobCreatedOrStatusChanged',
						description: 'One item per new job, and per job whose status changed since the last poll',
					},
				],
				default: 'otaJobCreatedOrStatusChanged',
			},
			WATCHED_FIRMWARES_PROPERTY,
			LEGACY_FIRMWARE_IDS_PROPERTY,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [IOT_INSTANCE_ID_OPTION],
			},
		],
	};

	methods = {
		credentialTest: { alibabaCloudIotApiTest },
		listSearch: { searchFirmwares },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items = await pollJobChanges(this);
		return items.length > 0 ? [items] : null;
	}
}

