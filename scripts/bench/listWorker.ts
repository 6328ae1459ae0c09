/**
 * One n8n process of scenario (d): `tsx scripts/bench/listWorker.ts '<json ListWorkerSpec>'`.
 * Loads n8n-core's engine and the node, prints `ready`, waits for a `go` line on stdin (so the
 * parent can start every process at the same instant, as queue-mode workers picking up executions
 * do), runs Return All for its firmware, and prints one JSON ListWorkerResult line.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import type { IDataObject } from 'n8n-workflow';

import { runListInEngine } from './runListInEngine';
import { runAsChild } from './childMain';

export interface ListWorkerSpec {
	credential: IDataObject;
	firmwareId: string;
}

export interface ListWorkerResult {
	jobs: number;
	uniqueJobs: number;
	/** The execution's error message, when it failed. */
	error?: string;
	wallMs: number;
}

async function main(spec: ListWorkerSpec): Promise<ListWorkerResult> {
	const lines = createInterface({ input: process.stdin });
	process.stdout.write('ready\n');
	await once(lines, 'line');
	lines.close();
	const startedAt = performance.now();
	try {
		const jobIds = await runListInEngine(spec.credential, [spec.firmwareId]);
		return { jobs: jobIds.length, uniqueJobs: new Set(jobIds).size, wallMs: performance.now() - startedAt };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { jobs: 0, uniqueJobs: 0, error: message, wallMs: performance.now() - startedAt };
	}
}

runAsChild(main);
