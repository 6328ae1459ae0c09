// Business errors of the OTA actions beyond the paging and instance ones (docs/alibaba-api.md).
import { businessError, type Outcome } from './responses';

/** The example Code of ModifyOTAFirmwareResponseBody in Alibaba's Java SDK, with its message. */
export function firmwareNotFound(): Outcome {
	return businessError('iot.ota.FirmwareNotFound', 'The specified firmware does not exist.');
}

/** A GUESS: no source documents the Code for an unknown JobId; this follows iot.ota.FirmwareNotFound. */
export const JOB_NOT_FOUND_CODE = 'iot.ota.JobNotFound';

export function jobNotFound(): Outcome {
	return businessError(JOB_NOT_FOUND_CODE, 'The specified OTA job does not exist.');
}

/** Documented generic Code ("The request parameter is invalid", error codes page 87387). */
export function illegalRequest(message: string): Outcome {
	return businessError('iot.system.IllegalRequest', message);
}
