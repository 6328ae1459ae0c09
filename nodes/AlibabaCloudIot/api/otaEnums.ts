/**
 * The values Alibaba documents for the OTA job fields (docs/alibaba-api.md, R1), in
 * their canonical spelling. The live service may send others: callers must pass unknown values on.
 */
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

/** The canonical spelling of an enum value; unknown values come back upper-cased, otherwise unchanged. */
export function canonicalEnumValue(value: unknown): string {
	const text = String(value ?? '').toUpperCase();
	return SPELLINGS[text] ?? text;
}

/** A batch that ended (completed or canceled, however spelled) does not change again. */
export function isFinalJobStatus(status: unknown): boolean {
	const canonical = canonicalEnumValue(status);
	return canonical === 'COMPLETED' || canonical === 'CANCELED';
}

/** ListOTATaskByJob's TaskStatus values (docs/alibaba-api.md), CANCELED with one L. */
export const TASK_STATUSES = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
