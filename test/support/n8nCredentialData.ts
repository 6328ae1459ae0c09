import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { AlibabaCloudIotApi } from '../../credentials/AlibabaCloudIotApi.credentials';

/**
 * A stored credential as a node receives it from `this.getCredentials()` in n8n: the CLI's
 * credentials helper fills in absent fields with their defaults and drops fields hidden by display
 * options, with this same call (`applyDefaultsAndOverwrites` in n8n 2.41). The harness hands out
 * stored data as it is, so tests about saved credentials go through this first.
 */
export function asN8nDelivers(stored: INodeParameters): ICredentialDataDecryptedObject {
	return (NodeHelpers.getNodeParameters(new AlibabaCloudIotApi().properties, stored, true, false, null, null) ??
		{}) as ICredentialDataDecryptedObject;
}
