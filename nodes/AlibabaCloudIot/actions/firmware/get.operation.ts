import type { INodeProperties } from 'n8n-workflow';

import { getOtaFirmware } from '../../api/otaFirmwareRecord';
import { iotActionExecute } from '../../helpers/perItem';
import { firmwareLocator, operationOptions, readRequiredText } from '../../helpers/sharedProperties';

const showFor = { show: { resource: ['firmware'], operation: ['get'] } };

export const description: INodeProperties[] = [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The OTA firmware (upgrade package) to read: its FirmwareId, or pick it from the list',
		displayOptions: showFor,
	}),
	withDownloadUrlOption(operationOptions(showFor)),
];

function withDownloadUrlOption(options: INodeProperties): INodeProperties {
	return {
		...options,
		options: [
			{
				displayName: 'Include Download URL',
				name: 'includeDownloadUrl',
				type: 'boolean',
				default: false,
				description:
					"Whether to keep the pre-signed query of the package links (FirmwareUrl and each of MultiFiles), so the package can be downloaded. Anyone holding such a link can download the package until it expires. Off: only the package's location.",
			},
			...(options.options ?? []),
		],
	};
}

/** QueryOTAFirmware: one item per input item, the firmware's record. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware'),
		includeDownloadUrl: context.getNodeParameter('options.includeDownloadUrl', itemIndex, false) === true,
	}),
	getOtaFirmware,
);
