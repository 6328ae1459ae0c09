// QueryOTAJob: one job's full record as `Data`, beside RequestId.
import { jobDetail } from '../jobDetails';
import { jobNotFound } from '../otaErrors';
import { missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function queryOtaJob(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.JobId) return missingParameter('JobId');
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const entry = context.jobs.find(params.JobId, instance.iotInstanceId);
	if (!entry) return jobNotFound();
	return success({ Success: true, Data: jobDetail(entry.job, entry.fixture, context.jobs.tasksOf(entry)) });
}
