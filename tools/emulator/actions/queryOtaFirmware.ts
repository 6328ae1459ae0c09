// QueryOTAFirmware: one firmware's record as `FirmwareInfo`, beside RequestId (not under Data).
import { firmwareDetail } from '../firmwareDetails';
import { firmwareNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function queryOtaFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.FirmwareId) return missingParameter('FirmwareId');
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const fixture = context.firmwares.find(params.FirmwareId, instance.iotInstanceId);
	if (!fixture) return firmwareNotFound();
	return success({ Success: true, FirmwareInfo: firmwareDetail(fixture) });
}
