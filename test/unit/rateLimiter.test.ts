import { RateLimiter, rateLimiterFor } from '../../nodes/AlibabaCloudIot/transport/rateLimiter';
import { FakeClock } from '../support/fakeClock';

async function grantTimes(limiter: RateLimiter, clock: FakeClock, requests: number): Promise<number[]> {
	const times: number[] = [];
	const all = Promise.all(
		Array.from({ length: requests }, async () => {
			await limiter.acquire();
			times.push(clock.now());
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

describe('RateLimiter', () => {
	it('grants a burst up to the limit at once, then one slot per expired grant', async () => {
		const clock = new FakeClock();
		const times = await grantTimes(new RateLimiter(10, 1000, clock), clock, 25);
		expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
		expect(times.slice(10, 20)).toEqual(Array(10).fill(1000));
		expect(times.slice(20)).toEqual(Array(5).fill(2000));
	});

	it('never allows more than the limit in any window', async () => {
		const clock = new FakeClock();
		const times = await grantTimes(new RateLimiter(7, 1000, clock), clock, 100);
		expect(maxInAnyWindow(times, 1000)).toBe(7);
		// ...and is not slower than it has to be: 100 grants at 7 per second end at 14 s.
		expect(times[times.length - 1]).toBe(14_000);
	});

	it('keeps the window across requests that arrive later', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(2, 1000, clock);
		expect(await grantTimes(limiter, clock, 1)).toEqual([0]);
		await clock.runUntilSettled(clock.sleep(400));
		expect(await grantTimes(limiter, clock, 1)).toEqual([400]);
		expect(await grantTimes(limiter, clock, 2)).toEqual([1000, 1400]);
	});

	it('is shared per AccessKey ID across callers, and off when the rate is 0', () => {
		expect(rateLimiterFor('key-a', 10)).toBe(rateLimiterFor('key-a', 10));
		expect(rateLimiterFor('key-a', 10)).not.toBe(rateLimiterFor('key-b', 10));
		expect(rateLimiterFor('key-c', 0)).toBeUndefined();
	});
});
