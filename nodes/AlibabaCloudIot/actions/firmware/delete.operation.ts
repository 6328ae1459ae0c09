import { deleteOtaFirmware } from '../../api/otaFirmwareDelete';
import { iotActionExecute } from '../../helpers/perItem';
import { readRequiredText } from '../../helpers/parameterReaders';
import { firmwareLocator } from '../../helpers/properties/identifiers';
import { withDisplayOptions } from '../../helpers/properties/displayOptions';
import { operationOptions } from '../../helpers/properties/operationOptions';

const displayOptions = { show: { resource: ['firmware'], operation: ['delete'] } };

export const description = withDisplayOptions(displayOptions, [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The OTA firmware (upgrade package) to delete: its FirmwareId, or pick it from the list',
	}),
	operationOptions(),
]);

/** DeleteOTAFirmware: once; after a lost answer, QueryOTAFirmware decides. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware'),
	}),
	deleteOtaFirmware,
);
