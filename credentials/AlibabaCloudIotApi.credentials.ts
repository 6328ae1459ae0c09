import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_FIELDS } from './common/credentialFields';
import { DEFAULT_REGION_ID, IOT_REGIONS } from './common/iotRegions';
import { DEFAULT_MAX_REQUESTS_PER_SECOND, MAX_REQUESTS_PER_SECOND_CEILING } from './common/requestRate';
import { toggledField } from './common/toggledField';

/**
 * AccessKey credentials for Alibaba Cloud IoT Platform. Requests are signed by the node
 * (Alibaba's RPC signature cannot be expressed as n8n's generic auth), and the Test button is
 * the node's `alibabaCloudIotApiTest`.
 */
export class AlibabaCloudIotApi implements ICredentialType {
	name = 'alibabaCloudIotApi';

	displayName = 'Alibaba Cloud IoT API';

	icon = {
		light: 'file:../nodes/AlibabaCloudIot/alibabaCloudIot.svg',
		dark: 'file:../nodes/AlibabaCloudIot/alibabaCloudIot.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-alibabacloud-iot/n8n-nodes-alibabacloud-iot#credentials';

	properties: INodeProperties[] = [
		{
			...CREDENTIAL_FIELDS.accessKeyId,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. LTAI5t****',
		},
		{
			...CREDENTIAL_FIELDS.accessKeySecret,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...toggledField(
			{
				...CREDENTIAL_FIELDS.temporaryCredentials,
				description:
					'Whether the AccessKey is a temporary one from STS (its ID starts with "STS."), which needs a security token',
			},
			{
				...CREDENTIAL_FIELDS.securityToken,
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The SecurityToken STS returned with the temporary AccessKey',
			},
		),
		{
			...CREDENTIAL_FIELDS.regionId,
			type: 'options',
			options: IOT_REGIONS.map((region) => ({
				name: `${region.label} - ${region.id}`,
				value: region.id,
			})),
			default: DEFAULT_REGION_ID,
			description: 'Region of the IoT Platform instance',
		},
		...toggledField(
			{
				...CREDENTIAL_FIELDS.customEndpoint,
				description:
					'Whether to send requests to an endpoint of your own (a private endpoint, a proxy or a local emulator) instead of https://iot.&lt;region&gt;.aliyuncs.com',
			},
			{
				...CREDENTIAL_FIELDS.endpoint,
				type: 'string',
				default: '',
				placeholder: 'e.g. https://iot.cn-shanghai.aliyuncs.com',
				description: 'Base URL of the IoT Platform API; http:// is allowed',
			},
		),
		{
			...CREDENTIAL_FIELDS.maxRequestsPerSecond,
			type: 'number',
			default: DEFAULT_MAX_REQUESTS_PER_SECOND,
			typeOptions: { minValue: 0, maxValue: MAX_REQUESTS_PER_SECOND_CEILING },
			description:
				'Requests per second this n8n sends with this AccessKey, across all workflows. Alibaba allows 10 per account for the OTA list actions, shared by its RAM users. 0 means no limit (only for endpoints without that quota).',
		},
		{
			...CREDENTIAL_FIELDS.accountId,
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567890123456',
			description:
				"The Alibaba Cloud account's UID (console: account menu). Optional: only the shared quota limiter reads it, so that every RAM user and STS token of one account shares one quota across n8n workers. Without it the AccessKey ID stands for the account.",
		},
	];
}
