import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';
import { getOtaFirmware } from './otaFirmwareRecord';
import { writeOnce } from './writeOnce';

/** The Code QueryOTAFirmware answers for a firmware that does not exist (docs/alibaba-api.md, SDK-J). */
const FIRMWARE_NOT_FOUND = 'iot.ota.FirmwareNotFound';

/**
 * DeleteOTAFirmware, once: after a lost answer QueryOTAFirmware decides. Not found: it was deleted
 * (recovered). Still there: the delete is sent once more.
 */
export async function deleteOtaFirmware(
	call: IotCaller,
	request: { firmwareId: string; iotInstanceId?: string },
): Promise<{ FirmwareId: string; Deleted: true; RequestId?: string; Recovered?: true }> {
	const result = await writeOnce(call, {
		action: 'DeleteOTAFirmware',
		params: { FirmwareId: request.firmwareId, IotInstanceId: request.iotInstanceId },
		prove: async () => {
			try {
				await getOtaFirmware(call, request);
				return { absent: true as const };
			} catch (error) {
				if (error instanceof AlibabaApiError && error.code === FIRMWARE_NOT_FOUND) return { found: true };
				throw error;
			}
		},
		mayHaveHappened: `The firmware ${request.firmwareId} may or may not have been deleted`,
		toCheck: `get firmware ${request.firmwareId} (Firmware → Get)`,
	});
	if ('recovered' in result) return { FirmwareId: request.firmwareId, Deleted: true, Recovered: true };
	return { FirmwareId: request.firmwareId, Deleted: true, RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined };
}
