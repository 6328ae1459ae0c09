import { MAX_JOBS_PAGE_SIZE } from '../api/limits';
import { listOtaJobPage, type OtaJob } from '../api/otaJobs';
import type { IotCaller } from '../transport/iotCaller';
import { newestFirst } from './jobOrder';

/**
 * The newest job of the firmwares, for "Fetch Test Event". Whichever way the API sorts a firmware's
 * jobs by creation, the newest is at one end of the list: page 1, and the last page when there is
 * more than one; at most two requests per firmware.
 */
export async function newestJobOf(
	call: IotCaller,
	firmwareIds: string[],
	iotInstanceId: string | undefined,
): Promise<OtaJob | undefined> {
	const candidates: OtaJob[] = [];
	for (const firmwareId of firmwareIds) {
		const request = { firmwareId, iotInstanceId };
		const first = await listOtaJobPage(call, request, { currentPage: 1, pageSize: MAX_JOBS_PAGE_SIZE });
		candidates.push(...first.records);
		const lastPage = Math.ceil(first.total / MAX_JOBS_PAGE_SIZE);
		if (lastPage > 1) {
			const last = await listOtaJobPage(call, request, { currentPage: lastPage, pageSize: MAX_JOBS_PAGE_SIZE });
			candidates.push(...last.records);
		}
	}
	return candidates.sort(newestFirst)[0];
}
