// Values the docs do not list, as the live service may add them: a client must pass them on, not reject
// them. Applied when a firmware is built (FirmwareSpec.unknownEnumValues), deterministically from its seed.
import { hashSeed } from './prng';
import type { OtaJob } from './types';

/** One unknown value per job field; a job gets at most one, in rotation. */
export const UNKNOWN_ENUM_VALUES = {
	JobStatus: 'PAUSED',
	JobType: 'UPGRADE_MODULE',
	SelectionType: 'SCHEDULED',
	TargetSelection: 'REGION',
} as const;

const FIELDS = Object.keys(UNKNOWN_ENUM_VALUES) as Array<keyof typeof UNKNOWN_ENUM_VALUES>;

/** Every third job (from a seed-chosen start) gets the next field's unknown value; the rest are untouched. */
export function withUnknownEnumValues(jobs: readonly OtaJob[], seed: number): OtaJob[] {
	const offset = hashSeed('unknownEnumValues', seed) % 3;
	let rotation = hashSeed('unknownEnumField', seed) % FIELDS.length;
	return jobs.map((job, index) => {
		if (index % 3 !== offset) return job;
		const field = FIELDS[rotation++ % FIELDS.length];
		const changed: OtaJob = { ...job, [field]: UNKNOWN_ENUM_VALUES[field] };
		// A paused job has not ended (a guess: the live service has never been seen pausing one).
		if (field === 'JobStatus') delete changed.UtcEndTime;
		return changed;
	});
}
