// The states of one device's upgrade task (ListOTATaskByJob's TaskStatus, docs/alibaba-api.md) and how
// the emulator moves a task on: CONFIRM/QUEUED -> NOTIFIED -> IN_PROGRESS -> SUCCEEDED or FAILED.
// The live order of states is not documented beyond their descriptions; this is the natural reading.

export const TASK_STATUSES = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Index into TASK_STATUSES: how a status is stored, one byte per task. */
export type StatusCode = number;

export const STATUS_CODE: Readonly<Record<TaskStatus, StatusCode>> = Object.fromEntries(
	TASK_STATUSES.map((status, code) => [status, code]),
) as Record<TaskStatus, StatusCode>;

const { CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELED } = STATUS_CODE;

export const TERMINAL_CODES: ReadonlySet<StatusCode> = new Set([SUCCEEDED, FAILED, CANCELED]);

/** Where a task goes in one step; IN_PROGRESS ends in SUCCEEDED or FAILED, decided per task. */
export function nextCode(code: StatusCode, fails: boolean): StatusCode {
	switch (code) {
		case CONFIRM:
		case QUEUED:
			return NOTIFIED;
		case NOTIFIED:
			return IN_PROGRESS;
		case IN_PROGRESS:
			return fails ? FAILED : SUCCEEDED;
		default:
			return code;
	}
}

export function isTaskStatus(text: string): text is TaskStatus {
	return (TASK_STATUSES as readonly string[]).includes(text);
}

export type TaskCounts = Record<TaskStatus, number>;
