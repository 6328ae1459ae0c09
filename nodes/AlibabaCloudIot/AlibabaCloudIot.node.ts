import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as firmware from './actions/firmware';
import * as otaJob from './actions/otaJob';
import * as otaTask from './actions/otaTask';
import { IOT_CREDENTIAL_TYPE } from './helpers/otaCallerFor';
import { alibabaCloudIotApiTest } from './methods/credentialTest';
import { searchFirmwares } from './methods/listSearch';

export class AlibabaCloudIot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud IoT',
		name: 'alibabaCloudIot',
		icon: { light: 'file:alibabaCloudIot.svg', dark: 'file:alibabaCloudIot.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read OTA firmware, upgrade jobs and device upgrade tasks on Alibaba Cloud IoT Platform, and cancel device upgrades',
		defaults: { name: 'Alibaba Cloud IoT' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Written out here: n8n's lint rule credential-test-required looks for `testedBy` in the node file.
		credentials: [{ name: IOT_CREDENTIAL_TYPE, required: true, testedBy: 'alibabaCloudIotApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Firmware', value: 'firmware' },
					{ name: 'OTA Job', value: 'otaJob' },
					{ name: 'OTA Task', value: 'otaTask' },
				],
				default: 'otaJob',
			},
			...otaJob.description,
			...otaTask.description,
			...firmware.description,
		],
	};

	methods = {
		credentialTest: { alibabaCloudIotApiTest },
		listSearch: { searchFirmwares },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
