import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../../test/harness';
import { listByFirmwareNode } from '../listByFirmwareNode';

/** Return All for each firmware, one input item per firmware, through n8n-core's engine. */
export async function runListInEngine(credential: IDataObject, firmwareIds: string[]): Promise<string[]> {
	const result = await runNode({
		node: listByFirmwareNode(
			{ firmwareId: { __rl: true, mode: 'id', value: '={{ $json.firmwareId }}' }, returnAll: true },
			'bench',
		),
		inputItems: firmwareIds.map((firmwareId) => ({ firmwareId })),
		credentials: { alibabaCloudIotApi: credential as ICredentialDataDecryptedObject },
	});
	if (result.error) throw new Error(`The node failed: ${String(result.error.message)}`);
	return result.items.map((item) => item.json.JobId as string);
}
