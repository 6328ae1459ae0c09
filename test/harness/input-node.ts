import type { IBinaryKeyData, IDataObject, INode, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { InputFile } from './types';

export const INPUT_NODE_NAME = 'Input Items';
export const INPUT_NODE_TYPE = 'harness.inputItems';

/**
 * Plays the part of the Manual Trigger plus whatever produced the items (n8n-nodes-base is not
 * installed). The items live in this closure rather than in node parameters, so the engine never
 * resolves or copies them as parameters.
 */
export function createInputNodeType(items: IDataObject[], binaries: (Record<string, InputFile> | undefined)[] = []): INodeType {
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
		async execute() {
			const output: INodeExecutionData[] = [];
			for (const [index, json] of items.entries()) {
				const files = binaries[index];
				if (!files) {
					output.push({ json });
					continue;
				}
				const binary: IBinaryKeyData = {};
				for (const [field, file] of Object.entries(files)) {
					binary[field] = await this.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
				}
				output.push({ json, binary });
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
