import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { RunNodeOptions } from './types';

export const INPUT_NODE_NAME = 'Input Items';
export const INPUT_NODE_TYPE = 'harness.inputItems';

/**
 * Plays the part of the Manual Trigger plus whatever produced the items (n8n-nodes-base is not
 * installed). The items live in this closure rather than in node parameters, so the engine never
 * resolves or copies them as parameters.
 */
export function createInputNodeType(items: IDataObject[], binaries: RunNodeOptions['inputBinaries'] = []): INodeType {
	return {
		description: {
			displayName: 'Input Items',
			name: INPUT_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the items given to the harness',
			defaults: { name: INPUT_NODE_NAME },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const output: INodeExecutionData[] = [];
			for (const [index, json] of items.entries()) {
				const item: INodeExecutionData = { json };
				for (const [field, file] of Object.entries(binaries[index] ?? {})) {
					item.binary ??= {};
					item.binary[field] = await this.helpers.prepareBinaryData(
						file.content,
						file.fileName,
						// Without a MIME type n8n sniffs it through a dynamic import, which jest's VM refuses.
						file.mimeType ?? 'application/octet-stream',
					);
				}
				output.push(item);
			}
			return [output];
		},
	};
}

export function createInputNode(): INode {
	return {
		id: 'harness-input',
		name: INPUT_NODE_NAME,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}
