import type { IotCaller } from '../transport/iotCaller';
import type { IotAnswer } from '../transport/popRequest';
import { MAX_JOBS_PAGE_SIZE } from './limits';
import { collectPages, fetchListPage, type FetchedPage, type PageRequest } from './paging';
import { unwrapList } from './records';

export interface OtaTag {
	Key: string;
	Value: string;
}

/** A `SimpleOTAJobInfo` with the API's field names, `Tags` unwrapped from `{ OtaTagDTO: [...] }`. */
export interface OtaJob {
	FirmwareId: string;
	JobId: string;
	JobStatus: string;
	JobType: string;
	ProductKey: string;
	SelectionType: string;
	TargetSelection: string;
	Tags: OtaTag[];
	UtcCreate: string;
	UtcStartTime?: string;
	UtcEndTime?: string;
	UtcModified: string;
	[field: string]: unknown;
}

/** Which firmware's jobs to list, and in which IoT instance (Enterprise instances only). */
export interface FirmwareJobsRequest {
	firmwareId: string;
	iotInstanceId?: string;
}

interface ListOtaJobsRequest extends FirmwareJobsRequest {
	/** Undefined returns every (kept) job. */
	limit?: number;
	/** Jobs kept and counted against the limit; ListOTAJobByFirmware has no server-side filter. */
	keep?: (job: OtaJob) => boolean;
}

/** Every job of a firmware (or the first `limit` kept ones), in the API's order, each once. */
export async function listOtaJobsByFirmware(call: IotCaller, request: ListOtaJobsRequest): Promise<OtaJob[]> {
	return await collectPages({
		maxPageSize: MAX_JOBS_PAGE_SIZE,
		fetchPage: async (page) => await listOtaJobPage(call, request, page),
		idOf: (job) => job.JobId,
		limit: request.limit,
		keep: request.keep,
	});
}

/** One page of ListOTAJobByFirmware. */
export async function listOtaJobPage(
	call: IotCaller,
	request: FirmwareJobsRequest,
	page: Pick<PageRequest, 'currentPage' | 'pageSize'>,
): Promise<FetchedPage<OtaJob>> {
	const params = { FirmwareId: request.firmwareId, IotInstanceId: request.iotInstanceId };
	return await fetchListPage(call, 'ListOTAJobByFirmware', params, page, jobsOfAnswer);
}

function jobsOfAnswer(answer: IotAnswer): OtaJob[] {
	return unwrapList(answer.Data, 'SimpleOTAJobInfo').map(
		(job) => ({ ...job, Tags: unwrapTags(job.Tags) }) as OtaJob,
	);
}

/** `Tags` as a plain `[{Key, Value}]` array, from `{ OtaTagDTO: [...] }`. */
export function unwrapTags(tags: unknown): OtaTag[] {
	return unwrapList(tags, 'OtaTagDTO').map(({ Key, Value }) => ({
		Key: String(Key ?? ''),
		Value: String(Value ?? ''),
	}));
}
