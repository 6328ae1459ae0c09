import type { IDataObject } from 'n8n-workflow';

import { runOperation } from '../../test/support/runOperation';

/** Return All for each firmware, one input item per firmware, through n8n-core's engine. */
export async function runListInEngine(credential: IDataObject, firmwareIds: string[]): Promise<string[]> {
	const result = await runOperation({
		resource: 'otaJob',
		operation: 'listByFirmware',
		parameters: { firmwareId: { __rl: true, mode: 'id', value: '={{ $json.firmwareId }}' }, returnAll: true },
		inputItems: firmwareIds.map((firmwareId) => ({ firmwareId })),
		credential,
		credentialName: 'bench',
	});
	if (result.error) throw new Error(`The node failed: ${String(result.error.message)}`);
	return result.items.map((item) => item.json.JobId as string);
}
