import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IConnections, IDataObject, INode, IRun } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript source over the codex file AlibabaCloudIot.node.json.
import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { runWorkflow } from '../harness';
import { manualTriggerStandIn } from './manualTrigger';

export const PACKAGE_NODE_TYPE = 'n8n-nodes-alibabacloud-iot.alibabaCloudIot';

export interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

export function loadExampleWorkflow(fileName: string): ExampleWorkflow {
	const path = join(__dirname, '..', '..', 'examples', fileName);
	return JSON.parse(readFileSync(path, 'utf8')) as ExampleWorkflow;
}

/** Runs an example workflow from `examples/` as n8n would, with our node under its package type. */
export async function runExampleWorkflow(workflow: ExampleWorkflow, credential: IDataObject): Promise<IRun> {
	return await runWorkflow({
		workflow,
		nodeTypes: {
			'n8n-nodes-base.manualTrigger': manualTriggerStandIn,
			[PACKAGE_NODE_TYPE]: new AlibabaCloudIot(),
		},
		credentials: { alibabaCloudIotApi: credential as ICredentialDataDecryptedObject },
	});
}
