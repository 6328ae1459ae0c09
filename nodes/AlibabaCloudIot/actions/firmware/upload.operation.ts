import { BINARY_ENCODING, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { MAX_PACKAGE_BYTES, uploadOtaFirmware } from '../../api/otaFirmwareUpload';
import { iotActionExecute } from '../../helpers/perItem';
import { readRequestOptions } from '../../helpers/requestOptions';
import { readRequiredText } from '../../helpers/parameterReaders';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';
import { invalid } from '../../helpers/writeParameters';

const displayOptions = { show: { resource: ['firmware'], operation: ['upload'] } };
/** Large reads: fewer, bigger writes to the socket and the hash. */
const READ_CHUNK_BYTES = 1024 * 1024;

const text = (name: string, displayName: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder,
	description,
});

export const description = withDisplayOptions(displayOptions, [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the firmware package',
		description: 'Streamed to Alibaba Cloud’s OSS as it is read: a package of up to 1,000 MB is never held in memory',
	},
	text('productKey', 'Product Key', 'The ProductKey of the product the firmware is for', 'e.g. a1Le6d0****'),
	text('firmwareName', 'Firmware Name', 'A name for the firmware, unique in the Alibaba Cloud account', 'e.g. meter-1.4.0'),
	text('destVersion', 'Destination Version', 'The version devices have after upgrading with this package', 'e.g. 1.4.0'),
	operationOptions([
		{ displayName: 'Firmware Description', name: 'firmwareDesc', type: 'string', default: '' },
		{
			displayName: 'Firmware Type',
			name: 'firmwareType',
			type: 'options',
			options: [
				{ name: 'Full Package', value: 'full' },
				{ name: 'Differential Package', value: 'differential', description: 'Needs Source Version' },
			],
			default: 'full',
		},
		{ displayName: 'Module Name', name: 'moduleName', type: 'string', default: '', description: 'The OTA module the package is for; empty: default' },
		{ displayName: 'Need to Verify', name: 'needToVerify', type: 'boolean', default: true, description: 'Whether the firmware must pass a verify job before it can be rolled out' },
		{
			displayName: 'Sign Method',
			name: 'signMethod',
			type: 'options',
			options: [
				{ name: 'MD5', value: 'MD5' },
				{ name: 'SHA256', value: 'SHA256' },
			],
			default: 'MD5',
			description: 'How the package’s signature, computed while it is uploaded, is made',
		},
		{ displayName: 'Source Version', name: 'srcVersion', type: 'string', default: '', description: 'The version a differential package upgrades from' },
		{ displayName: 'UDI', name: 'udi', type: 'string', default: '', description: 'Custom information pushed to devices with the upgrade (Udi)' },
	]),
]);

/** GenerateOTAUploadURL, OSS PostObject, CreateOTAFirmware: one new firmware per input item. */
export const execute = iotActionExecute(
	(context, itemIndex) => {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const optional = (name: string) => String(options[name] ?? '').trim() || undefined;
		const differential = options.firmwareType === 'differential';
		const srcVersion = optional('srcVersion');
		if (differential && !srcVersion) {
			throw invalid(context, itemIndex, `Source Version is empty (item ${itemIndex}): a differential package needs the version it upgrades from`);
		}
		const signMethod = (optional('signMethod') ?? 'MD5').toUpperCase();
		if (signMethod !== 'MD5' && signMethod !== 'SHA256') throw invalid(context, itemIndex, `Sign Method must be MD5 or SHA256 (item ${itemIndex}), got "${signMethod}"`);
		const { callOptions } = { callOptions: readRequestOptions(context, itemIndex, options) };
		return {
			productKey: readRequiredText(context, itemIndex, 'productKey', 'Product Key', 'enter the ProductKey of the firmware’s product'),
			firmwareName: readRequiredText(context, itemIndex, 'firmwareName', 'Firmware Name', 'enter a name for the firmware'),
			destVersion: readRequiredText(context, itemIndex, 'destVersion', 'Destination Version', 'enter the version devices have after the upgrade'),
			type: differential ? (1 as const) : (0 as const),
			srcVersion: differential ? srcVersion : undefined,
			moduleName: optional('moduleName'),
			signMethod: signMethod as 'MD5' | 'SHA256',
			needToVerify: options.needToVerify !== false,
			firmwareDesc: optional('firmwareDesc'),
			udi: optional('udi'),
			binary: readBinary(context, itemIndex),
			upload: { timeoutMs: callOptions.timeoutMs, maxAttempts: callOptions.retryPolicy.maxAttempts, maxElapsedMs: callOptions.retryPolicy.maxElapsedMs },
		};
	},
	async (call, { binary, ...request }, { context, itemIndex }) => {
		const size = binary.id ? (await context.helpers.getBinaryMetadata(binary.id)).fileSize : binary.buffer!.length;
		checkSize(context, itemIndex, size);
		const file = {
			size,
			fileName: binary.fileName ?? 'firmware.bin',
			mimeType: binary.mimeType,
			open: async () => (binary.id ? await context.helpers.getBinaryStream(binary.id, READ_CHUNK_BYTES) : binary.buffer!),
		};
		return await uploadOtaFirmware(call, { ...request, file });
	},
);

interface BinaryToUpload {
	id?: string;
	buffer?: Buffer;
	fileName?: string;
	mimeType: string;
	propertyName: string;
}

/** The item's binary: by its id when n8n keeps it outside memory (streamed later), else its bytes. */
function readBinary(context: IExecuteFunctions, itemIndex: number): BinaryToUpload {
	const propertyName = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const item = context.getInputData()[itemIndex];
	const binary = item.binary?.[propertyName];
	if (!binary) {
		throw invalid(context, itemIndex, `Input Binary Field "${propertyName}" is not on the input item (item ${itemIndex}): give the name of the binary field that holds the firmware package`);
	}
	const buffer = binary.id ? undefined : Buffer.from(binary.data, BINARY_ENCODING);
	if (buffer) checkSize(context, itemIndex, buffer.length, propertyName);
	return { id: binary.id, buffer, fileName: binary.fileName, mimeType: binary.mimeType, propertyName };
}

function checkSize(context: IExecuteFunctions, itemIndex: number, size: number, field = 'binary'): void {
	if (size === 0) throw invalid(context, itemIndex, `The ${field} field's file is empty (item ${itemIndex}): a firmware package needs at least one byte`);
	if (size > MAX_PACKAGE_BYTES) {
		throw invalid(context, itemIndex, `The ${field} field's file has ${size} bytes (item ${itemIndex}): Alibaba Cloud takes packages of at most 1,000 MB (${MAX_PACKAGE_BYTES} bytes)`);
	}
}
