import type { OtaJob } from '../api/otaJobs';
import { readOtaJobEnds } from '../api/otaJobsByFirmwareReads';
import type { IotCaller } from '../transport/iotCaller';
import { newestFirst } from './jobOrder';

/**
 * The newest job of the firmwares, for "Fetch Test Event". Whichever way the API sorts a firmware's
 * jobs by creation, the newest is at one end of the list; at most two requests per firmware.
 */
export async function newestJobOf(
	call: IotCaller,
	firmwareIds: string[],
	iotInstanceId: string | undefined,
): Promise<OtaJob | undefined> {
	const candidates: OtaJob[] = [];
	for (const firmwareId of firmwareIds) candidates.push(...(await readOtaJobEnds(call, { firmwareId, iotInstanceId })));
	return candidates.sort(newestFirst)[0];
}
