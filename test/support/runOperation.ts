import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript source over the codex file AlibabaCloudIot.node.json.
import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { runNode, type HarnessNode, type NodeRunResult, type RunNodeOptions } from '../harness';

export interface OperationRun {
	resource: string;
	operation: string;
	parameters?: INodeParameters;
	inputItems?: IDataObject[];
	credential: IDataObject;
	onError?: HarnessNode['onError'];
	inputBinaries?: RunNodeOptions['inputBinaries'];
	/** The saved credential's name, as the run data shows it. */
	credentialName?: string;
}

/**
 * Runs one operation of the node in n8n's engine, after an input node emitting `inputItems`: the one
 * runner the engine tests, the bench and the live check share.
 */
export async function runOperation(run: OperationRun): Promise<NodeRunResult> {
	return await runNode({
		node: {
			type: new AlibabaCloudIot(),
			parameters: { resource: run.resource, operation: run.operation, ...run.parameters },
			credentials: { alibabaCloudIotApi: { id: '1', name: run.credentialName ?? 'Alibaba Cloud IoT (emulator)' } },
			onError: run.onError,
		},
		inputItems: run.inputItems,
		inputBinaries: run.inputBinaries,
		credentials: { alibabaCloudIotApi: run.credential as ICredentialDataDecryptedObject },
	});
}
