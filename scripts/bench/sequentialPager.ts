import { MAX_JOBS_PAGE_SIZE } from '../../nodes/AlibabaCloudIot/transport/apiLimits';
import type { IotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { jobsOfAnswer } from '../../nodes/AlibabaCloudIot/transport/otaJobs';
import { sendIotRequest } from '../../nodes/AlibabaCloudIot/transport/popRequest';

/**
 * The comparison: what Alibaba's CLI pager and most hand-written loops do. One page after
 * another, each waiting for the one before, with the same signed client.
 */
export async function listSequentially(credentials: IotCredentials, firmwareId: string): Promise<number> {
	let count = 0;
	for (let page = 1; ; page++) {
		const answer = await sendIotRequest(
			credentials,
			'ListOTAJobByFirmware',
			{ FirmwareId: firmwareId, CurrentPage: page, PageSize: MAX_JOBS_PAGE_SIZE },
			30_000,
		);
		const jobs = jobsOfAnswer(answer);
		count += jobs.length;
		if (jobs.length < MAX_JOBS_PAGE_SIZE) return count;
	}
}
