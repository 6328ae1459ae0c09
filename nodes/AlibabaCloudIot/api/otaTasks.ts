import type { IotCaller } from '../transport/iotCaller';
import type { IotParams } from '../transport/popRequest';
import { MAX_TASKS_LISTED, MAX_TASKS_PAGE_SIZE } from './limits';
import type { TaskStatus } from './otaEnums';
import { collectPages, fetchListPage, type FetchedPage, type PageRequest } from './paging';
import { unwrapList } from './records';

/** A `SimpleOTATaskInfo` from ListOTATaskByJob: one device's upgrade task, with the API's field names. */
export interface OtaTask {
	TaskId: string;
	JobId: string;
	DeviceName: string;
	TaskStatus: string;
	/** A String in the SDK model, e.g. "100". */
	Progress?: string;
	[field: string]: unknown;
}

/** The server-side filters of ListOTATaskByJob: sent to the API, never applied after fetching. */
export interface OtaTaskFilter {
	taskStatus?: TaskStatus;
	deviceNames?: string[];
}

interface OtaTaskQuery extends OtaTaskFilter {
	jobId: string;
	iotInstanceId?: string;
}

/**
 * A job's device tasks (or the first `limit`), each once. ListOTATaskByJob reads only up to
 * CurrentPage × PageSize ≤ 100,000: asking for more throws PagingCapError before any request past it.
 */
export async function listOtaTasksByJob(
	call: IotCaller,
	request: OtaTaskQuery & { limit?: number },
): Promise<OtaTask[]> {
	return await collectPages({
		maxPageSize: MAX_TASKS_PAGE_SIZE,
		maxReadable: MAX_TASKS_LISTED,
		fetchPage: async (page) => await listOtaTaskPage(call, request, page),
		idOf: (task) => task.TaskId,
		limit: request.limit,
	});
}

/** How many of a job's tasks match the filter: the `Total` of a one-task page. */
export async function countOtaTasks(call: IotCaller, query: OtaTaskQuery): Promise<number> {
	const page = await listOtaTaskPage(call, query, { currentPage: 1, pageSize: 1 });
	return page.total;
}

async function listOtaTaskPage(
	call: IotCaller,
	query: OtaTaskQuery,
	page: Pick<PageRequest, 'currentPage' | 'pageSize'>,
): Promise<FetchedPage<OtaTask>> {
	const params = {
		JobId: query.jobId,
		IotInstanceId: query.iotInstanceId,
		TaskStatus: query.taskStatus,
		...deviceNameParams(query.deviceNames),
	};
	return await fetchListPage(
		call,
		'ListOTATaskByJob',
		params,
		page,
		(answer) => unwrapList(answer.Data, 'SimpleOTATaskInfo') as OtaTask[],
	);
}

/** RPC's RepeatList: `DeviceNames.1`, `DeviceNames.2`, ... */
function deviceNameParams(deviceNames: string[] | undefined): IotParams {
	return Object.fromEntries((deviceNames ?? []).map((name, index) => [`DeviceNames.${index + 1}`, name]));
}
