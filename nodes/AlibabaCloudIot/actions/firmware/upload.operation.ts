import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { uploadOtaFirmware } from '../../api/otaFirmwareUpload';
import { createOtaCaller } from '../../api/otaCaller';
import { operationError } from '../../helpers/nodeErrors';
import { executePerItem, type OperationExecute } from '../../helpers/perItem';
import { operationOptions } from '../../helpers/sharedProperties';
import type { IotCredentials } from '../../transport/iotCredentials';
import { checkSize, openBinary, readUploadFields } from './uploadFields';

const showFor = { show: { resource: ['firmware'], operation: ['upload'] } };
const shared = operationOptions(showFor);

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: showFor,
		hint: 'The name of the input binary field holding the package',
	},
	{
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor,
		placeholder: 'e.g. a1BwAGV****',
		description: 'The product the firmware is for',
	},
	{
		displayName: 'Firmware Name',
		name: 'firmwareName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor,
		description: 'Unique within the Alibaba Cloud account; also how the node proves a create whose answer was lost',
	},
	{
		displayName: 'Destination Version',
		name: 'destVersion',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor,
		placeholder: 'e.g. 2.0.1',
		description: 'The version devices have after this upgrade',
	},
	{
		...shared,
		options: [
			{
				displayName: 'Firmware Type',
				name: 'firmwareType',
				type: 'options',
				default: 'full',
				options: [
					{ name: 'Full Package', value: 'full' },
					{ name: 'Differential Package', value: 'differential' },
				],
			},
			{
				displayName: 'Source Version',
				name: 'srcVersion',
				type: 'string',
				default: '',
				description: 'The version a differential package upgrades from (required for a differential package)',
			},
			{ displayName: 'Module Name', name: 'moduleName', type: 'string', default: '', description: 'The OTA module; empty: the default module' },
			{
				displayName: 'Sign Method',
				name: 'signMethod',
				type: 'options',
				default: 'MD5',
				options: [
					{ name: 'MD5', value: 'MD5' },
					{ name: 'SHA256', value: 'SHA256' },
				],
				description: 'The hash devices check the package against; the node computes it while uploading',
			},
			{ displayName: 'Need to Verify', name: 'needToVerify', type: 'boolean', default: true, description: 'Whether the firmware must pass a verify job before an upgrade job' },
			{ displayName: 'Firmware Description', name: 'firmwareDesc', type: 'string', default: '' },
			{ displayName: 'UDI', name: 'udi', type: 'string', default: '', description: 'Unique Device Identification of a medical device, as Alibaba calls it; usually empty' },
			...(shared.options ?? []),
		],
	},
];

/**
 * GenerateOTAUploadURL, OSS PostObject streamed from n8n's binary store, CreateOTAFirmware once.
 * The upload form's policy, signature and OSSAccessKeyId never reach an item, an error or a log.
 */
export const execute: OperationExecute = async function (this: IExecuteFunctions, credentials: IotCredentials) {
	return await executePerItem(
		this,
		(itemIndex) => readUploadFields(this, itemIndex),
		async ({ binary, size: knownSize, callOptions, ...fields }, itemIndex) => {
			let size = knownSize;
			if (size === undefined) {
				// Binary data stored without its byte count: its metadata has it.
				size = (await this.helpers.getBinaryMetadata(binary.id!)).fileSize;
				checkSize(size, String(this.getNodeParameter('binaryPropertyName', itemIndex)), (what, rule) =>
					operationError(this.getNode(), `${what} (item ${itemIndex}): ${rule}`, itemIndex),
				);
			}
			const call = createOtaCaller(credentials, callOptions);
			const uploaded = await uploadOtaFirmware(call, {
				...fields,
				package: { fileName: binary.fileName ?? 'firmware.bin', size, open: openBinary(this, binary) },
				retry: {
					maxAttempts: callOptions.retryPolicy.maxAttempts,
					maxElapsedMs: callOptions.retryPolicy.maxElapsedMs,
					idleTimeoutMs: callOptions.timeoutMs,
				},
			});
			return [{ ...uploaded }];
		},
	);
};
