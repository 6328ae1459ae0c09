import type { INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Stands in for n8n-nodes-base's Manual Trigger (not installed here) so the repo's example
 * workflows run unchanged in the engine: like the real one, it emits a single empty item.
 */
export const manualTriggerStandIn: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		return [[{ json: {} }]];
	},
};
