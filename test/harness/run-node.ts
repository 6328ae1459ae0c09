import type { IConnections, INodeExecutionData, IRun } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { toWorkflowNode } from './harness-node';
import { createInputNode, createInputNodeType, INPUT_NODE_NAME, INPUT_NODE_TYPE } from './input-node';
import type { NodeTypeMap } from './node-types';
import { typeNameOf } from './node-types';
import { runWorkflow } from './run-workflow';
import { serializeRun } from './serialize-run';
import type { NodeRunResult, RunNodeOptions } from './types';

/** Runs `input items -> node under test` as a real n8n execution and picks out the node's result. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const inputNode = createInputNode();
	const nodeUnderTest = toWorkflowNode(options.node);
	const connections: IConnections = {
		[INPUT_NODE_NAME]: {
			[NodeConnectionTypes.Main]: [[{ node: nodeUnderTest.name, type: NodeConnectionTypes.Main, index: 0 }]],
		},
	};
	const nodeTypes: NodeTypeMap = {
		[INPUT_NODE_TYPE]: createInputNodeType(options.inputItems ?? [{}], options.inputBinaries),
		[nodeUnderTest.type]: options.node.type,
	};
	for (const extra of options.extraNodeTypes ?? []) nodeTypes[typeNameOf(extra)] = extra;

	const run = await runWorkflow({
		workflow: { nodes: [inputNode, nodeUnderTest], connections },
		nodeTypes,
		credentials: options.credentials,
		startNodeName: INPUT_NODE_NAME,
	});
	return toNodeRunResult(run, nodeUnderTest.name);
}

function toNodeRunResult(run: IRun, nodeName: string): NodeRunResult {
	const { runData, error: workflowError } = run.data.resultData;
	const task = runData[nodeName]?.[0];
	const outputs: INodeExecutionData[][] = (task?.data?.[NodeConnectionTypes.Main] ?? []).map(
		(output) => output ?? [],
	);
	// If the node never ran (e.g. the input node failed), the workflow's error is the one to show.
	const error = task === undefined ? workflowError : task.error;
	let serialized: string | undefined;
	return {
		items: outputs[0] ?? [],
		outputs,
		error: error === undefined ? undefined : { ...error },
		runData,
		// Lazy: stringifying is the one per-item cost, and a 100k-item benchmark never reads it.
		get serialized() {
			serialized ??= serializeRun(run);
			return serialized;
		},
	};
}
