import { EMULATOR_ACCOUNTS, EMULATOR_KEYS, FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { listJobs, sendSigned, type Credentials } from '../../tools/emulator/handSignedRequest';
import { RateLimiter } from '../../tools/emulator/rateLimit';
import { RequestStats } from '../../tools/emulator/stats';
import { useEmulator } from '../support/useEmulator';

const active = EMULATOR_KEYS.active.accessKeyId;
const sameAccount = EMULATOR_KEYS.sameAccount.accessKeyId;
const sts = EMULATOR_KEYS.sts.accessKeyId;

/** How many of `count` requests at time `at` are admitted. */
function admitted(limiter: RateLimiter, accessKeyId: string, action: string, count: number, at = 0): number {
	let passed = 0;
	for (let i = 0; i < count; i++) if (limiter.admit(accessKeyId, at, action) === 0) passed++;
	return passed;
}

describe('RateLimiter quotas (on a synthetic clock)', () => {
	it("gives each action its documented quota: 10, QueryOTAFirmware 20, CancelOTATaskByJob 5", () => {
		const limiter = new RateLimiter();
		expect(admitted(limiter, active, 'ListOTAJobByFirmware', 15)).toBe(10);
		expect(admitted(limiter, active, 'ListOTAFirmware', 15)).toBe(10);
		expect(admitted(limiter, active, 'QueryOTAJob', 15)).toBe(10);
		expect(admitted(limiter, active, 'ListOTATaskByJob', 15)).toBe(10);
		expect(admitted(limiter, active, 'QueryOTAFirmware', 25)).toBe(20);
		expect(admitted(limiter, active, 'CancelOTATaskByJob', 8)).toBe(5);
		// A second later each action has its whole quota again.
		expect(admitted(limiter, active, 'CancelOTATaskByJob', 8, 1000)).toBe(5);
	});

	it('shares a quota between the keys of one account, not between accounts', () => {
		const limiter = new RateLimiter();
		expect(admitted(limiter, active, 'ListOTAJobByFirmware', 6)).toBe(6);
		expect(admitted(limiter, sameAccount, 'ListOTAJobByFirmware', 6)).toBe(4);
		expect(admitted(limiter, sts, 'ListOTAJobByFirmware', 6)).toBe(6);
	});

	it("counts each key on its own in 'key' scope", () => {
		const limiter = new RateLimiter(undefined, 'key');
		expect(admitted(limiter, active, 'ListOTAJobByFirmware', 12)).toBe(10);
		expect(admitted(limiter, sameAccount, 'ListOTAJobByFirmware', 12)).toBe(10);
		limiter.setScope('account');
		expect(admitted(limiter, sameAccount, 'ListOTAJobByFirmware', 1, 2000)).toBe(1);
	});

	it('applies a qps override to every action, 0 lifting all limits, undefined restoring the table', () => {
		const limiter = new RateLimiter(3);
		expect(admitted(limiter, active, 'QueryOTAFirmware', 5)).toBe(3);
		expect(admitted(limiter, active, 'CancelOTATaskByJob', 5)).toBe(3);
		limiter.setQps(0);
		expect(admitted(limiter, active, 'CancelOTATaskByJob', 50)).toBe(50);
		limiter.setQps(undefined);
		expect(limiter.quotaOf('CancelOTATaskByJob')).toBe(5);
		expect(limiter.quotaOf('SomethingElse')).toBe(10);
		expect(() => limiter.setScope('user' as never)).toThrow('quota scope must be one of account, key');
	});
});

describe('RequestStats traffic figures (on a synthetic clock)', () => {
	it('counts requests, accepted and throttled per action and overall, with busy period and peaks per account', () => {
		const stats = new RequestStats();
		const send = (at: number, action: string, accessKeyId: string, code?: string, accepted = code === undefined) => {
			const record = stats.record({ at: 1_700_000_000_000 + at, method: 'GET', action, accessKeyId, params: {}, httpStatus: 200 }, at);
			if (code) record.code = code;
			stats.settle(record, accepted, at);
		};
		send(0, 'ListOTATaskByJob', active);
		send(100, 'ListOTATaskByJob', sameAccount);
		send(200, 'ListOTATaskByJob', sameAccount, 'Throttling.User', false);
		send(300, 'CancelOTATaskByJob', sts);
		send(400, 'ListOTATaskByJob', active, 'SignatureDoesNotMatch', false);
		send(2500, 'ListOTATaskByJob', active);

		const summary = stats.summary();
		expect(summary.overall).toEqual({
			requests: 6,
			accepted: 4,
			throttled: 1,
			throttledShare: 1 / 6,
			firstRequestAt: 1_700_000_000_000,
			lastRequestAt: 1_700_000_002_500,
			busyPeriodMs: 2500,
			peakPerSecondByAccount: { [EMULATOR_ACCOUNTS.main]: 4, [EMULATOR_ACCOUNTS.other]: 1 },
			peakAcceptedPerSecondByAccount: { [EMULATOR_ACCOUNTS.main]: 2, [EMULATOR_ACCOUNTS.other]: 1 },
		});
		expect(summary.byAction.ListOTATaskByJob).toMatchObject({ requests: 5, accepted: 3, throttled: 1, throttledShare: 0.2 });
		expect(summary.byAction.CancelOTATaskByJob).toMatchObject({ requests: 1, accepted: 1, throttled: 0, busyPeriodMs: 0 });
		stats.reset();
		expect(stats.summary().overall).toMatchObject({ requests: 0, throttledShare: 0, firstRequestAt: null });
	});
});

describe('per-account quotas over HTTP', () => {
	// A fresh emulator each time, so no test waits for another's second to pass.
	const emulator = useEmulator({ per: 'test' });

	const demo = listJobs(FIXTURE_FIRMWARES.demo);
	const send = (credentials: Credentials) => sendSigned(emulator.url, { credentials, params: demo });
	const codes = (answers: Array<{ body: Record<string, unknown> }>) => answers.map((answer) => String(answer.body.Code ?? 'ok'));

	it('throttles the second RAM user of an account once the account used its 10 per second', async () => {
		const first = await Promise.all(Array.from({ length: 10 }, () => send(EMULATOR_KEYS.active)));
		expect(codes(first).every((code) => code === 'ok')).toBe(true);
		const second = await send(EMULATOR_KEYS.sameAccount);
		expect(second.status).toBe(400);
		expect(second.body.Code).toBe('Throttling.User');
		expect(Number(second.headers.get('x-acs-retry-after'))).toBeGreaterThan(0);
		// Another account's quota is untouched.
		expect((await send(EMULATOR_KEYS.sts)).body.Code).toBeUndefined();
		const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as { overall: Record<string, unknown> };
		expect(stats.overall).toMatchObject({ requests: 12, accepted: 11, throttled: 1 });
	});

	it('counts each action apart: a full ListOTAJobByFirmware second leaves QueryOTAJob its own 10', async () => {
		const jobId = emulator.firmware(FIXTURE_FIRMWARES.demo)?.jobs[0].JobId ?? '';
		const answers = await Promise.all([
			...Array.from({ length: 10 }, () => send(EMULATOR_KEYS.active)),
			...Array.from({ length: 10 }, () => sendSigned(emulator.url, { credentials: EMULATOR_KEYS.sameAccount, params: { Action: 'QueryOTAJob', JobId: jobId } })),
		]);
		expect(codes(answers).every((code) => code === 'ok')).toBe(true);
	});

	it("gives each key its own quota in 'key' scope", async () => {
		emulator.setQuotaScope('key');
		try {
			const answers = await Promise.all([
				...Array.from({ length: 10 }, () => send(EMULATOR_KEYS.active)),
				...Array.from({ length: 10 }, () => send(EMULATOR_KEYS.sameAccount)),
			]);
			expect(codes(answers).every((code) => code === 'ok')).toBe(true);
		} finally {
			emulator.setQuotaScope('account');
		}
	});
});
