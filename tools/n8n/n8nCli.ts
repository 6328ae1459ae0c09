// n8n's CLI against one user folder: import credentials and workflows, execute a workflow.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { n8nEnv } from './n8nEnv';
import { runCommand, type CommandResult } from './processes';
import { firstTopLevelJson } from '../../test/e2e/rawOutput';
import type { Toolchain } from './toolchain';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number>;
}

export interface WorkflowImport {
	id: string;
	name: string;
	nodes: unknown[];
	connections: unknown;
	[key: string]: unknown;
}

export interface ExecuteResult extends CommandResult {
	/** The run n8n printed, when it printed one. */
	run: unknown;
}

const COMMAND_TIMEOUT_MS = 180_000;

export class N8nCli {
	constructor(
		private readonly toolchain: Toolchain,
		readonly userFolder: string,
		/** Added to every command's environment (a Postgres database, say). */
		private readonly env: NodeJS.ProcessEnv = {},
	) {
		mkdirSync(join(userFolder, 'imports'), { recursive: true });
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		await this.importFile('workflow', workflows);
	}

	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.n8n(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ...result, run: firstTopLevelJson(result.stdout) };
	}

	/** Makes the workflow's current version the active one; a running n8n picks it up on its next start. */
	async publishWorkflow(workflowId: string): Promise<void> {
		const result = await this.n8n(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) {
			throw new Error(`n8n publish:workflow failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
		}
	}

	/** n8n 1.x: marks the workflow active; n8n activates it (and starts its pollers) when it starts. */
	async activateWorkflow(workflowId: string): Promise<void> {
		const result = await this.n8n(['update:workflow', `--id=${workflowId}`, '--active=true']);
		if (result.code !== 0) {
			throw new Error(`n8n update:workflow failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
		}
	}

	private async importFile(kind: 'credentials' | 'workflow', content: unknown[]): Promise<void> {
		const file = join(this.userFolder, 'imports', `${kind}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(content, null, 2));
		const result = await this.n8n([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) {
			throw new Error(`n8n import:${kind} failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
		}
	}

	private async n8n(args: string[]): Promise<CommandResult> {
		return await runCommand(`n8n ${args[0]}`, this.toolchain.nodeBin, [this.toolchain.n8nBin, ...args], {
			env: await n8nEnv(this.toolchain, this.userFolder, this.env),
			timeoutMs: COMMAND_TIMEOUT_MS,
		});
	}
}

