// The README's example workflows (examples/*.json) and the credentials they need, prepared for
// `n8n import:*` against the emulator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialImport, WorkflowImport } from '../../tools/n8n/n8nCli';
import type { EmulatorInfo } from '../../tools/n8n/emulatorProcess';
import { CREDENTIAL_TYPE, EXAMPLES_DIR, NODE_TYPE } from '../../tools/n8n/paths';

export interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface ExampleWorkflow extends WorkflowImport {
	nodes: ExampleNode[];
}

export interface Example {
	file: string;
	workflow: ExampleWorkflow;
	/** `n8n execute` can only start a workflow at a Manual Trigger (an AI agent's chat trigger needs a chat). */
	runnable: boolean;
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** Every examples/*.json, each given a workflow ID (n8n's CLI imports by it and executes by it). */
export function loadExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file, index) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
			return {
				file,
				workflow: { ...workflow, id: `example${String(index + 1).padStart(9, '0')}` },
				runnable: workflow.nodes.some((node) => node.type === MANUAL_TRIGGER) && ourNodes(workflow).length > 0,
			};
		});
}

export function ourNodes(workflow: ExampleWorkflow): ExampleNode[] {
	return workflow.nodes.filter((node) => node.type === NODE_TYPE);
}

/** The credentials the examples refer to (by ID and name), filled in for the emulator. */
export function exampleCredentials(examples: Example[], emulator: EmulatorInfo): CredentialImport[] {
	const byId = new Map<string, CredentialImport>();
	for (const { workflow } of examples) {
		for (const node of workflow.nodes) {
			const reference = node.credentials?.[CREDENTIAL_TYPE];
			if (reference) byId.set(reference.id, emulatorCredential(emulator, reference.id, reference.name));
		}
	}
	return [...byId.values()];
}

export function emulatorCredential(
	emulator: EmulatorInfo,
	id: string,
	name: string,
	overrides: Partial<Record<'accessKeyId' | 'accessKeySecret', string>> = {},
): CredentialImport {
	return {
		id,
		name,
		type: CREDENTIAL_TYPE,
		data: {
			accessKeyId: overrides.accessKeyId ?? emulator.accessKeyId,
			accessKeySecret: overrides.accessKeySecret ?? emulator.accessKeySecret,
			securityToken: '',
			regionId: 'cn-shanghai',
			endpoint: emulator.url,
		},
	};
}

/** A copy of `workflow` under another ID, with `change` applied to each of our nodes. */
export function variant(
	workflow: ExampleWorkflow,
	id: string,
	name: string,
	change: (node: ExampleNode) => ExampleNode,
): ExampleWorkflow {
	return {
		...workflow,
		id,
		name,
		nodes: workflow.nodes.map((node) => (node.type === NODE_TYPE ? change(node) : node)),
	};
}

export function withCredential(credential: CredentialImport) {
	return (node: ExampleNode): ExampleNode => ({
		...node,
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	});
}

export function withFirmware(firmwareId: string) {
	return (node: ExampleNode): ExampleNode => ({
		...node,
		parameters: { ...node.parameters, firmwareId: { __rl: true, mode: 'id', value: firmwareId } },
	});
}

export function firmwareIdOf(node: ExampleNode): string {
	const parameter = node.parameters.firmwareId as { value?: unknown } | string | undefined;
	return String(typeof parameter === 'object' ? parameter?.value : parameter);
}
