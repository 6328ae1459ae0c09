import './ensure-n8n-env';

import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { toWorkflowNode } from './harness-node';
import { createNodeTypes, typeNameOf } from './node-types';
import type { HarnessCredentials, HarnessNode } from './types';

export interface PollOnceOptions {
	node: HarnessNode;
	credentials?: HarnessCredentials;
	/** 'manual' is the editor's "Fetch test event"; 'trigger' is a scheduled poll of an active workflow. */
	mode: 'manual' | 'trigger';
	/**
	 * The node's static data (`this.getWorkflowStaticData('node')`). Pass the same object to
	 * successive calls to carry it between polls: the poll mutates it in place, as n8n does with
	 * the static data it stores with the workflow. Default: a fresh `{}`, so nothing carries over.
	 */
	staticData?: IDataObject;
	/** What `this.getPollBudgetMs()` answers, as n8n's durable scheduler sets it; default n8n-core's 5 minutes. */
	pollBudgetMs?: number;
}

// How n8n starts each kind of poll: the editor's test run, or the poller of an activated workflow.
const ACTIVATION: Record<PollOnceOptions['mode'], WorkflowActivateMode> = {
	manual: 'manual',
	trigger: 'activate',
};

/** Calls the node's `poll()` once with n8n-core's own PollContext as `this`. */
export async function pollOnce(options: PollOnceOptions): Promise<INodeExecutionData[][] | null> {
	const node = toWorkflowNode(options.node);
	const workflow = new Workflow({
		id: 'harness-workflow',
		nodes: [node],
		connections: {},
		active: options.mode === 'trigger',
		nodeTypes: createNodeTypes({ [typeNameOf(options.node.type)]: options.node.type }),
		// n8n keys a node's static data by its name inside the workflow's static data.
		staticData: { [`node:${node.name}`]: options.staticData ?? {} },
	});
	const { poll } = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (poll === undefined) throw new UnexpectedError(`Node type "${node.type}" has no poll() method`);
	const budgetMs = options.pollBudgetMs;
	const context = new PollContext(
		workflow,
		node,
		createAdditionalData(options.credentials),
		options.mode,
		ACTIVATION[options.mode],
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		budgetMs === undefined ? undefined : () => budgetMs,
	);
	return await poll.call(context);
}
