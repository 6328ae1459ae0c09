// DeleteOTAFirmware: the firmware goes, and QueryOTAFirmware no longer finds it. Not documented:
// whether a firmware with running jobs can be deleted; the emulator allows it.
import { firmwareNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function deleteOtaFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.FirmwareId) return missingParameter('FirmwareId');
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	if (!context.firmwares.find(params.FirmwareId, instance.iotInstanceId)) return firmwareNotFound();
	context.firmwares.delete(params.FirmwareId);
	return success({ Success: true });
}
