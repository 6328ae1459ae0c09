import type { OtaJob } from '../../api/otaJobs';
import {
	canonicalEnumValue,
	JOB_STATUSES,
	JOB_TYPES,
	SELECTION_TYPES,
	TARGET_SELECTIONS,
} from '../../api/otaEnums';

/**
 * The Filters of List by Firmware: ListOTAJobByFirmware has no server-side filter, so the node
 * filters the jobs it reads. An empty list means "any".
 */
export interface OtaJobFilter {
	jobStatuses?: string[];
	jobTypes?: string[];
	selectionTypes?: string[];
	targetSelections?: string[];
	/** Epoch ms; jobs with UtcCreate at or after this. */
	createdAfter?: number;
	/** Epoch ms; jobs with UtcCreate before this. */
	createdBefore?: number;
}

/**
 * Whether `value` passes a filter on one enum field. A value the server sends that we do not know
 * passes: a new status must not make jobs silently vanish from a workflow.
 */
function enumMatches(value: unknown, wanted: string[] | undefined, known: readonly string[]): boolean {
	if (!wanted?.length) return true;
	const actual = canonicalEnumValue(value);
	if (!known.includes(actual)) return true;
	return wanted.map(canonicalEnumValue).includes(actual);
}

export function isEmptyOtaJobFilter(filter: OtaJobFilter): boolean {
	return (
		!filter.jobStatuses?.length &&
		!filter.jobTypes?.length &&
		!filter.selectionTypes?.length &&
		!filter.targetSelections?.length &&
		filter.createdAfter === undefined &&
		filter.createdBefore === undefined
	);
}

export function matchesOtaJobFilter(job: OtaJob, filter: OtaJobFilter): boolean {
	if (!enumMatches(job.JobStatus, filter.jobStatuses, JOB_STATUSES)) return false;
	if (!enumMatches(job.JobType, filter.jobTypes, JOB_TYPES)) return false;
	if (!enumMatches(job.SelectionType, filter.selectionTypes, SELECTION_TYPES)) return false;
	if (!enumMatches(job.TargetSelection, filter.targetSelections, TARGET_SELECTIONS)) return false;
	if (filter.createdAfter !== undefined || filter.createdBefore !== undefined) {
		const created = Date.parse(job.UtcCreate);
		// A job without a readable creation time cannot be placed in a range: keep it visible.
		if (Number.isNaN(created)) return true;
		if (filter.createdAfter !== undefined && created < filter.createdAfter) return false;
		if (filter.createdBefore !== undefined && created >= filter.createdBefore) return false;
	}
	return true;
}
