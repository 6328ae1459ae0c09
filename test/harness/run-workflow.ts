import './ensure-n8n-env';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	INode,
	IRun,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { NodeTypeMap } from './node-types';
import { createNodeTypes } from './node-types';
import type { HarnessCredentials } from './types';

export interface RunWorkflowOptions {
	workflow: { nodes: INode[]; connections: IConnections };
	/** Keyed by the `type` string the workflow's nodes use. */
	nodeTypes: NodeTypeMap;
	credentials?: HarnessCredentials;
	/** Default: the workflow's start node as n8n picks it (the first node without inputs). */
	startNodeName?: string;
	/** Default 'manual', as when a user clicks "Execute workflow". */
	mode?: WorkflowExecuteMode;
}

// New workflows in n8n 1.0+ run in 'v1' order (each branch to the end before the next).
const WORKFLOW_SETTINGS: IWorkflowSettings = { executionOrder: 'v1' };

let executionCounter = 0;

/** Runs a whole workflow in n8n-core's engine; every call gets its own Workflow, hooks and data. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<IRun> {
	const mode = options.mode ?? 'manual';
	const executionId = `harness-${++executionCounter}`;
	const { connections } = options.workflow;
	// The Workflow fills each node's parameter defaults in place; copies keep the caller's nodes reusable.
	const nodes = options.workflow.nodes.map((node) => ({ ...node }));
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes: createNodeTypes(options.nodeTypes),
		settings: { ...WORKFLOW_SETTINGS },
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, toWorkflowData(workflow, nodes, connections));
	// n8n treats an execution as finished once this hook has run (it is where the CLI saves it).
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const additionalData = createAdditionalData(options.credentials, hooks);
	additionalData.executionId = executionId;

	const startNode = options.startNodeName === undefined ? undefined : workflow.getNode(options.startNodeName);
	if (startNode === null) {
		throw new UnexpectedError(`Start node "${options.startNodeName}" is not in the workflow`);
	}
	await new WorkflowExecute(additionalData, mode).run({ workflow, startNode });
	return await finished;
}

function toWorkflowData(workflow: Workflow, nodes: INode[], connections: IConnections): IWorkflowBase {
	const now = new Date();
	return {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: workflow.settings,
	};
}
