import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failedItem, type OperationExecute } from '../helpers/perItem';
import { iotCredentialsOf } from '../helpers/otaCallerFor';
import type { IotCredentials } from '../transport/iotCredentials';
import * as firmware from './firmware';
import * as otaJob from './otaJob';
import * as otaTask from './otaTask';

/** resource -> operation -> its execute; each resource's index lists its own (saved names). */
const operations: Record<string, Record<string, OperationExecute>> = {
	otaJob: otaJob.executes,
	otaTask: otaTask.executes,
	firmware: firmware.executes,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}

	let credentials: IotCredentials;
	try {
		credentials = await iotCredentialsOf(this);
	} catch (error) {
		// A credential that cannot work fails every item alike: under Continue On Fail each input
		// item gets its error item, as any other failure of that item would give it.
		return [this.getInputData().map((_, itemIndex) => failedItem(this, error, itemIndex))];
	}
	return [await execute.call(this, credentials)];
}
