import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript source over the codex file AlibabaCloudIot.node.json.
import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { runNode } from '../../test/harness';

/** Return All for each firmware, one input item per firmware, through n8n-core's engine. */
export async function runListInEngine(credential: IDataObject, firmwareIds: string[]): Promise<string[]> {
	const result = await runNode({
		node: {
			type: new AlibabaCloudIot(),
			parameters: {
				resource: 'otaJob',
				operation: 'listByFirmware',
				firmwareId: { __rl: true, mode: 'id', value: '={{ $json.firmwareId }}' },
				returnAll: true,
			},
			credentials: { alibabaCloudIotApi: { id: '1', name: 'bench' } },
		},
		inputItems: firmwareIds.map((firmwareId) => ({ firmwareId })),
		credentials: { alibabaCloudIotApi: credential as ICredentialDataDecryptedObject },
	});
	if (result.error) throw new Error(`The node failed: ${String(result.error.message)}`);
	return result.items.map((item) => item.json.JobId as string);
}
