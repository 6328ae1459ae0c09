import type { IDataObject } from 'n8n-workflow';

import { createOtaCaller } from '../api/otaCaller';
import type { IotCallOptions, IotCaller } from '../transport/iotCaller';
import { resolveIotCredentials, type IotCredentials } from '../transport/iotCredentials';

/** The credential type's name. The node files state it as a literal too: n8n's lint rules read it there. */
export const IOT_CREDENTIAL_TYPE = 'alibabaCloudIotApi';

/** What the node, the trigger and the editor's list search can read a credential from. */
interface CredentialSource {
	getCredentials(type: string): Promise<IDataObject>;
}

/** The context's Alibaba Cloud IoT credential, checked (a bad one throws IotCredentialsError). */
export async function iotCredentialsOf(context: CredentialSource): Promise<IotCredentials> {
	return resolveIotCredentials(await context.getCredentials(IOT_CREDENTIAL_TYPE));
}

/** The one way down for a context: its credential, then a caller with the OTA quotas. */
export async function otaCallerFor(
	context: CredentialSource,
	options: Omit<IotCallOptions, 'quotaPerSecondOf'> = {},
): Promise<IotCaller> {
	return createOtaCaller(await iotCredentialsOf(context), options);
}

/** The same from a credential's data, as the credential's Test button receives it. */
export function otaCallerForData(data: IDataObject, options: Omit<IotCallOptions, 'quotaPerSecondOf'> = {}): { call: IotCaller; credentials: IotCredentials } {
	const credentials = resolveIotCredentials(data);
	return { call: createOtaCaller(credentials, options), credentials };
}
