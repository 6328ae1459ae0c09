import { AlibabaApiError } from '../transport/errors';
import type { IotCaller } from '../transport/iotCaller';

/** What CancelOTATaskByJob can cancel: one flag each (docs/alibaba-api.md, R6). */
export const CANCELABLE_TASK_STATES = ['CONFIRM', 'QUEUED', 'NOTIFIED', 'IN_PROGRESS', 'SCHEDULED'] as const;
export type CancelableTaskState = (typeof CANCELABLE_TASK_STATES)[number];

export interface OtaTaskCancellation {
	JobId: string;
	/** The states asked for. */
	CanceledStates: CancelableTaskState[];
	/** The flags as sent. */
	CancelUnconfirmedTask: boolean;
	CancelQueuedTask: boolean;
	CancelNotifiedTask: boolean;
	CancelInProgressTask: boolean;
	CancelScheduledTask: boolean;
	/** Alibaba's answer: it does not say how many tasks were canceled. */
	RequestId?: string;
	Success: boolean;
}

/**
 * Cancels a job's device upgrade tasks in the given states. Never retried once the outcome is
 * unknown (a timeout, a connection dropped after sending): the first request may have canceled
 * tasks already. Refusals that prove nothing happened (throttling, an unavailable gateway) are.
 */
export async function cancelOtaTasksByJob(
	call: IotCaller,
	request: { jobId: string; iotInstanceId?: string; states: CancelableTaskState[] },
): Promise<OtaTaskCancellation> {
	const states = CANCELABLE_TASK_STATES.filter((state) => request.states.includes(state));
	if (states.length === 0) throw new Error('Choose at least one task state to cancel');
	const flags = {
		// Always sent: with CancelQueuedTask and no CancelUnconfirmedTask, Alibaba cancels CONFIRM tasks too.
		CancelUnconfirmedTask: states.includes('CONFIRM'),
		CancelQueuedTask: states.includes('QUEUED'),
		CancelNotifiedTask: states.includes('NOTIFIED'),
		CancelInProgressTask: states.includes('IN_PROGRESS'),
		CancelScheduledTask: states.includes('SCHEDULED'),
	};
	let answer;
	try {
		answer = await call(
			'CancelOTATaskByJob',
			{ JobId: request.jobId, IotInstanceId: request.iotInstanceId, ...flags },
			{ retryUnknownOutcome: false, method: 'POST' },
		);
	} catch (error) {
		throw error instanceof AlibabaApiError && error.outcomeUnknown ? outcomeUnknownError(error) : error;
	}
	return {
		JobId: request.jobId,
		CanceledStates: states,
		...flags,
		RequestId: typeof answer.RequestId === 'string' ? answer.RequestId : undefined,
		Success: answer.Success !== false,
	};
}

function outcomeUnknownError(error: AlibabaApiError): AlibabaApiError {
	return error.withApiMessage(
		`${error.apiMessage}. The cancel may or may not have been carried out, so it was not retried ` +
			"(canceling changes the fleet): check the job's tasks before canceling again",
	);
}
