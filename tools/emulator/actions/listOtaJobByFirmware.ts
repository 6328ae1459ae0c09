// ListOTAJobByFirmware: one firmware's upgrade jobs, newest first unless a job order says otherwise,
// one page at a time.
import { servedSlice } from '../jobOrder';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import { pageCount, readPaging } from './paging';
import type { ActionContext } from './registry';

/** From the API reference: "最大值200". */
export const LIST_OTA_JOB_MAX_PAGE_SIZE = 200;

export function listOtaJobByFirmware(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.FirmwareId) return missingParameter('FirmwareId');
	const paging = readPaging(params, LIST_OTA_JOB_MAX_PAGE_SIZE);
	if (!paging.ok) return paging.outcome;
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;

	const fixture = context.firmwares.find(params.FirmwareId, instance.iotInstanceId);
	if (!fixture) return businessError('iot.ota.FirmwareNotFound', 'The firmware does not exist.');
	context.beforeListingJobs(fixture);

	const { currentPage, pageSize } = paging.paging;
	const total = fixture.jobs.length;
	const answer: Record<string, unknown> = {
		Success: true,
		Total: total,
		PageSize: pageSize,
		PageCount: pageCount(total, pageSize),
		CurrentPage: currentPage,
	};
	// Undocumented: an empty result may have no Data at all, or an empty array; the fixture says which.
	if (total > 0 || fixture.emptyShape === 'emptyArray') {
		answer.Data = {
			SimpleOTAJobInfo: servedSlice(fixture, context.firmwares.jobOrder, (currentPage - 1) * pageSize, pageSize),
		};
	}
	return success(answer);
}
