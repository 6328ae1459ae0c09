import type { IotCaller } from '../transport/iotCaller';
import { unwrapTags, type OtaTag } from './otaJobs';
import { unwrapValues } from './records';

/**
 * QueryOTAJob's `Data`, with the API's field names and its wrapped arrays unwrapped:
 * `Tags` to `[{Key, Value}]` and `SrcVersions` to `["1.0.0", ...]` (docs/alibaba-api.md).
 */
export interface OtaJobRecord {
	JobId: string;
	FirmwareId?: string;
	JobStatus?: string;
	Tags: OtaTag[];
	SrcVersions: string[];
	[field: string]: unknown;
}

/** One job's full record. */
export async function getOtaJob(
	call: IotCaller,
	request: { jobId: string; iotInstanceId?: string },
): Promise<OtaJobRecord> {
	const answer = await call('QueryOTAJob', { JobId: request.jobId, IotInstanceId: request.iotInstanceId });
	const data = { ...(answer.Data as Record<string, unknown> | undefined) };
	return {
		...data,
		JobId: String(data.JobId ?? request.jobId),
		Tags: unwrapTags(data.Tags),
		SrcVersions: unwrapValues(data.SrcVersions, 'SrcVersion').map(String),
	};
}
