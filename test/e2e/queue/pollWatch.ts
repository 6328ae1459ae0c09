// The scheduled polls of a workflow, from the main process's log: under the durable scheduler each
// scheduled poll ends with one debug line from its task handler ("Poll returned no new data; nothing
// to hand off", "Poll returned new data; handed off to a new execution", "Poll failed at runtime…").
// The poll that activation runs once is not among them.
import { existsSync, readFileSync } from 'node:fs';

import type { EmulatorProcess } from '../../../tools/n8n/emulatorProcess';
import { n8nLogFile } from '../../../tools/n8n/n8nEnv';
import { delay } from '../../../tools/n8n/processes';

export interface ScheduledPoll {
	at: number;
	outcome: string;
}

const TASK_HANDLER = 'poll-trigger-task-handler.js';

export function scheduledPolls(mainUserFolder: string, workflowId: string, since: number): ScheduledPoll[] {
	const file = n8nLogFile(mainUserFolder);
	if (!existsSync(file)) return [];
	const polls: ScheduledPoll[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.includes(TASK_HANDLER) || !line.includes(workflowId)) continue;
		const entry = JSON.parse(line) as { message: string; metadata?: { file?: string; workflowId?: string; timestamp?: string } };
		if (entry.metadata?.file !== TASK_HANDLER || entry.metadata.workflowId !== workflowId) continue;
		const at = Date.parse(entry.metadata.timestamp ?? '');
		if (at >= since) polls.push({ at, outcome: entry.message });
	}
	return polls;
}

/** Waits (at most `timeoutMs`) until `count` scheduled polls of the workflow ended after `since`. */
export async function waitForScheduledPolls(
	mainUserFolder: string,
	workflowId: string,
	since: number,
	count: number,
	timeoutMs: number,
): Promise<ScheduledPoll[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const polls = scheduledPolls(mainUserFolder, workflowId, since);
		if (polls.length >= count) return polls;
		if (Date.now() > deadline) {
			const seconds = Math.round(timeoutMs / 1000);
			throw new Error(`${polls.length} scheduled poll(s) of workflow ${workflowId} in ${seconds} s, expected ${count}`);
		}
		await delay(1_000);
	}
}

/**
 * Waits (at most `timeoutMs`) for the first scheduled poll that listed the firmware after `after`
 * (a change made then): its request reached the emulator after that moment, so it saw the change.
 */
export async function waitForPollAfter(
	emulator: EmulatorProcess,
	firmwareId: string,
	mainUserFolder: string,
	workflowId: string,
	after: number,
	timeoutMs: number,
): Promise<ScheduledPoll> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const listed = (await emulator.requests(20_000)).find((request) => request.params.FirmwareId === firmwareId && request.at > after);
		const [poll] = listed ? scheduledPolls(mainUserFolder, workflowId, listed.at) : [];
		if (poll) return poll;
		if (Date.now() > deadline) {
			const seconds = Math.round(timeoutMs / 1000);
			const seen = listed ? ' (a request came, no poll ended)' : '';
			throw new Error(`no scheduled poll of workflow ${workflowId} listed ${firmwareId} within ${seconds} s${seen}`);
		}
		await delay(1_000);
	}
}
