// Runs a node the way an n8n AI Agent uses it as a tool, in n8n-core's engine (test/harness).
//
// Two things here are not in the packages we install, so they are re-created from n8n 2.41.1:
// - the `<name>Tool` node type: n8n's CLI (package `n8n`, dist/node-types.js `getByNameAndVersion`
//   and dist/tool-generation/ai-tools.js `convertNodeToAiTool`) derives it on demand from a node
//   with `usableAsTool: true`; `toolVariantOf` copies those steps (aiTool.test.ts checks the copy
//   against n8n's own code when the e2e toolchain has installed n8n);
// - the AI Agent itself (package @n8n/n8n-nodes-langchain, which needs a chat model): `fakeAgent`
//   stands in for it, without a model, with the two ways n8n's agents call tools. With `toolCalls`
//   it invokes the tools n8n-core's getInputConnectionData builds (createNodeAsTool) directly, as
//   Tools Agent v1/v2 and a sub-agent's executeEngineAction do. With `engineToolCalls` it returns an
//   EngineRequest and reads the EngineResponse when the engine resumes it, as Agent v3 (the default
//   in 2.41) does: the engine then runs the tool node itself.
import type {
	EngineRequest,
	EngineResponse,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IRun,
	ITaskData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';

import { runWorkflow, type HarnessCredentials } from '../harness';
import { serializeRun } from '../harness/serialize-run';
import { manualTriggerStandIn } from './manualTrigger';

/**
 * What n8n 2.41.1's NodeTypes.getByNameAndVersion returns for `<name>Tool`: the node's type behind
 * prototype copies of its description and properties, converted by convertNodeToAiTool (name +
 * 'Tool', no inputs, one ai_tool output, a "Tool Description" choice). The node's own `execute`
 * stays, reached through the prototype.
 */
export function toolVariantOf(nodeType: INodeType): INodeType {
	if (typeof nodeType.supplyData === 'function') {
		throw new Error(`${nodeType.description.name} already has supplyData: n8n refuses to make a tool of it`);
	}
	if (!nodeType.description.usableAsTool) {
		throw new Error(`${nodeType.description.name} is not usableAsTool: n8n refuses to make a tool of it`);
	}
	const clonedProperties = Object.create(nodeType.description.properties) as INodeProperties[];
	const clonedDescription = Object.create(nodeType.description, {
		properties: { value: clonedProperties, writable: false },
	}) as INodeTypeDescription;
	const clonedNode = Object.create(nodeType, { description: { value: clonedDescription } }) as INodeType;
	convertNodeToAiTool(clonedNode.description);
	return clonedNode;
}

/** n8n 2.41.1, dist/tool-generation/ai-tools.js `convertNodeToAiTool`, on a full description. */
function convertNodeToAiTool(description: INodeTypeDescription): void {
	description.name += 'Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	description.displayName += ' Tool';
	delete description.usableAsTool;

	const hasResource = description.properties.some((prop) => prop.name === 'resource');
	const hasOperation = description.properties.some((prop) => prop.name === 'operation');
	if (!description.properties.map((prop) => prop.name).includes('toolDescription')) {
		const descriptionType: INodeProperties = {
			displayName: 'Tool Description',
			name: 'descriptionType',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Set Automatically', value: 'auto', description: 'Automatically set based on resource and operation' },
				{ name: 'Set Manually', value: 'manual', description: 'Manually set the description' },
			],
			default: 'auto',
		};
		const descProp: INodeProperties = {
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: description.description,
			required: true,
			typeOptions: { rows: 2 },
			description:
				'Explain to the LLM what this tool does, a good, specific description would allow LLMs to produce expected results much more often',
		};
		const lastCallout = findLastCalloutIndex(description.properties);
		description.properties.splice(lastCallout + 1, 0, descProp);
		if (hasResource || hasOperation) {
			description.properties.splice(lastCallout + 1, 0, descriptionType);
			descProp.displayOptions = { show: { descriptionType: ['manual'] } };
		}
	}
	// setToolCodex(description, 'Other Tools', true)
	const existingToolsSubcategory = description.codex?.subcategories?.Tools;
	const alias = description.codex?.alias;
	description.codex = {
		categories: ['AI'],
		subcategories: { AI: ['Tools'], Tools: existingToolsSubcategory ?? ['Other Tools'] },
		resources: description.codex?.resources ?? {},
		...(alias && { alias }),
	};
}

function findLastCalloutIndex(properties: INodeProperties[]): number {
	for (let i = properties.length - 1; i >= 0; i--) {
		if (properties[i].type === 'callout') return i;
	}
	return -1;
}

export const FAKE_AGENT_TYPE = 'fakeAiAgent';

/** A tool as an agent's model is shown it: the OpenAI function definition LangChain sends. */
export interface ToolAsSeen {
	name: string;
	description: string;
	/** JSON Schema of the arguments, from the tool's zod schema (what `bindTools` sends). */
	parameters: IDataObject;
	metadata: IDataObject;
}

/** One call the fake agent made through `tool.invoke`, and what came back. */
export interface InvokeOutcome {
	args: IDataObject;
	/** The string `invoke` resolved to, which an agent hands its model as the tool message. */
	result?: string;
	/** What `invoke` threw, as an agent catches it. */
	error?: { name: string; message: string; description: string | null; className: string };
}

interface AgentOutput {
	kind: 'tools' | 'invoke' | 'engine';
	tools?: ToolAsSeen[];
	invoke?: InvokeOutcome;
	/** Agent v3: the observation n8n's buildSteps gives the model for an engine-run tool call. */
	engine?: { toolName: string; args: IDataObject; observation: string; status: string | null };
}

interface InvocableTool {
	name: string;
	description: string;
	invoke(args: IDataObject): Promise<unknown>;
	metadata?: Record<string, unknown>;
}

function isInvocableTool(value: unknown): value is InvocableTool {
	if (typeof value !== 'object' || value === null) return false;
	const tool = value as Partial<InvocableTool>;
	return typeof tool.name === 'string' && typeof tool.description === 'string' && typeof tool.invoke === 'function';
}

function toolAsSeen(tool: InvocableTool): ToolAsSeen {
	const { function: definition } = convertToOpenAITool(tool as Parameters<typeof convertToOpenAITool>[0]);
	return {
		name: definition.name,
		description: definition.description ?? '',
		parameters: definition.parameters as IDataObject,
		metadata: { ...(tool.metadata ?? {}) } as IDataObject,
	};
}

function errorOutcome(error: unknown): InvokeOutcome['error'] {
	if (!(error instanceof Error)) {
		return { name: typeof error, message: String(error), description: null, className: typeof error };
	}
	const description = (error as Error & { description?: unknown }).description;
	return {
		name: error.name,
		message: error.message,
		description: typeof description === 'string' ? description : null,
		className: error.constructor.name,
	};
}

/** n8n's buildSteps `buildObservation`: what Agent v3 tells the model a tool node returned. */
function observationOf(data: ITaskData): string {
	const aiToolData = data.data?.[NodeConnectionTypes.AiTool]?.[0]?.map((item) => item?.json);
	if (aiToolData && aiToolData.length > 0) return JSON.stringify(aiToolData);
	if (data.error) {
		return JSON.stringify({ error: data.error.message ?? 'Unknown error', ...(data.error.name && { errorType: data.error.name }) });
	}
	return JSON.stringify('');
}

const out = (json: AgentOutput): INodeExecutionData => ({ json: json as unknown as IDataObject, pairedItem: { item: 0 } });

export const fakeAgent: INodeType = {
	description: {
		displayName: 'Fake AI Agent',
		name: FAKE_AGENT_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Calls its connected tools with fixed arguments, as a model would, and outputs what it saw',
		defaults: { name: 'AI Agent' },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tool', required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Tool Calls (tool.invoke)',
				name: 'toolCalls',
				type: 'json',
				default: '[]',
				description: 'Arguments to invoke the (single) connected tool with, one object per call',
			},
			{
				displayName: 'Tool Calls (engine request)',
				name: 'engineToolCalls',
				type: 'json',
				default: '[]',
				description: 'Arguments to have the engine run the tool node with, one object per call',
			},
		],
	},
	async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<INodeExecutionData[][] | EngineRequest> {
		const connected: unknown = await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0);
		const tools = (Array.isArray(connected) ? connected : [connected]).filter(isInvocableTool);
		if (tools.length !== 1) {
			throw new NodeOperationError(this.getNode(), `Expected one connected tool, got ${tools.length}`);
		}
		const [tool] = tools;
		const items: INodeExecutionData[] = [out({ kind: 'tools', tools: tools.map(toolAsSeen) })];

		const engineCalls = jsonParse<IDataObject[]>(String(this.getNodeParameter('engineToolCalls', 0)));
		// The engine passes an empty EngineResponse on the first run, the tools' results on resuming.
		if (engineCalls.length > 0 && (response?.actionResponses.length ?? 0) === 0) {
			// Agent v3 (createEngineRequests): the engine is to run the tool's node with these inputs.
			const sourceNodeName = tool.metadata?.sourceNodeName;
			if (typeof sourceNodeName !== 'string') throw new NodeOperationError(this.getNode(), 'Tool has no sourceNodeName');
			return {
				actions: engineCalls.map((input, index) => ({
					actionType: 'ExecutionNodeAction' as const,
					nodeName: sourceNodeName,
					input,
					type: NodeConnectionTypes.AiTool,
					id: `call_${index}`,
					metadata: { itemIndex: 0, toolName: tool.name },
				})),
				metadata: {},
			};
		}
		for (const { action, data } of response?.actionResponses ?? []) {
			items.push(
				out({
					kind: 'engine',
					engine: {
						toolName: String((action.metadata as IDataObject | undefined)?.toolName),
						args: action.input,
						observation: observationOf(data),
						status: data.executionStatus ?? null,
					},
				}),
			);
		}

		for (const args of jsonParse<IDataObject[]>(String(this.getNodeParameter('toolCalls', 0)))) {
			try {
				const result = await tool.invoke(args);
				items.push(out({ kind: 'invoke', invoke: { args, result: String(result) } }));
			} catch (error) {
				items.push(out({ kind: 'invoke', invoke: { args, error: errorOutcome(error) } }));
			}
		}
		return [items];
	},
};

export const TRIGGER_NAME = "When clicking 'Execute workflow'";
export const AGENT_NAME = 'AI Agent';

export interface AgentRun {
	run: IRun;
	/** The tools as the agent's model sees them. */
	tools: ToolAsSeen[];
	invokes: InvokeOutcome[];
	engineCalls: NonNullable<AgentOutput['engine']>[];
	/** The agent node's error, if it failed. */
	agentError?: Record<string, unknown>;
	serialized: string;
}

export interface AgentRunOptions {
	/** The node to use as a tool: its `usableAsTool` type (converted here) and its settings. */
	tool: {
		type: INodeType;
		/** The type string workflows save, default `<description.name>Tool`; in n8n a community node's is `<package>.<name>Tool`. */
		typeName?: string;
		name: string;
		parameters: INodeParameters;
		credentials?: Record<string, { id: string; name: string }>;
	};
	toolCalls?: IDataObject[];
	engineToolCalls?: IDataObject[];
	credentials?: HarnessCredentials;
}

/** Manual trigger -> fake AI Agent, with `tool` (as its `…Tool` variant) on the agent's ai_tool input. */
export async function runAgentWithTool(options: AgentRunOptions): Promise<AgentRun> {
	const baseType = options.tool.type;
	const toolTypeName = options.tool.typeName ?? `${baseType.description.name}Tool`;
	const run = await runWorkflow({
		workflow: {
			nodes: [
				{ id: 'trigger', name: TRIGGER_NAME, type: 'manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'agent',
					name: AGENT_NAME,
					type: FAKE_AGENT_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: {
						toolCalls: JSON.stringify(options.toolCalls ?? []),
						engineToolCalls: JSON.stringify(options.engineToolCalls ?? []),
					},
				},
				{
					id: 'tool',
					name: options.tool.name,
					type: toolTypeName,
					typeVersion: 1,
					position: [200, 200],
					parameters: options.tool.parameters,
					credentials: options.tool.credentials,
				},
			],
			connections: {
				[TRIGGER_NAME]: {
					[NodeConnectionTypes.Main]: [[{ node: AGENT_NAME, type: NodeConnectionTypes.Main, index: 0 }]],
				},
				[options.tool.name]: {
					[NodeConnectionTypes.AiTool]: [[{ node: AGENT_NAME, type: NodeConnectionTypes.AiTool, index: 0 }]],
				},
			},
		},
		nodeTypes: {
			manualTrigger: manualTriggerStandIn,
			[FAKE_AGENT_TYPE]: fakeAgent,
			[toolTypeName]: toolVariantOf(baseType),
		},
		credentials: options.credentials,
		startNodeName: TRIGGER_NAME,
	});

	const agentTasks = run.data.resultData.runData[AGENT_NAME] ?? [];
	const lastTask = agentTasks[agentTasks.length - 1];
	const outputs = (lastTask?.data?.[NodeConnectionTypes.Main]?.[0] ?? []).map((item) => item.json as unknown as AgentOutput);
	return {
		run,
		tools: outputs.find((output) => output.kind === 'tools')?.tools ?? [],
		invokes: outputs.flatMap((output) => (output.invoke ? [output.invoke] : [])),
		engineCalls: outputs.flatMap((output) => (output.engine ? [output.engine] : [])),
		agentError: lastTask?.error === undefined ? undefined : { ...lastTask.error },
		serialized: serializeRun(run),
	};
}
