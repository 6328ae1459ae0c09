import type { Clock } from './clock';
import { systemClock } from './clock';
import { AlibabaApiError } from './errors';

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** No retry starts once this much time has passed since the first attempt. */
	maxElapsedMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/**
	 * False for an action that changes the fleet: a failure whose outcome is unknown (timeout,
	 * dropped connection) is not retried, since the first request may have been carried out.
	 */
	retryUnknownOutcome?: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxElapsedMs: 60_000,
	baseDelayMs: 200,
	maxDelayMs: 10_000,
};

/** Exponential backoff with full jitter, never shorter than the server's `x-acs-retry-after`. */
export function retryDelayMs(
	failedAttempts: number,
	policy: RetryPolicy,
	retryAfterMs: number | undefined,
	random: () => number,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
	const jittered = Math.floor(random() * ceiling);
	return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the policy's budget
 * runs out; then the error says how many attempts were made and what the last answer was.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	clock: Clock = systemClock,
	random: () => number = Math.random,
): Promise<T> {
	const startedAt = clock.now();
	for (let attempts = 1; ; attempts++) {
		try {
			return await attempt();
		} catch (error) {
			if (!(error instanceof AlibabaApiError) || !error.retryable) throw error;
			if (policy.retryUnknownOutcome === false && error.outcomeUnknown) throw gaveUp(error, attempts);
			const delay = retryDelayMs(attempts, policy, error.retryAfterMs, random);
			const outOfTime = clock.now() + delay - startedAt > policy.maxElapsedMs;
			if (attempts >= policy.maxAttempts || outOfTime) {
				throw gaveUp(error, attempts);
			}
			await clock.sleep(delay);
		}
	}
}

function gaveUp(last: AlibabaApiError, attempts: number): AlibabaApiError {
	if (attempts === 1) return last;
	const error = new AlibabaApiError({
		kind: last.kind,
		code: last.code,
		apiMessage: `${last.apiMessage} (gave up after ${attempts} attempts)`,
		requestId: last.requestId,
		httpStatus: last.httpStatus,
		retryAfterMs: last.retryAfterMs,
		outcomeUnknown: last.outcomeUnknown,
	});
	error.attempts = attempts;
	return error;
}
