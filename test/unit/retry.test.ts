import { AlibabaApiError, type AlibabaErrorKind } from '../../nodes/AlibabaCloudIot/transport/errors';
import { DEFAULT_RETRY_POLICY, retryDelayMs, withRetries, type RetryPolicy } from '../../nodes/AlibabaCloudIot/transport/retry';
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

	it('does not count throttled attempts against maxAttempts', async () => {
		const clock = new FakeClock();
		const errors = Array.from({ length: 12 }, () => apiError('throttling', 'Throttling.User', 300));
		const { attempt, calls } = failing(errors);
		const twoAttempts = { ...policy, maxAttempts: 2 };
		await expect(clock.runUntilSettled(withRetries(attempt, twoAttempts, clock, () => 0.5))).resolves.toBe('ok');
		expect(calls()).toBe(13);
	});

	it('counts throttled attempts too when the policy says so (a caller someone waits on)', async () => {
		const clock = new FakeClock();
		const throttled = () => apiError('throttling', 'Throttling.User', 300);
		const { attempt, calls } = failing([throttled(), throttled(), throttled()]);
		const impatient = { ...policy, maxAttempts: 2, throttlesUseAttempts: true };
		await expect(clock.runUntilSettled(withRetries(attempt, impatient, clock, () => 0.5))).rejects.toMatchObject({
			code: 'Throttling.User',
			attempts: 2,
		});
		expect(calls()).toBe(2);
	});

	it('still stops server failures after maxAttempts when throttles came between them', async () => {
		const clock = new FakeClock();
		const server = () => apiError('server', 'ServiceUnavailable');
		const throttled = () => apiError('throttling', 'Throttling.User', 100);
		const { attempt, calls } = failing([server(), throttled(), throttled(), server(), throttled(), server(), server()]);
		const threeAttempts = { ...policy, maxAttempts: 3 };
		await expect(clock.runUntilSettled(withRetries(attempt, threeAttempts, clock, () => 0))).rejects.toThrow(
			'ServiceUnavailable: ServiceUnavailable happened (gave up after 6 attempts)',
		);
		expect(calls()).toBe(6);
	});

	it('retries throttles until the time budget and then says how long it tried', async () => {
		const clock = new FakeClock();
		const errors = Array.from({ length: 1000 }, () => apiError('throttling', 'Throttling.User', 1000));
		const { attempt, calls } = failing(errors);
		const failure = clock.runUntilSettled(withRetries(attempt, { ...policy, maxElapsedMs: 10_000 }, clock, () => 0));
		await expect(failure).rejects.toThrow('Throttling.User: Throttling.User happened (gave up after 11 attempts in 10.0 s)');
		expect(calls()).toBe(11);
	});

	it('counts the time budget from the first failure, not from a first attempt that waited its turn', async () => {
		const clock = new FakeClock();
		const { attempt: failOnce, calls } = failing([apiError('server', 'ServiceUnavailable')]);
		// The first attempt waits 5 s for the rate limiter before it is sent.
		const attempt = async () => {
			if (calls() === 0) await clock.sleep(5000);
			return await failOnce();
		};
		const tight = { ...policy, maxElapsedMs: 1000 };
		await expect(clock.runUntilSettled(withRetries(attempt, tight, clock, () => 0.5))).resolves.toBe('ok');
		expect(calls()).toBe(2);
	});

	it('keeps a throttled retry short without a hint: jitter under 1 s', async () => {
		const clock = new FakeClock();
		const errors = Array.from({ length: 8 }, () => apiError('throttling', 'Throttling.User'));
		const { attempt } = failing(errors);
		await clock.runUntilSettled(withRetries(attempt, DEFAULT_RETRY_POLICY, clock, () => 0.999));
		expect(Math.max(...clock.sleeps)).toBeLessThan(1000);
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
