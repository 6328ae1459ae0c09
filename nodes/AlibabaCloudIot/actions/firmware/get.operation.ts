import { getOtaFirmware } from '../../api/otaFirmwareRecord';
import { iotActionExecute } from '../../helpers/perItem';
import { readRequiredText } from '../../helpers/parameterReaders';
import { firmwareLocator } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['firmware'], operation: ['get'] } };

export const description = withDisplayOptions(displayOptions, [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The OTA firmware (upgrade package) to read: its FirmwareId, or pick it from the list',
	}),
	operationOptions([
		{
			displayName: 'Include Download URL',
			name: 'includeDownloadUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the pre-signed download links (FirmwareUrl, MultiFiles[].URL) whole. Anyone holding such a link can download the package until it expires; off, only the location is kept.',
		},
	]),
]);

/** QueryOTAFirmware: one item per input item, the firmware's record. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware'),
		includeDownloadUrl: (context.getNodeParameter('options.includeDownloadUrl', itemIndex, false) as boolean) === true,
	}),
	getOtaFirmware,
);
