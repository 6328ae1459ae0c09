import { AlibabaApiError, type AlibabaErrorKind } from '../../nodes/AlibabaCloudIot/transport/errors';
import { retryDelayMs, withRetries, type RetryPolicy } from '../../nodes/AlibabaCloudIot/transport/retry';
import { FakeClock } from '../support/fakeClock';

const policy: RetryPolicy = { maxAttempts: 4, maxElapsedMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000 };

function apiError(kind: AlibabaErrorKind, code: string, retryAfterMs?: number): AlibabaApiError {
	return new AlibabaApiError({ kind, code, apiMessage: `${code} happened`, requestId: 'REQ-1', retryAfterMs });
}

/** Fails with the given errors in turn, then answers 'ok'. */
function failing(errors: Error[]): { attempt: () => Promise<string>; calls: () => number } {
	let calls = 0;
	return {
		attempt: async () => {
			const error = errors[calls++];
			if (error) throw error;
			return 'ok';
		},
		calls: () => calls,
	};
}

describe('withRetries', () => {
	it.each<[AlibabaErrorKind, string]>([
		['throttling', 'Throttling.User'],
		['server', 'ServiceUnavailable'],
		['server', 'InternalError'],
		['network', 'NetworkError'],
		['timeout', 'RequestTimeout'],
		['invalidResponse', 'InvalidResponse'],
	])('retries %s errors (%s)', async (kind, code) => {
		const clock = new FakeClock();
		const { attempt, calls } = failing([apiError(kind, code), apiError(kind, code)]);
		await expect(clock.runUntilSettled(withRetries(attempt, policy, clock, () => 0.5))).resolves.toBe('ok');
		expect(calls()).toBe(3);
	});

	it.each<[AlibabaErrorKind, string]>([
		['auth', 'SignatureDoesNotMatch'],
		['auth', 'Forbidden.RAM'],
		['business', 'iot.ota.FirmwareNotFound'],
		['business', 'iot.common.InvalidPageParams'],
	])('does not retry %s errors (%s)', async (kind, code) => {
		const clock = new FakeClock();
		const { attempt, calls } = failing([apiError(kind, code)]);
		await expect(clock.runUntilSettled(withRetries(attempt, policy, clock))).rejects.toMatchObject({ code });
		expect(calls()).toBe(1);
	});

	it('gives up after maxAttempts and says how many attempts were made', async () => {
		const clock = new FakeClock();
		const errors = Array.from({ length: 10 }, () => apiError('server', 'ServiceUnavailable'));
		const { attempt, calls } = failing(errors);
		const failure = clock.runUntilSettled(withRetries(attempt, policy, clock, () => 1));
		await expect(failure).rejects.toThrow('ServiceUnavailable: ServiceUnavailable happened (gave up after 4 attempts)');
		await expect(failure).rejects.toMatchObject({ attempts: 4, requestId: 'REQ-1' });
		expect(calls()).toBe(4);
	});

	it('gives up when the next wait would pass the time budget', async () => {
		const clock = new FakeClock();
		const errors = Array.from({ length: 10 }, () => apiError('throttling', 'Throttling.User', 2000));
		const { attempt, calls } = failing(errors);
		const tight = { ...policy, maxAttempts: 10, maxElapsedMs: 5000 };
		await expect(clock.runUntilSettled(withRetries(attempt, tight, clock, () => 0))).rejects.toMatchObject({
			attempts: 3,
		});
		expect(calls()).toBe(3);
		expect(clock.now()).toBe(4000);
	});

	it('waits at least x-acs-retry-after', async () => {
		const clock = new FakeClock();
		const { attempt } = failing([apiError('throttling', 'Throttling.User', 750)]);
		await clock.runUntilSettled(withRetries(attempt, policy, clock, () => 0));
		expect(clock.sleeps).toEqual([750]);
	});
});

describe('retryDelayMs', () => {
	it('draws full jitter under an exponential ceiling capped at maxDelayMs', () => {
		expect(retryDelayMs(1, policy, undefined, () => 0.999)).toBe(99);
		expect(retryDelayMs(3, policy, undefined, () => 0.5)).toBe(200);
		expect(retryDelayMs(10, policy, undefined, () => 0.999)).toBe(999);
		expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(0);
	});
});
