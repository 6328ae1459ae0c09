import { AlibabaApiError } from '../../nodes/AlibabaCloudIot/transport/errors';
import { RateLimiter, rateLimiterFor } from '../../nodes/AlibabaCloudIot/transport/rateLimiter';
import { FakeClock } from '../support/fakeClock';

async function grantTimes(limiter: RateLimiter, clock: FakeClock, requests: number): Promise<number[]> {
	const times: number[] = [];
	const all = Promise.all(
		Array.from({ length: requests }, async () => {
			times.push(await limiter.acquire());
		}),
	);
	await clock.runUntilSettled(all);
	return times;
}

function maxInAnyWindow(times: number[], windowMs: number): number {
	let max = 0;
	for (const start of times) {
		max = Math.max(max, times.filter((time) => time >= start && time < start + windowMs).length);
	}
	return max;
}

const throttle = (retryAfterMs?: number) =>
	new AlibabaApiError({ kind: 'throttling', code: 'Throttling.User', apiMessage: 'denied', httpStatus: 400, retryAfterMs });

/** Runs `limiter.schedule` once with an answer that throttles or not, at the clock's time. */
async function answer(limiter: RateLimiter, clock: FakeClock, outcome: 'ok' | AlibabaApiError): Promise<void> {
	const sent = limiter.schedule(async () => {
		if (outcome !== 'ok') throw outcome;
	});
	await clock.runUntilSettled(sent.catch(() => undefined));
}

describe('RateLimiter before any throttle (a lone client)', () => {
	it('grants a burst up to the limit at once, then one slot per expired grant', async () => {
		const clock = new FakeClock();
		const times = await grantTimes(new RateLimiter(10, clock, { windowMs: 1000 }), clock, 25);
		expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
		expect(times.slice(10, 20)).toEqual(Array(10).fill(1000));
		expect(times.slice(20)).toEqual(Array(5).fill(2000));
	});

	it('never allows more than the limit in any window', async () => {
		const clock = new FakeClock();
		const times = await grantTimes(new RateLimiter(7, clock, { windowMs: 1000 }), clock, 100);
		expect(maxInAnyWindow(times, 1000)).toBe(7);
		// ...and is not slower than it has to be: 100 grants at 7 per second end at 14 s.
		expect(times[times.length - 1]).toBe(14_000);
	});

	it('keeps a 1050 ms window by default, so a 10/s sliding-window server never throttles it', async () => {
		const clock = new FakeClock();
		const times = await grantTimes(new RateLimiter(10, clock), clock, 30);
		expect(times.slice(10, 20)).toEqual(Array(10).fill(1050));
		expect(maxInAnyWindow(times, 1049)).toBe(10);
	});

	it('keeps the window across requests that arrive later', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(2, clock, { windowMs: 1000 });
		expect(await grantTimes(limiter, clock, 1)).toEqual([0]);
		await clock.runUntilSettled(clock.sleep(400));
		expect(await grantTimes(limiter, clock, 1)).toEqual([400]);
		expect(await grantTimes(limiter, clock, 2)).toEqual([1000, 1400]);
	});
});

describe('RateLimiter after a throttle', () => {
	it('cuts the rate to 0.7 times what the server accepted from it', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		// Eight accepted answers within the last second, then a throttle.
		for (let i = 0; i < 8; i++) await answer(limiter, clock, 'ok');
		expect(limiter.ratePerSecond()).toBe(10);
		await answer(limiter, clock, throttle());
		expect(limiter.ratePerSecond()).toBeCloseTo(0.7 * 8, 6);
	});

	it('cuts once per round: throttles of requests sent before the cut do not cut again', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		for (let i = 0; i < 5; i++) await answer(limiter, clock, 'ok');
		// Five requests in flight together, all refused.
		const inFlight = Array.from({ length: 5 }, async () =>
			await limiter.schedule(async () => {
				await clock.sleep(300);
				throw throttle();
			}),
		);
		await clock.runUntilSettled(Promise.allSettled(inFlight));
		expect(limiter.ratePerSecond()).toBeCloseTo(0.7 * 5, 6);
	});

	it('recovers along a cubic curve: flat around the throttled rate, then up to the maximum and no further', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		for (let i = 0; i < 5; i++) await answer(limiter, clock, 'ok');
		await answer(limiter, clock, throttle());
		const rateAt = async (ms: number) => {
			await clock.runUntilSettled(clock.sleep(ms - clock.now()));
			return limiter.ratePerSecond();
		};
		// W = 5, K = cbrt(5 * 0.3 / 1.5) = 1 s: rate = 5 + 1.5 * (t - 1)^3.
		expect(await rateAt(0)).toBeCloseTo(3.5, 6);
		expect(await rateAt(500)).toBeCloseTo(5 - 1.5 * 0.125, 6);
		expect(await rateAt(1000)).toBeCloseTo(5, 6);
		expect(await rateAt(1500)).toBeCloseTo(5 + 1.5 * 0.125, 6);
		expect(await rateAt(2000)).toBeCloseTo(6.5, 6);
		expect(await rateAt(3000)).toBe(10);
		expect(await rateAt(60_000)).toBe(10);
	});

	it('paces grants one by one at the cut rate, never above the maximum', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		for (let i = 0; i < 10; i++) await answer(limiter, clock, 'ok');
		await answer(limiter, clock, throttle());
		const times = await grantTimes(limiter, clock, 60);
		// No burst: the first two grants after the cut are at least 1 / 7 s apart.
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(100);
		expect(maxInAnyWindow(times, 1050)).toBeLessThanOrEqual(10);
		// Back at the maximum, the pace is the window's: ten per 1050 ms.
		expect(maxInAnyWindow(times.slice(-20), 1000)).toBeGreaterThanOrEqual(9);
	});

	it('holds every grant back until a throttle hint has passed', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		await answer(limiter, clock, throttle(800));
		const [next] = await grantTimes(limiter, clock, 1);
		expect(next).toBeGreaterThanOrEqual(800);
	});

	it('caps a pause at 10 s, whatever the hint says', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(10, clock);
		await answer(limiter, clock, throttle(3_600_000));
		const [next] = await grantTimes(limiter, clock, 1);
		expect(next).toBe(10_000);
	});
});

describe('rateLimiterFor', () => {
	it('is shared per AccessKey ID and action across callers, and off when the rate is 0', () => {
		expect(rateLimiterFor('key-a', 'ListOTAJobByFirmware', 10)).toBe(rateLimiterFor('key-a', 'ListOTAJobByFirmware', 10));
		expect(rateLimiterFor('key-a', 'ListOTAJobByFirmware', 10)).not.toBe(rateLimiterFor('key-b', 'ListOTAJobByFirmware', 10));
		expect(rateLimiterFor('key-a', 'ListOTAJobByFirmware', 10)).not.toBe(rateLimiterFor('key-a', 'ListOTAFirmware', 10));
		expect(rateLimiterFor('key-c', 'ListOTAFirmware', 0)).toBeUndefined();
	});

	it("never goes past the action's quota nor the credential's maximum", () => {
		expect(rateLimiterFor('key-d', 'CancelOTATaskByJob', 10, 5)?.maxPerSecond).toBe(5);
		expect(rateLimiterFor('key-d', 'QueryOTAFirmware', 10, 20)?.maxPerSecond).toBe(10);
		expect(rateLimiterFor('key-d', 'SomeOtherAction', 3, undefined)?.maxPerSecond).toBe(3);
	});
});
