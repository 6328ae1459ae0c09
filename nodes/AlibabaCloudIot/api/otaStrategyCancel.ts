import type { IotCaller } from '../transport/iotCaller';
import { getOtaJob } from './otaJobRecord';
import { writeOnce } from './writeOnce';

export interface CanceledDynamicJob {
	JobId: string;
	JobStatus?: string;
	RequestId?: string;
	Success: boolean;
	/** True when the answer was lost and QueryOTAJob showed the job CANCELED. */
	Recovered?: true;
}

/**
 * CancelOTAStrategyByJob: stops a dynamic job's upgrade policy; the job becomes CANCELED
 * (docs/alibaba-api.md). After a lost answer QueryOTAJob decides: CANCELED is done, any other
 * status is proved not done, and the cancel is sent once more.
 */
export async function cancelOtaDynamicJob(
	call: IotCaller,
	request: { jobId: string; iotInstanceId?: string },
): Promise<CanceledDynamicJob> {
	const result = await writeOnce(call, {
		action: 'CancelOTAStrategyByJob',
		params: { JobId: request.jobId, IotInstanceId: request.iotInstanceId },
		prove: async () => {
			const job = await getOtaJob(call, request);
			return job.JobStatus === 'CANCELED' ? { found: job } : { absent: true };
		},
		mayHaveHappened: `The dynamic job ${request.jobId} may or may not have been canceled`,
		toCheck: `get job ${request.jobId} and see whether its JobStatus is CANCELED`,
	});
	if ('recovered' in result) {
		return { JobId: request.jobId, JobStatus: 'CANCELED', Success: true, Recovered: true };
	}
	return {
		JobId: request.jobId,
		RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined,
		Success: result.answer.Success !== false,
	};
}
