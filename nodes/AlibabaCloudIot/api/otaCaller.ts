import type { IotCredentials } from '../transport/iotCredentials';
import { createIotCaller, type IotCallOptions, type IotCaller } from '../transport/iotCaller';
import { otaActionQuota } from './limits';

/**
 * The caller every part of the package uses: each OTA action is limited to its own documented
 * quota as well as the credential's Max Requests per Second. One shared limiter per AccessKey and
 * action must get the same ceiling from every caller, so no caller is built without the table.
 */
export function createOtaCaller(
	credentials: IotCredentials,
	options: Omit<IotCallOptions, 'quotaPerSecondOf'> = {},
): IotCaller {
	return createIotCaller(credentials, { ...options, quotaPerSecondOf: otaActionQuota });
}
