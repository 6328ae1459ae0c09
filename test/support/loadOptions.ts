import '../harness/ensure-n8n-env';

import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from '../harness/additional-data';
import { toWorkflowNode } from '../harness/harness-node';
import { createNodeTypes, typeNameOf } from '../harness/node-types';
import type { HarnessNode } from '../harness';

/**
 * `this` for an editor look-up (a list search), as n8n builds it when the user opens a picker:
 * n8n-core's own LoadOptionsContext over a workflow holding the node with its current parameters.
 */
export function loadOptionsContext(
	node: HarnessNode,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): ILoadOptionsFunctions {
	const workflowNode = toWorkflowNode(node);
	const workflow = new Workflow({
		id: 'harness-load-options',
		nodes: [workflowNode],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ [typeNameOf(node.type)]: node.type }),
	});
	// The editor sends the node's current parameters with every look-up; n8n reads them from here.
	const additionalData = { ...createAdditionalData(credentials), currentNodeParameters: workflowNode.parameters };
	return new LoadOptionsContext(workflow, workflowNode, additionalData, 'parameters.firmwareId');
}
