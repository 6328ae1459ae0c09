// "List OTA Jobs by Firmware" used by an AI Agent as a tool, in n8n-core's engine against the emulator.
// The agent is a stand-in without a model (test/support/aiAgent.ts); everything between it and our
// node is n8n-core's: getInputConnectionData -> createNodeAsTool -> DynamicStructuredTool.invoke ->
// our execute() in a SupplyDataContext, and for Agent v3 the engine running the tool node itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodeTypeDescription,
} from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { runAgentWithTool, toolVariantOf, type AgentRun, type AgentRunOptions } from '../../support/aiAgent';
import { credentialFor, secretsOf } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';


const emulator = useEmulator();

const TOOL_NODE = 'Alibaba Cloud IoT';
const UNKNOWN_FIRMWARE = 'FwDoesNotExist00000001';
const FIRMWARE_ID_FROM_AI = "={{ $fromAI('firmwareId', 'The FirmwareId of the OTA firmware', 'string') }}";

const jobRequests = () => emulator.requests.filter((request) => request.action === 'ListOTAJobByFirmware');
const apiJobIds = (firmwareId: string) => emulator.firmware(firmwareId)!.jobs.map((job) => job.JobId);

/** The tool node as a user sets it up under an agent: the model fills in the firmware ID. */
function agentRun(overrides: Partial<AgentRunOptions> & { parameters?: INodeParameters } = {}): Promise<AgentRun> {
	const { parameters, ...rest } = overrides;
	return runAgentWithTool({
		tool: {
			type: new AlibabaCloudIot(),
			typeName: 'n8n-nodes-alibabacloud-iot.alibabaCloudIotTool',
			name: TOOL_NODE,
			parameters: {
				resource: 'otaJob',
				operation: 'listByFirmware',
				firmwareId: { __rl: true, mode: 'id', value: FIRMWARE_ID_FROM_AI },
				...parameters,
			},
			credentials: { alibabaCloudIotApi: { id: '1', name: 'Alibaba Cloud IoT (emulator)' } },
		},
		credentials: { alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
		...rest,
	});
}

function expectNoSecrets(text: string) {
	for (const secret of secretsOf(credentialFor(emulator))) expect(text).not.toContain(secret);
}

describe('as a tool an agent invokes (getInputConnectionData -> createNodeAsTool -> tool.invoke)', () => {
	it('shows the agent one tool with a name, an OTA-job description and a firmwareId argument', async () => {
		const { tools, agentError } = await agentRun();
		expect(agentError).toBeUndefined();
		expect(tools).toHaveLength(1);
		const [tool] = tools;
		// n8n names a tool after its node (nodeNameToToolName), and "Set Automatically" describes
		// it with the operation's `action` and the node's default name.
		expect(tool.name).toBe('Alibaba_Cloud_IoT');
		expect(tool.description).toBe('List OTA jobs by firmware in Alibaba Cloud IoT');
		expect(tool.parameters).toMatchObject({
			type: 'object',
			properties: { firmwareId: { type: 'string', description: 'The FirmwareId of the OTA firmware' } },
			required: ['firmwareId'],
			additionalProperties: false,
		});
		expect(Object.keys(tool.parameters.properties as IDataObject)).toEqual(['firmwareId']);
		expect(tool.metadata).toEqual({ sourceNodeName: TOOL_NODE });
		// Handing the agent its tools calls nothing.
		expect(emulator.requests).toHaveLength(0);
	});

	it('returns the firmware\'s jobs, as the JSON string the model reads', async () => {
		const { invokes, run, serialized } = await agentRun({ toolCalls: [{ firmwareId: FIXTURE_FIRMWARES.demo }] });
		expect(invokes).toHaveLength(1);
		expect(invokes[0].error).toBeUndefined();
		const jobs = JSON.parse(invokes[0].result!) as IDataObject[];
		expect(jobs.map((job) => job.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.demo));
		expect(jobs).toHaveLength(7);
		for (const job of jobs) expect(job.FirmwareId).toBe(FIXTURE_FIRMWARES.demo);

		// The value the model gave reached the API through $fromAI in the resource locator.
		expect(jobRequests()).toHaveLength(1);
		expect(jobRequests()[0].params.FirmwareId).toBe(FIXTURE_FIRMWARES.demo);

		// What n8n shows on the tool node: the model's arguments in, the response out.
		const [task] = run.data.resultData.runData[TOOL_NODE];
		expect(task.executionStatus).toBe('success');
		expect(task.inputOverride?.ai_tool?.[0]?.[0]?.json).toEqual({ firmwareId: FIXTURE_FIRMWARES.demo });
		const response = task.data?.ai_tool?.[0]?.[0]?.json.response as IDataObject[];
		expect(response.map((job) => job.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.demo));
		expectNoSecrets(serialized);
	});

	it('lets the model set the limit too, with a number argument', async () => {
		const { tools, invokes } = await agentRun({
			parameters: { returnAll: false, limit: "={{ $fromAI('limit', 'How many jobs to return at most', 'number') }}" },
			toolCalls: [{ firmwareId: FIXTURE_FIRMWARES.pages, limit: 3 }],
		});
		expect(tools[0].parameters).toMatchObject({
			properties: {
				firmwareId: { type: 'string' },
				limit: { type: 'number', description: 'How many jobs to return at most' },
			},
			required: ['firmwareId', 'limit'],
		});
		const jobs = JSON.parse(invokes[0].result!) as IDataObject[];
		expect(jobs.map((job) => job.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.pages).slice(0, 3));
		expect(jobRequests().map((request) => request.params.PageSize)).toEqual(['3']);
	});

	it('uses a description set by hand instead of the automatic one', async () => {
		const toolDescription = 'Lists the OTA upgrade jobs of one firmware on Alibaba Cloud IoT, newest first';
		const { tools } = await agentRun({ parameters: { descriptionType: 'manual', toolDescription } });
		expect(tools[0].description).toBe(toolDescription);
	});

	it('throws a NodeOperationError with the Request ID for an unknown firmware', async () => {
		const { invokes, run, serialized } = await agentRun({ toolCalls: [{ firmwareId: UNKNOWN_FIRMWARE }] });
		expect(invokes[0].result).toBeUndefined();
		const error = invokes[0].error!;
		// makeHandleToolInvocation wraps what our node threw in a NodeOperationError and appends
		// its description to the message: that text is all an agent gets.
		expect(error).toMatchObject({ name: 'NodeOperationError', className: 'NodeOperationError' });
		// A business error comes with HTTP 200, which is no failure: no "HTTP status: 200".
		expect(error.message).toMatch(/\n\nDetails: Request ID: [0-9A-F-]{36}\n/);
		expect(error.message).not.toContain('HTTP status');
		expect(error.message).toContain('Alibaba Cloud refused the request: check the parameters.');
		expect(jobRequests()).toHaveLength(1);
		// n8n records the failure on the tool node.
		const [task] = run.data.resultData.runData[TOOL_NODE];
		expect(task.executionStatus).toBe('error');
		expectNoSecrets(serialized);
	});

	// n8n-core wraps a tool's error in `new NodeOperationError(node, error)`, which would swap a
	// message containing "ENOTFOUND" (as iot.ota.FirmwareNotFound does) for a stock sentence.
	it('names iot.ota.FirmwareNotFound to an agent that invokes the tool', async () => {
		const { invokes } = await agentRun({ toolCalls: [{ firmwareId: UNKNOWN_FIRMWARE }] });
		expect(invokes[0].error!.message).toContain('iot.ota.FirmwareNotFound');
	});
});

describe('as a tool Agent v3 has the engine run (EngineRequest -> WorkflowExecute -> EngineResponse)', () => {
	it('gives the model the firmware\'s jobs', async () => {
		const { engineCalls, run } = await agentRun({ engineToolCalls: [{ firmwareId: FIXTURE_FIRMWARES.demo }] });
		expect(engineCalls).toHaveLength(1);
		expect(engineCalls[0]).toMatchObject({ toolName: 'Alibaba_Cloud_IoT', status: 'success' });
		const jobs = JSON.parse(engineCalls[0].observation) as IDataObject[];
		expect(jobs.map((job) => job.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.demo));
		expect(jobRequests()).toHaveLength(1);
		// The agent asked for the call, the engine ran the tool node, then resumed the agent (same run).
		expect(run.data.resultData.runData['AI Agent']).toHaveLength(1);
		expect(run.data.resultData.runData['AI Agent'][0]).toMatchObject({ metadata: { nodeWasResumed: true } });
		const [toolTask] = run.data.resultData.runData[TOOL_NODE];
		expect(toolTask.executionStatus).toBe('success');
		expect(toolTask.data?.ai_tool?.[0]?.map((item) => item.json.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.demo));
		expect(run.data.resultData.error).toBeUndefined();
	});

	it('gives the model iot.ota.FirmwareNotFound for an unknown firmware, and the agent carries on', async () => {
		const { engineCalls, run, serialized } = await agentRun({ engineToolCalls: [{ firmwareId: UNKNOWN_FIRMWARE }] });
		expect(engineCalls).toHaveLength(1);
		// An ai_tool node that fails defaults to "continue": the engine hands the agent
		// [{ error: <our node's message> }] (workflow-execute.js handleNodeExecutionError).
		expect(engineCalls[0].status).toBe('error');
		expect(JSON.parse(engineCalls[0].observation)).toEqual([
			{ error: 'iot.ota.FirmwareNotFound: The firmware does not exist.' },
		]);
		expect(run.data.resultData.error).toBeUndefined();
		expectNoSecrets(serialized);
	});
});

describe('the alibabaCloudIotTool type', () => {
	it('is the node with an ai_tool output and a Tool Description choice, leaving the node itself as it was', () => {
		const node = new AlibabaCloudIot();
		const before = JSON.stringify(node.description);
		const tool = toolVariantOf(node).description;
		expect(tool).toMatchObject({
			name: 'alibabaCloudIotTool',
			displayName: 'Alibaba Cloud IoT Tool',
			inputs: [],
			outputs: ['ai_tool'],
			credentials: node.description.credentials,
		});
		expect(Array.from(tool.properties, (prop) => prop.name).slice(0, 2)).toEqual(['descriptionType', 'toolDescription']);
		expect(JSON.stringify(node.description)).toBe(before);
	});

	// toolVariantOf copies code from the `n8n` package, which is not a dependency; the e2e run
	// installs it into .cache/e2e, and then this compares the copy with the original.
	const n8nDist = join(__dirname, '..', '..', '..', '.cache', 'e2e', 'n8n', 'node_modules', 'n8n');
	const aiToolsJs = join(n8nDist, 'dist', 'tool-generation', 'ai-tools.js');
	const installed =
		existsSync(aiToolsJs) &&
		(JSON.parse(readFileSync(join(n8nDist, 'package.json'), 'utf8')) as { version: string }).version === '2.41.1';
	(installed ? it : it.skip)('matches n8n 2.41.1\'s own convertNodeToAiTool (needs .cache/e2e from the e2e run)', async () => {
		type Convert = (item: { description: INodeTypeDescription }) => { description: INodeTypeDescription };
		const { convertNodeToAiTool } = (await import(aiToolsJs)) as { convertNodeToAiTool: Convert };
		const base = new AlibabaCloudIot().description;
		// As n8n's NodeTypes.getByNameAndVersion prepares it: prototype copies of description and properties.
		const clone = Object.create(base, {
			properties: { value: Object.create(base.properties) as INodeProperties[], writable: false },
		}) as INodeTypeDescription;
		const theirs = convertNodeToAiTool({ description: clone }).description;
		const ours = toolVariantOf(new AlibabaCloudIot()).description;
		const view = (description: INodeTypeDescription) => ({
			name: description.name,
			displayName: description.displayName,
			inputs: description.inputs,
			outputs: description.outputs,
			usableAsTool: description.usableAsTool,
			codex: description.codex,
			properties: JSON.parse(JSON.stringify(Array.from(description.properties))) as unknown,
		});
		expect(view(ours)).toEqual(view(theirs));
	});
});
