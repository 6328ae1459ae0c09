// What the service's own answers look like under the emulator-wide serving modes: the enum spellings of
// the English docs and SDKs, and the other instance-not-found code. Applied to the action's answer as it
// is serialised, so stored jobs stay in the documented spelling and switching a mode affects the next answer.
// Recorded jobs ('asGiven' firmwares) are never respelled: they are what the live service said.
import type { Outcome } from './responses';
import type { ServingModes } from './servingModes';

/** Documented spelling -> the one the English docs and the official SDKs use (docs/alibaba-api.md, "Job status spellings"). */
export const ALTERNATIVE_SPELLINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	JobStatus: { COMPLETED: 'COMPLETE' },
	JobType: { VERIFY_FIRMWARE: 'VERFIY_FIRMWARE' },
};

/** Jobs of 'asGiven' firmwares (recorded answers): served exactly as given, whatever the spelling mode. */
const verbatimJobs = new WeakSet<object>();

export function markVerbatim(jobs: readonly object[]): void {
	for (const job of jobs) verbatimJobs.add(job);
}

const DOCUMENTED_INSTANCE_NOT_FOUND = 'iot.system.InstanceNotFound';

export function applyWireModes(outcome: Outcome, modes: ServingModes): Outcome {
	if (outcome.kind !== 'json') return outcome;
	if (outcome.code === DOCUMENTED_INSTANCE_NOT_FOUND && modes.instanceNotFoundCode !== DOCUMENTED_INSTANCE_NOT_FOUND) {
		const code = modes.instanceNotFoundCode;
		return { ...outcome, code, body: { ...outcome.body, Code: code } };
	}
	if (modes.enumSpelling === 'alternative' && outcome.body.Success === true) {
		return { ...outcome, body: respelled(outcome.body) as Record<string, unknown> };
	}
	return outcome;
}

/** A copy with every JobStatus/JobType value respelled, at any depth; stored objects are not touched. */
export function respelled(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(respelled);
	if (typeof value !== 'object' || value === null || verbatimJobs.has(value)) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		const spellings = Object.hasOwn(ALTERNATIVE_SPELLINGS, key) ? ALTERNATIVE_SPELLINGS[key] : undefined;
		copy[key] =
			spellings && typeof field === 'string' ? (Object.hasOwn(spellings, field) ? spellings[field] : field) : respelled(field);
	}
	return copy;
}
