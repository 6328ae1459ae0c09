// CancelOTAStrategyByJob: ends a dynamic job's upgrade policy; the job becomes CANCELED. Only
// dynamic jobs have a policy: the Code for any other job is a GUESS.
import { jobNotFound } from '../otaErrors';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function cancelOtaStrategyByJob(params: Record<string, string>, context: ActionContext): Outcome {
	if (!params.JobId) return missingParameter('JobId');
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const entry = context.jobs.find(params.JobId, instance.iotInstanceId);
	if (!entry) return jobNotFound();
	if (entry.job.SelectionType !== 'DYNAMIC') return businessError('iot.ota.JobNotDynamic', 'Only a dynamic upgrade job has a policy to cancel.');
	if (entry.job.JobStatus !== 'CANCELED') context.jobs.cancelJob(entry);
	return success({ Success: true });
}
