import type { Clock } from './clock';
import { systemClock } from './clock';
import { AlibabaApiError } from './errors';

export interface RetryPolicy {
	/**
	 * Attempts in all, the first one included, for failures on Alibaba's side or the network's.
	 * Throttled answers are not counted: they are retried for as long as `maxElapsedMs` allows.
	 */
	maxAttempts: number;
	/**
	 * No retry starts once this much time has passed since the first attempt failed (the wait for
	 * the rate limiter before the first attempt is not a retry).
	 */
	maxElapsedMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/**
	 * True when throttled answers use up `maxAttempts` too: for a caller someone is waiting on (the
	 * credential Test), not for work that should wait out a shared quota.
	 */
	throttlesUseAttempts?: boolean;
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

/**
 * A throttled request's own backoff stays short: the rate limiter sets the pace for every
 * request of the action, and the server's hint, when it sends one, sets the least wait.
 */
const MAX_THROTTLE_BACKOFF_MS = 1000;

/** Exponential backoff with full jitter, never shorter than the server's throttle hint. */
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
 * Throttled attempts wait (at least the server's hint) and retry until `maxElapsedMs`; other
 * retryable failures also stop after `maxAttempts` of them.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	clock: Clock = systemClock,
	random: () => number = Math.random,
): Promise<T> {
	let firstFailureAt: number | undefined;
	let failures = 0;
	let throttles = 0;
	for (let attempts = 1; ; attempts++) {
		try {
			return await attempt();
		} catch (error) {
			if (!(error instanceof AlibabaApiError) || !error.retryable) throw error;
			if (policy.retryUnknownOutcome === false && error.outcomeUnknown) throw gaveUp(error, attempts, undefined);
			const startedAt = (firstFailureAt ??= clock.now());
			const throttled = error.kind === 'throttling';
			let delay: number;
			if (throttled) {
				throttles++;
				const backoff = { ...policy, maxDelayMs: Math.min(policy.maxDelayMs, MAX_THROTTLE_BACKOFF_MS) };
				delay = retryDelayMs(throttles, backoff, error.retryAfterMs, random);
			} else {
				failures++;
				delay = retryDelayMs(failures, policy, error.retryAfterMs, random);
			}
			const outOfTime = clock.now() + delay - startedAt > policy.maxElapsedMs;
			const counted = policy.throttlesUseAttempts ? failures + throttles : failures;
			const outOfAttempts = (!throttled || policy.throttlesUseAttempts === true) && counted >= policy.maxAttempts;
			if (outOfAttempts || outOfTime) {
				throw gaveUp(error, attempts, outOfTime ? clock.now() - startedAt : undefined);
			}
			await clock.sleep(delay);
		}
	}
}

function gaveUp(last: AlibabaApiError, attempts: number, elapsedMs: number | undefined): AlibabaApiError {
	if (attempts === 1) return last;
	const within = elapsedMs === undefined ? '' : ` in ${(elapsedMs / 1000).toFixed(1)} s`;
	const error = new AlibabaApiError({
		kind: last.kind,
		code: last.code,
		apiMessage: `${last.apiMessage} (gave up after ${attempts} attempts${within})`,
		requestId: last.requestId,
		httpStatus: last.httpStatus,
		retryAfterMs: last.retryAfterMs,
		action: last.action,
		outcomeUnknown: last.outcomeUnknown,
	});
	error.attempts = attempts;
	return error;
}
