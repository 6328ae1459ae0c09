// Reading Firmware Upload's parameters and its binary: every rule is checked before any request.
import { Readable } from 'node:stream';

import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';

import { MAX_PACKAGE_BYTES, type FirmwareUploadRequest } from '../../api/otaFirmwareUpload';
import { operationError } from '../../helpers/nodeErrors';
import { readOperationOptions, readRequiredText } from '../../helpers/sharedProperties';
import type { RequestOptions } from '../../helpers/requestOptions';

export type UploadFields = Omit<FirmwareUploadRequest, 'package' | 'retry'> & {
	binary: IBinaryData;
	/** Known from the binary's record, or (binary data stored without it) read from its metadata. */
	size?: number;
	callOptions: RequestOptions;
};

export function readUploadFields(context: IExecuteFunctions, itemIndex: number): UploadFields {
	const fail = (what: string, rule: string) => operationError(context.getNode(), `${what} (item ${itemIndex}): ${rule}`, itemIndex);
	const text = (name: string, label: string, what: string) => readRequiredText(context, itemIndex, name, label, what);

	const binaryPropertyName = text('binaryPropertyName', 'Input Binary Field', 'enter the name of the binary field holding the package, e.g. data');
	const productKey = text('productKey', 'Product Key', 'enter the ProductKey of the product the firmware is for');
	const firmwareName = text('firmwareName', 'Firmware Name', 'enter a name no other firmware of the account has');
	const destVersion = text('destVersion', 'Destination Version', 'enter the version the package upgrades devices to');
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { iotInstanceId, callOptions } = readOperationOptions(context, itemIndex);

	const type = options.firmwareType === 'differential' ? 1 : 0;
	const srcVersion = optionalText(options.srcVersion);
	if (type === 1 && !srcVersion) throw fail('Source Version is empty', 'a differential package needs the version it upgrades from');
	const signMethod = options.signMethod === undefined || options.signMethod === '' ? 'MD5' : String(options.signMethod);
	if (signMethod !== 'MD5' && signMethod !== 'SHA256') throw fail(`Sign Method is "${signMethod}"`, 'it must be MD5 or SHA256');

	const binary = context.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const size = knownSize(binary);
	if (size !== undefined) checkSize(size, binaryPropertyName, fail);

	return {
		productKey,
		firmwareName,
		destVersion,
		type,
		...(type === 1 && { srcVersion }),
		moduleName: optionalText(options.moduleName),
		signMethod,
		needToVerify: options.needToVerify !== false,
		firmwareDesc: optionalText(options.firmwareDesc),
		udi: optionalText(options.udi),
		iotInstanceId,
		binary,
		size,
		callOptions,
	};
}

export function checkSize(size: number, field: string, fail: (what: string, rule: string) => Error): void {
	if (size <= 0) throw fail(`The binary field "${field}" is empty`, 'an OTA package needs content');
	if (size > MAX_PACKAGE_BYTES) throw fail(`The binary field "${field}" holds ${size} bytes`, `OSS takes at most 1,000 MB (${MAX_PACKAGE_BYTES} bytes) for an OTA package`);
}

/** Streams a binary from n8n's store when it has an id (never loading it whole), else from its data. */
export function openBinary(context: IExecuteFunctions, binary: IBinaryData): () => Promise<Readable> {
	if (binary.id) {
		const id = binary.id;
		return async () => await context.helpers.getBinaryStream(id);
	}
	return async () => Readable.from([Buffer.from(binary.data, BINARY_ENCODING)]);
}

/** Without reading the package: the store's byte count, or the length the base64 data decodes to. */
function knownSize(binary: IBinaryData): number | undefined {
	const bytes = (binary as IBinaryData & { bytes?: unknown }).bytes;
	if (typeof bytes === 'number') return bytes;
	if (binary.id) return undefined;
	const data = binary.data ?? '';
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
}

function optionalText(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	return text || undefined;
}
