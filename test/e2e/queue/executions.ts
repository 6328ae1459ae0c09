// n8n's own records of executions, read from its Postgres database: which executions a workflow
// had, how they ended, and the items each node put out.
import { createRequire } from 'node:module';

import type { RunItem } from '../runData';
import { n8nBinPath } from '../../../tools/n8n/toolchain';
import type { PostgresServer } from '../../../tools/services/postgres';

export interface ExecutionRecord {
	id: string;
	status: string;
	mode: string;
}

interface StoredRunData {
	resultData?: {
		error?: { message?: string; description?: string };
		runData?: Record<string, Array<{ error?: { message?: string }; data?: { main?: RunItem[][] } }>>;
	};
}

/** The workflow's executions, oldest first. */
export async function executionsOf(postgres: PostgresServer, workflowId: string): Promise<ExecutionRecord[]> {
	const json = await postgres.query(
		`select coalesce(json_agg(json_build_object('id', id::text, 'status', status, 'mode', mode) order by id), '[]') ` +
			`from execution_entity where "workflowId" = '${sqlString(workflowId)}'`,
	);
	return JSON.parse(json) as ExecutionRecord[];
}

/** The items `nodeName` put out on its first output in this execution. */
export async function nodeItems(postgres: PostgresServer, executionId: string, nodeName: string): Promise<RunItem[]> {
	const run = await runData(postgres, executionId);
	const task = run.resultData?.runData?.[nodeName]?.[0];
	if (!task) throw new Error(`execution ${executionId} has no run of "${nodeName}"${errorSuffix(run.resultData?.error?.message)}`);
	if (task.error) throw new Error(`"${nodeName}" failed in execution ${executionId}: ${task.error.message}`);
	return task.data?.main?.[0] ?? [];
}

/** Why the execution failed, as n8n recorded it. */
export async function executionError(postgres: PostgresServer, executionId: string): Promise<string> {
	const error = (await runData(postgres, executionId)).resultData?.error;
	return error ? [error.message, error.description].filter(Boolean).join(': ') : 'no error recorded';
}

async function runData(postgres: PostgresServer, executionId: string): Promise<StoredRunData> {
	const stored = await postgres.query(`select data from execution_data where "executionId" = ${Number(executionId)}`);
	if (stored === '') throw new Error(`execution ${executionId} has no stored data`);
	// n8n stores run data in the `flatted` format; parse it with n8n's own copy of the library.
	const flatted = createRequire(n8nBinPath)('flatted') as { parse(text: string): unknown };
	return flatted.parse(stored) as StoredRunData;
}

function errorSuffix(message: string | undefined): string {
	return message ? ` (execution error: ${message})` : '';
}

function sqlString(value: string): string {
	return value.replace(/'/g, "''");
}
