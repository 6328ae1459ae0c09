// IotInstanceId: omitted for the public instance, required for Enterprise instances (docs/alibaba-api.md).
import { KNOWN_INSTANCE_IDS } from '../accounts';
import { businessError, type Outcome } from '../responses';

export type InstanceResult = { ok: true; iotInstanceId: string | undefined } | { ok: false; outcome: Outcome };

/** "undefined" or "null" (a client stringifying a missing value) is just an unknown instance. */
export function readInstance(params: Record<string, string>): InstanceResult {
	const iotInstanceId = params.IotInstanceId || undefined;
	if (iotInstanceId !== undefined && !KNOWN_INSTANCE_IDS.has(iotInstanceId)) {
		return { ok: false, outcome: businessError('iot.system.InstanceNotFound', 'The specified instance does not exist.') };
	}
	return { ok: true, iotInstanceId };
}
