// ListOTATaskByJob: a job's device tasks, one page at a time, filtered by TaskStatus and DeviceNames.N on
// the server side. Pages hold at most 100, and only up to CurrentPage × PageSize ≤ 100,000.
import { jobSettingsOf } from '../jobDetails';
import { illegalRequest, jobNotFound } from '../otaErrors';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import { indexOfDevice, simpleTaskInfo } from '../taskRecords';
import { isTaskStatus, TASK_STATUSES } from '../taskStates';
import { sourceVersionsOf } from '../versions';
import { readInstance } from './instance';
import { pageCount, readPaging } from './paging';
import type { ActionContext } from './registry';

/** From the API reference: "Maximum value: 100". */
export const LIST_OTA_TASK_MAX_PAGE_SIZE = 100;
/** From the API reference: "The product of CurrentPage and PageSize must be less than or equal to 100,000". */
export const LIST_OTA_TASK_MAX_RECORDS = 100_000;
/** A GUESS: the Code for a request beyond the cap is not documented; this is the documented paging Code. */
export const TASK_CAP_CODE = 'iot.common.InvalidPageParams';

// CurrentPage and PageSize are optional for this action; their defaults are not documented. These are
// the first page and the reference's example page size.
const DEFAULT_CURRENT_PAGE = '1';
const DEFAULT_PAGE_SIZE = '10';

export function listOtaTaskByJob(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.JobId) return missingParameter('JobId');
	const paging = readPaging(
		{ CurrentPage: params.CurrentPage || DEFAULT_CURRENT_PAGE, PageSize: params.PageSize || DEFAULT_PAGE_SIZE },
		LIST_OTA_TASK_MAX_PAGE_SIZE,
	);
	if (!paging.ok) return paging.outcome;
	const { currentPage, pageSize } = paging.paging;
	if (currentPage * pageSize > LIST_OTA_TASK_MAX_RECORDS) {
		return businessError(TASK_CAP_CODE, `CurrentPage × PageSize must not exceed ${LIST_OTA_TASK_MAX_RECORDS}.`);
	}
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const taskStatus = params.TaskStatus || undefined;
	if (taskStatus !== undefined && !isTaskStatus(taskStatus)) {
		// Not documented: what an unknown TaskStatus gets. The emulator refuses it, naming the field.
		return illegalRequest(`TaskStatus "${taskStatus}" is not one of ${TASK_STATUSES.join(', ')}.`);
	}
	const deviceNames = repeatList(params, 'DeviceNames');

	const entry = context.jobs.find(params.JobId, instance.iotInstanceId);
	if (!entry) return jobNotFound();
	const tasks = context.jobs.tasksOf(entry);
	const selection = tasks.select(
		{ status: taskStatus, indexes: deviceNames && deviceNames.map((name) => indexOfDevice(name, tasks)) },
		(currentPage - 1) * pageSize,
		pageSize,
	);
	const answer: Record<string, unknown> = {
		Success: true,
		Total: selection.total,
		PageSize: pageSize,
		PageCount: pageCount(selection.total, pageSize),
		CurrentPage: currentPage,
	};
	// Undocumented: the shape of an empty page; the emulator leaves Data out, as ListOTAJobByFirmware does by default.
	if (selection.indexes.length > 0) {
		const taskContext = {
			...entry,
			tasks,
			sourceVersions: sourceVersionsOf(entry.fixture, entry.job.JobId),
			timeoutInMinutes: jobSettingsOf(entry.job).timeoutInMinutes,
		};
		const infos = selection.indexes.map((index) => simpleTaskInfo(taskContext, index));
		infos.forEach((info, i) => context.jobs.rememberTask(String(info.TaskId), entry.job.JobId, selection.indexes[i]));
		answer.Data = { SimpleOTATaskInfo: infos };
	}
	return success(answer);
}

/** `Name.1`, `Name.2`, ... in order of N (RPC's RepeatList); undefined when none is given. */
function repeatList(params: Record<string, string>, name: string): string[] | undefined {
	const pattern = new RegExp(`^${name}\\.(\\d+)$`);
	const items = Object.entries(params)
		.map(([key, value]) => [Number(pattern.exec(key)?.[1]), value] as const)
		.filter(([n, value]) => Number.isInteger(n) && value !== '')
		.sort(([a], [b]) => a - b)
		.map(([, value]) => value);
	return items.length > 0 ? items : undefined;
}
