import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { getOtaFirmware } from './otaFirmwareRecord';
import { writeOnce } from './writeOnce';

/** The documented Code for a FirmwareId QueryOTAFirmware does not know (docs/alibaba-api.md). */
export const FIRMWARE_NOT_FOUND_CODE = 'iot.ota.FirmwareNotFound';

export interface DeletedFirmware {
	FirmwareId: string;
	Deleted: true;
	RequestId?: string;
	/** True when the answer was lost and QueryOTAFirmware no longer found the firmware. */
	Recovered?: true;
}

/**
 * DeleteOTAFirmware. After a lost answer QueryOTAFirmware decides: a firmware it no longer finds
 * was deleted; one it still finds was not, and the delete is sent once more.
 */
export async function deleteOtaFirmware(
	call: IotCaller,
	request: { firmwareId: string; iotInstanceId?: string },
): Promise<DeletedFirmware> {
	const result = await writeOnce(call, {
		action: 'DeleteOTAFirmware',
		params: { FirmwareId: request.firmwareId, IotInstanceId: request.iotInstanceId },
		prove: async () => {
			try {
				await getOtaFirmware(call, request);
				return { absent: true };
			} catch (error) {
				if (error instanceof AlibabaApiError && error.code === FIRMWARE_NOT_FOUND_CODE) return { found: true };
				throw error;
			}
		},
		mayHaveHappened: `The firmware ${request.firmwareId} may or may not have been deleted`,
		toCheck: `get firmware ${request.firmwareId} and see whether it still exists`,
	});
	if ('recovered' in result) return { FirmwareId: request.firmwareId, Deleted: true, Recovered: true };
	return {
		FirmwareId: request.firmwareId,
		Deleted: true,
		RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined,
	};
}
