import { MAX_JOBS_PAGE_SIZE } from '../../nodes/AlibabaCloudIot/api/limits';
import { listOtaJobPage } from '../../nodes/AlibabaCloudIot/api/otaJobs';
import type { IotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { sendIotRequest } from '../../nodes/AlibabaCloudIot/transport/popRequest';

/**
 * The comparison: what Alibaba's CLI pager and most hand-written loops do. One page after
 * another, each waiting for the one before, with the same signed client.
 */
export async function listSequentially(credentials: IotCredentials, firmwareId: string): Promise<number> {
	let count = 0;
	for (let page = 1; ; page++) {
		const { records } = await listOtaJobPage(
			async (action, params) => await sendIotRequest(credentials, action, params, 30_000),
			{ firmwareId },
			{ currentPage: page, pageSize: MAX_JOBS_PAGE_SIZE },
		);
		count += records.length;
		if (records.length < MAX_JOBS_PAGE_SIZE) return count;
	}
}
