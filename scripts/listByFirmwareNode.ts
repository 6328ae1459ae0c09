import type { IDataObject } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript source over the codex file AlibabaCloudIot.node.json.
import { AlibabaCloudIot } from '../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';

/** The node set to OTA Job → List by Firmware, as the harness's `runNode` takes it. */
export function listByFirmwareNode(parameters: IDataObject, credentialName: string) {
	return {
		type: new AlibabaCloudIot(),
		parameters: { resource: 'otaJob', operation: 'listByFirmware', ...parameters },
		credentials: { alibabaCloudIotApi: { id: '1', name: credentialName } },
	};
}
