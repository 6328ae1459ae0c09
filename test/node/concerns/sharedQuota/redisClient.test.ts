import Redis from 'ioredis';

import { startRedis, type RedisServer } from '../../../../tools/services/redis';
import { SharedQuotaRedis } from '../../../../nodes/AlibabaCloudIot/transport/sharedQuotaRedis';

/** Against a real redis-server on a free local port: the Lua script, the shared order, the fallback. */
describe('shared quota on a real Redis', () => {
	let redis: RedisServer;
	const lines: string[] = [];
	const log = { warn: (line: string) => lines.push(line), info: () => undefined };

	beforeAll(async () => {
		redis = await startRedis();
	}, 30_000);
	afterAll(async () => await redis?.stop());

	const at = (port: number, password?: string) =>
		new SharedQuotaRedis({ source: 'url', host: '127.0.0.1', port, password, db: 0, tls: false }, log);

	it('two processes on one quota get one first-come-first-served order', async () => {
		const first = at(redis.port);
		const second = at(redis.port);
		try {
			const waits: number[] = [];
			for (let index = 0; index < 6; index++) {
				const client = index % 2 === 0 ? first : second;
				waits.push((await client.reserve('account-1', 'ListOTAJobByFirmware', 10)) as number);
			}
			// Two processes on one quota: one order, slots a tenth of the window (105 ms) apart on Redis's
			// clock, whichever process asked (less the real time the calls took).
			expect(waits[0]).toBe(0);
			for (let index = 1; index < waits.length; index++) expect(waits[index]).toBeGreaterThan(waits[index - 1] + 50);
			expect(waits[5]).toBeGreaterThan(400);
			// Each knows it shares the quota with one other: its share, should Redis go away.
			expect(first.lastShare('account-1', 'ListOTAJobByFirmware').sharers).toBe(2);
			expect(second.lastShare('account-1', 'ListOTAJobByFirmware').sharers).toBe(2);
			// A process with a quota to itself sends the quota's 10 at once, as it may without Redis.
			const alone: number[] = [];
			for (let index = 0; index < 11; index++) alone.push((await first.reserve('account-9', 'ListOTAJobByFirmware', 10)) as number);
			expect(alone.slice(0, 10).every((wait) => wait === 0)).toBe(true);
			expect(alone[10]).toBeGreaterThan(900);
			// Another group or another action has its own quota.
			expect(await second.reserve('account-2', 'ListOTAJobByFirmware', 10)).toBe(0);
		} finally {
			await first.close();
			await second.close();
		}
	});

	it('a throttle seen by one process slows the other', async () => {
		const first = at(redis.port);
		const second = at(redis.port);
		try {
			await first.penalise('account-3', 'QueryOTAJob', { factor: 1, durationMs: 1_000, pauseMs: 800 });
			expect(await second.reserve('account-3', 'QueryOTAJob', 10)).toBeGreaterThan(500);
		} finally {
			await first.close();
			await second.close();
		}
	});

	it('works as a dedicated Redis user allowed only its keys and the script; without a command it needs, says which', async () => {
		const admin = new Redis({ host: '127.0.0.1', port: redis.port });
		const rights = ['~n8n-nodes-alibabacloud-iot:*', '+eval', '+info', '+time', '+hmget', '+hset', '+pexpire'];
		await admin.call('ACL', 'SETUSER', 'iot-quota', 'on', '>quota-user-secret', ...rights);
		await admin.call('ACL', 'SETUSER', 'iot-quota-short', 'on', '>quota-user-secret', ...rights.filter((right) => right !== '+time'));
		admin.disconnect();
		const asUser = (username: string) =>
			new SharedQuotaRedis({ source: 'url', host: '127.0.0.1', port: redis.port, username, password: 'quota-user-secret', db: 0, tls: false }, log);
		const allowed = asUser('iot-quota');
		const short = asUser('iot-quota-short');
		lines.length = 0;
		try {
			expect(await allowed.reserve('account-6', 'QueryOTAJob', 10)).toBe(0);
			await allowed.penalise('account-6', 'QueryOTAJob', { factor: 1.5, durationMs: 1_000 });
			expect(lines).toEqual([]);
			expect(await short.reserve('account-6', 'QueryOTAJob', 10)).toBe('fallback');
			expect(lines).toHaveLength(1);
			// Redis 7 names the script, not the command it may not run.
			expect(lines[0]).toMatch(/ReplyError: .*can't run this command/);
			expect(lines[0]).not.toContain('quota-user-secret');
		} finally {
			await allowed.close();
			await short.close();
		}
	});

	it('a wrong password falls back at once and says so once, without the password', async () => {
		const guarded = await startRedis();
		const admin = new Redis({ host: '127.0.0.1', port: guarded.port });
		await admin.config('SET', 'requirepass', 'right-secret');
		admin.disconnect();
		lines.length = 0;
		const client = at(guarded.port, 'wrong-secret');
		try {
			expect(await client.reserve('account-4', 'QueryOTAJob', 10)).toBe('fallback');
			expect(await client.reserve('account-4', 'QueryOTAJob', 10)).toBe('fallback');
			expect(lines).toHaveLength(1);
			expect(lines[0]).not.toContain('wrong-secret');
		} finally {
			await client.close();
			await guarded.stop();
		}
	}, 30_000);

	it('a Redis that stops answering means fallback, not a failure', async () => {
		const spare = await startRedis();
		const client = at(spare.port);
		try {
			expect(await client.reserve('account-5', 'QueryOTAJob', 10)).toBe(0);
			await spare.stop();
			expect(await client.reserve('account-5', 'QueryOTAJob', 10)).toBe('fallback');
		} finally {
			await client.close();
		}
	}, 30_000);

	it('without Redis, a process that shared the quota keeps to its share; one that had it to itself does not wait', async () => {
		const spare = await startRedis();
		const first = at(spare.port);
		const second = at(spare.port);
		const alone = at(spare.port);
		try {
			for (let index = 0; index < 4; index++) await (index % 2 === 0 ? first : second).reserve('account-7', 'QueryOTAJob', 10);
			await alone.reserve('account-8', 'QueryOTAJob', 10);
			await spare.stop();
			expect(await first.reserve('account-7', 'QueryOTAJob', 10)).toBe('fallback');
			// Two sharing 10 per 1,050 ms: one request every 210 ms each, from when its booked slots have passed.
			const waits = [0, 1, 2].map(() => first.soloShareWaitMs('account-7', 'QueryOTAJob', 10));
			expect(waits[1] - waits[0]).toBeGreaterThanOrEqual(205);
			expect(waits[2] - waits[1]).toBeGreaterThanOrEqual(205);
			expect(alone.soloShareWaitMs('account-8', 'QueryOTAJob', 10)).toBe(0);
		} finally {
			await Promise.all([first.close(), second.close(), alone.close()]);
		}
	}, 30_000);
});
