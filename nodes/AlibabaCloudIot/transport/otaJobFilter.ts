import type { OtaJob } from './otaJobs';

/**
 * Client-side filters for OTA jobs: ListOTAJobByFirmware has no server-side filter.
 * An empty list means "any".
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

export const JOB_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELED'] as const;
export const JOB_TYPES = ['UPGRADE_FIRMWARE', 'VERIFY_FIRMWARE'] as const;
export const SELECTION_TYPES = ['STATIC', 'DYNAMIC'] as const;
export const TARGET_SELECTIONS = ['ALL', 'SPECIFIC', 'GRAY'] as const;

/** The docs spell some values two ways (Chinese vs English page, and a typo): treat them as one. */
const SPELLINGS: Record<string, string> = {
	COMPLETE: 'COMPLETED',
	VERFIY_FIRMWARE: 'VERIFY_FIRMWARE',
	CANCELLED: 'CANCELED',
};

function canonical(value: unknown): string {
	const text = String(value ?? '').toUpperCase();
	return SPELLINGS[text] ?? text;
}

/**
 * Whether `value` passes a filter on one enum field. A value the server sends that we do not know
 * passes: a new status must not make jobs silently vanish from a workflow.
 */
function enumMatches(value: unknown, wanted: string[] | undefined, known: readonly string[]): boolean {
	if (!wanted || wanted.length === 0) return true;
	const actual = canonical(value);
	if (!known.includes(actual)) return true;
	return wanted.map(canonical).includes(actual);
}

export function isEmptyOtaJobFilter(filter: OtaJobFilter | undefined): boolean {
	if (!filter) return true;
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
