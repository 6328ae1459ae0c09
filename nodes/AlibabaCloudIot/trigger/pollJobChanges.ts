import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { operationError, toNodeError } from '../helpers/nodeErrors';
import { otaCallerFor } from '../helpers/otaCallerFor';
import { iotInstanceIdOf } from '../helpers/parameterReaders';
import { compareJobs, type FirmwareWatch, type JobEvent } from './jobWatch';
import { newestJobOf } from './newestJob';
import { PollBudgetSpent, pollDeadline } from './pollBudget';
import { readFirmwareJobs } from './readFirmwareJobs';
import { readWatchedFirmwareIds } from './watchedFirmwares';

interface TriggerState extends IDataObject {
	firmwares?: Record<string, FirmwareWatch>;
}

/**
 * One poll: each watched firmware's jobs, compared with what the last poll remembered. State lives
 * in the workflow's static data; a firmware's first poll only records it. In manual mode ("Fetch
 * Test Event") the newest job stands in as a sample and the state is left alone.
 *
 * Safe across restarts under both of n8n's schedulers: the classic one saves static data only when
 * a poll emits, the durable one commits it with the emitted execution or after a null poll. So the
 * state is replaced once, at the end, and only with what this poll fully processed: a firmware's
 * state advances in the very poll that returns its events, and a poll that returns nothing
 * advances only what would be read the same way again (a baseline, the learned order, the last
 * full listing). A poll that fails changes nothing.
 */
export async function pollJobChanges(context: IPollFunctions): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const firmwareIds = readWatchedFirmwareIds(context);
	if (firmwareIds.length === 0) {
		throw operationError(node, 'Firmwares is empty: add one or more firmwares to watch', 0);
	}
	const iotInstanceId = iotInstanceIdOf(context.getNodeParameter('options', {}) as IDataObject);

	try {
		const call = await otaCallerFor(context);
		if (context.getMode() === 'manual') {
			const newest = await newestJobOf(call, firmwareIds, iotInstanceId);
			return newest ? [toItem({ job: newest, event: 'created', previousStatus: null })] : [];
		}

		const deadline = pollDeadline(context);
		const state = context.getWorkflowStaticData('node') as TriggerState;
		const previous = state.firmwares ?? {};
		const next: Record<string, FirmwareWatch> = {};
		const events: JobEvent[] = [];
		for (const [index, firmwareId] of leastRecentlyChecked(firmwareIds, previous).entries()) {
			// The first firmware always runs, so every poll makes progress whatever its budget.
			const guarded = index === 0 ? call : deadline.guard(call);
			if (index > 0 && deadline.passed()) break;
			try {
				const startedAt = Date.now();
				const read = await readFirmwareJobs(guarded, { firmwareId, iotInstanceId }, previous[firmwareId], startedAt);
				const compared = compareJobs(previous[firmwareId], read, startedAt);
				next[firmwareId] = compared.next;
				events.push(...compared.events);
			} catch (error) {
				// Out of time: this firmware and the rest keep their state and go first next poll.
				if (error instanceof PollBudgetSpent) break;
				throw toNodeError(node, error, 0);
			}
		}
		// Firmwares not reached keep their state; the ones no longer watched are forgotten.
		state.firmwares = Object.fromEntries(
			firmwareIds.filter((id) => next[id] ?? previous[id]).map((id) => [id, next[id] ?? previous[id]]),
		);
		return events.map(toItem);
	} catch (error) {
		throw toNodeError(node, error, 0);
	}
}

/** The firmwares a poll ran out of time for come first in the next; otherwise the order as given. */
function leastRecentlyChecked(firmwareIds: string[], previous: Record<string, FirmwareWatch>): string[] {
	const checkedAt = (id: string) => previous[id]?.checkedAt ?? -Infinity;
	return [...firmwareIds].sort((a, b) => checkedAt(a) - checkedAt(b) || 0);
}

function toItem({ job, event, previousStatus }: JobEvent): INodeExecutionData {
	return { json: { ...job, Event: event, PreviousJobStatus: previousStatus } as IDataObject };
}
