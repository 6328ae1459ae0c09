import type { INodeProperties } from 'n8n-workflow';

import { deleteOtaFirmware } from '../../api/otaFirmwareDelete';
import { iotActionExecute } from '../../helpers/perItem';
import { readRequiredText } from '../../helpers/parameterReaders';
import { firmwareLocator } from '../../helpers/properties/identifiers';
import { operationOptions } from '../../helpers/properties/operationOptions';

const showFor = { show: { resource: ['firmware'], operation: ['delete'] } };

export const description: INodeProperties[] = [
	firmwareLocator({
		displayName: 'Firmware',
		name: 'firmwareId',
		description: 'The OTA firmware (upgrade package) to delete: its FirmwareId, or pick it from the list',
		displayOptions: showFor,
	}),
	operationOptions(showFor),
];

/** DeleteOTAFirmware: once; after a lost answer, QueryOTAFirmware decides. */
export const execute = iotActionExecute(
	(context, itemIndex) => ({
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware ID', 'enter the ID of an OTA firmware'),
	}),
	deleteOtaFirmware,
);
