import RPCClient from '@alicloud/pop-core';

import { EMULATOR_KEYS, FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { listJobs, sendParams, sendSigned, signedParams } from '../../tools/emulator/handSignedRequest';
import { NonceRegistry } from '../../tools/emulator/nonces';
import { RateLimiter } from '../../tools/emulator/rateLimit';
import { RECORDED_PARAMS_LIMIT, RequestStats } from '../../tools/emulator/stats';
import { useEmulator, withEmulator } from '../support/useEmulator';

describe('RateLimiter (on a synthetic clock)', () => {
	it('admits qps requests in any sliding second, and says when the next slot frees', () => {
		const limiter = new RateLimiter(3);
		expect([0, 10, 20].map((t) => limiter.admit('k', t))).toEqual([0, 0, 0]);
		expect(limiter.admit('k', 999)).toBe(1); // the request at 0 leaves the window at 1000
		expect(limiter.admit('k', 500)).toBe(500);
		expect(limiter.admit('k', 1000)).toBe(0);
		expect(limiter.admit('k', 1005)).toBe(5); // window now holds 10, 20, 1000
		expect(limiter.admit('other', 1005)).toBe(0);
	});

	it('does not count refused requests against the limit', () => {
		const limiter = new RateLimiter(1);
		expect(limiter.admit('k', 0)).toBe(0);
		for (let t = 100; t < 1000; t += 100) expect(limiter.admit('k', t)).toBeGreaterThan(0);
		expect(limiter.admit('k', 1000)).toBe(0);
	});

	it('admits everything at qps 0', () => {
		const limiter = new RateLimiter(0);
		for (let i = 0; i < 100; i++) expect(limiter.admit('k', 0)).toBe(0);
	});
});

describe('RequestStats', () => {
	const record = (stats: RequestStats, at: number, accessKeyId = 'k') =>
		stats.record({ at, method: 'GET', accessKeyId, params: { n: String(at) }, httpStatus: 200 }, at);

	it('keeps the busiest sliding second per key', () => {
		const stats = new RequestStats();
		for (const t of [0, 100, 900, 1000, 1050, 1899, 3000]) record(stats, t);
		record(stats, 0, 'other');
		expect(stats.peak('k')).toBe(4); // 900, 1000, 1050, 1899
		expect(stats.peak('other')).toBe(1);
		expect(stats.peak()).toBe(4);
		stats.reset();
		expect(stats.peak()).toBe(0);
	});

	it('keeps params only for the most recent requests', () => {
		const stats = new RequestStats();
		for (let i = 0; i < RECORDED_PARAMS_LIMIT + 5; i++) record(stats, i * 1000);
		expect(stats.requests).toHaveLength(RECORDED_PARAMS_LIMIT + 5);
		expect(stats.requests[4].params).toEqual({});
		expect(stats.requests[5].params).toEqual({ n: '5000' });
	});
});

describe('NonceRegistry', () => {
	it('forgets a nonce once the window has passed', () => {
		const nonces = new NonceRegistry(1000);
		expect(nonces.claim('k', 'n', 0)).toBe(true);
		expect(nonces.claim('k', 'n', 999)).toBe(false);
		expect(nonces.claim('k2', 'n', 999)).toBe(true);
		expect(nonces.claim('k', 'n', 1000)).toBe(true);
	});
});

describe('flow control over HTTP', () => {
	const emulator = useEmulator({ qps: 3 });

	const demo = listJobs(FIXTURE_FIRMWARES.demo);

	it('answers the qps+1-th request within a second with Throttling.User and x-acs-retry-after', async () => {
		const answers = await Promise.all([1, 2, 3, 4].map(() => sendSigned(emulator.url, { params: demo })));
		const throttled = answers.filter((answer) => answer.status !== 200);
		expect(throttled).toHaveLength(1);
		expect(throttled[0].status).toBe(400);
		expect(throttled[0].body).toMatchObject({ Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' });
		const retryAfter = Number(throttled[0].headers.get('x-acs-retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(1000);
		expect(emulator.peakRequestsPerSecond(EMULATOR_KEYS.active.accessKeyId)).toBe(4);
		expect(emulator.requests.map((request) => request.code ?? 'ok').sort()).toEqual(['Throttling.User', 'ok', 'ok', 'ok']);

		// Honouring the header is enough: a new request after it passes.
		await new Promise((resolve) => setTimeout(resolve, retryAfter + 5));
		expect((await sendSigned(emulator.url, { params: demo })).status).toBe(200);
	});

	it('limits each AccessKeyId on its own', async () => {
		await Promise.all([1, 2, 3].map(() => sendSigned(emulator.url, { params: demo })));
		const otherKey = await sendSigned(emulator.url, { credentials: EMULATOR_KEYS.sts, params: demo });
		expect(otherKey.status).toBe(200);
	});

	it('uses up the nonce of a throttled request: a retry must be signed afresh', async () => {
		emulator.setQps(1);
		try {
			await sendSigned(emulator.url, { params: demo });
			const params = signedParams({ params: demo });
			expect((await sendParams(emulator.url, 'GET', params)).body.Code).toBe('Throttling.User');
			emulator.setQps(0);
			expect((await sendParams(emulator.url, 'GET', params)).body.Code).toBe('SignatureNonceUsed');
		} finally {
			emulator.setQps(3);
		}
	});

	it('lets everything through at qps 0', async () => {
		emulator.setQps(0);
		try {
			const answers = await Promise.all(Array.from({ length: 12 }, () => sendSigned(emulator.url, { params: demo })));
			expect(answers.every((answer) => answer.status === 200)).toBe(true);
		} finally {
			emulator.setQps(3);
		}
	});

	it('shows pop-core the throttle as an error with code Throttling.User', async () => {
		// A fresh emulator, so the windows the tests above filled do not matter.
		await withEmulator({ qps: 1 }, async (fresh) => {
			const client = new RPCClient({ ...EMULATOR_KEYS.sts, endpoint: fresh.url, apiVersion: '2018-01-20' });
			const page = { FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: 1, PageSize: 10 };
			const results = await Promise.allSettled([1, 2].map(() => client.request('ListOTAJobByFirmware', page, { method: 'POST' })));
			expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
			const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
			expect((rejected?.reason as { code?: string }).code).toBe('Throttling.User');
		});
	});
});
