import type { INode } from 'n8n-workflow';

import { defaultVersionOf, typeNameOf } from './node-types';
import type { HarnessNode } from './types';

export const DEFAULT_NODE_NAME = 'Node Under Test';

/** The workflow node the editor would save for this configuration. */
export function toWorkflowNode(node: HarnessNode): INode {
	return {
		id: 'harness-node-under-test',
		name: node.name ?? DEFAULT_NODE_NAME,
		type: typeNameOf(node.type),
		typeVersion: node.typeVersion ?? defaultVersionOf(node.type),
		position: [200, 0],
		parameters: node.parameters,
		credentials: node.credentials,
		onError: node.onError,
	};
}
