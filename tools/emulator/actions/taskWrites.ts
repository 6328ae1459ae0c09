// What the task write actions share: numbered lists with their documented maximum, and the tasks
// of a device. Codes of refusals no source documents are GUESSES (docs/alibaba-api.md).
import { illegalRequest } from '../otaErrors';
import { missingParameter, type Outcome } from '../responses';
import { indexOfDevice } from '../taskRecords';
import type { JobEntry, JobRegistry } from '../jobRegistry';
import { numberedList } from './jobCreation';

export function readBoundedList(params: Record<string, string>, prefix: string, max: number): { ok: true; values: string[] } | { ok: false; outcome: Outcome } {
	const values = numberedList(params, prefix);
	if (values.length === 0) return { ok: false, outcome: missingParameter(`${prefix}.1`) };
	if (values.length > max) return { ok: false, outcome: illegalRequest(`At most ${max} ${prefix} values are allowed.`) };
	return { ok: true, values };
}

/** Each job of the entries in which the device has a task, with that task's index. */
export function tasksOfDevice(jobs: JobRegistry, entries: JobEntry[], deviceName: string): { entry: JobEntry; index: number }[] {
	return entries.flatMap((entry) => {
		const index = indexOfDevice(deviceName, jobs.tasksOf(entry));
		return index === -1 ? [] : [{ entry, index }];
	});
}
