import type { IotCaller } from '../transport/iotCaller';
import { TASK_STATUSES, type TaskStatus } from './otaEnums';
import { countOtaTasks } from './otaTasks';

/** Where a job's device tasks stand: one count per task status, and the shares that ended well or badly. */
export type OtaJobProgress = {
	JobId: string;
	/** All tasks of the job, as ListOTATaskByJob counts them without a filter. */
	Total: number;
	SucceededPercent: number;
	FailedPercent: number;
} & Record<TaskStatus, number>;

/**
 * The progress of a job from the `Total` of one one-task page per status (and one without a
 * filter), all at once through the rate limiter: 8 requests however many tasks the job has.
 * The counts are read at slightly different moments, so on a moving job they may not add up
 * to `Total` exactly.
 */
export async function getOtaJobProgress(
	call: IotCaller,
	request: { jobId: string; iotInstanceId?: string },
): Promise<OtaJobProgress> {
	const [total, ...counts] = await Promise.all([
		countOtaTasks(call, request),
		...TASK_STATUSES.map(async (taskStatus) => await countOtaTasks(call, { ...request, taskStatus })),
	]);
	const byStatus = Object.fromEntries(TASK_STATUSES.map((status, index) => [status, counts[index]])) as Record<
		TaskStatus,
		number
	>;
	return {
		JobId: request.jobId,
		Total: total,
		...byStatus,
		SucceededPercent: percentOf(byStatus.SUCCEEDED, total),
		FailedPercent: percentOf(byStatus.FAILED, total),
	};
}

/** A share in percent with two decimals; 0 for a job without tasks. */
function percentOf(count: number, total: number): number {
	return total > 0 ? Math.round((count / total) * 10_000) / 100 : 0;
}
