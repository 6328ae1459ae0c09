import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import Redis from 'ioredis';
import { LoggerProxy } from 'n8n-workflow';

import { QUOTA_REDIS_VARIABLE } from '../../../../nodes/AlibabaCloudIot/transport/quotaRedisConfig';
import { resetSharedQuota } from '../../../../nodes/AlibabaCloudIot/transport/sharedQuota';
import { startRedis, type RedisServer } from '../../../../tools/services/redis';
import { credentialFor, runListByFirmware } from '../../../support/alibabaNode';
import { useEmulator } from '../../../support/useEmulator';

const FIRMWARE = 'FwSharedQuotaNode000001';
const JOBS = 10_000;
const KEY_PATTERN = 'n8n-nodes-alibabacloud-iot:{quota}:*';

/** The node in n8n's engine with ALIBABA_CLOUD_IOT_QUOTA_REDIS set, on a real redis-server. */
describe('the shared quota limiter, through the node', () => {
	const emulator = useEmulator({ qps: 10, latencyMs: 20, seed: (started) => started.addFirmware({ firmwareId: FIRMWARE, jobCount: JOBS, seed: 17 }) });
	const logged: string[] = [];
	let redis: RedisServer;

	beforeAll(async () => {
		redis = await startRedis();
		// n8n's root Logger points n8n-workflow's LoggerProxy at itself when it is made (so the node's
		// lines land in n8n's log); make it now, then listen in its place.
		Container.get(Logger);
		LoggerProxy.init({
			error: (message: string) => logged.push(`error ${message}`),
			warn: (message: string) => logged.push(`warn ${message}`),
			info: (message: string) => logged.push(`info ${message}`),
			debug: () => undefined,
		} as unknown as Parameters<typeof LoggerProxy.init>[0]);
	}, 30_000);
	const useRedis = async (url: string) => {
		logged.length = 0;
		process.env[QUOTA_REDIS_VARIABLE] = url;
		await resetSharedQuota();
	};
	afterAll(async () => {
		delete process.env[QUOTA_REDIS_VARIABLE];
		await resetSharedQuota();
		await redis?.stop();
	});

	const sharedKeys = async (port: number) => {
		const admin = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
		try {
			await admin.connect();
			return await admin.keys(KEY_PATTERN);
		} finally {
			admin.disconnect();
		}
	};

	it('every request of a listing takes its slot in Redis, under a key that does not show the AccessKey ID', async () => {
		const admin = new Redis({ host: '127.0.0.1', port: redis.port });
		await admin.config('SET', 'requirepass', 'quota-secret');
		admin.disconnect();
		await useRedis(`redis://:quota-secret@127.0.0.1:${redis.port}`);
		const credential = credentialFor(emulator);
		const result = await runListByFirmware({ credential, parameters: { firmwareId: FIRMWARE, returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(new Set(result.items.map((item) => item.json.JobId)).size).toBe(JOBS);

		const guarded = new Redis({ host: '127.0.0.1', port: redis.port, password: 'quota-secret' });
		try {
			const keys = await guarded.keys(KEY_PATTERN);
			expect(keys).toHaveLength(1);
			expect(keys[0]).toMatch(/:ListOTAJobByFirmware$/);
			expect(keys[0]).not.toContain(String(credential.accessKeyId));
			// The script's state: the last 10 slots (the quota), expiring when unused.
			expect(String(await guarded.hget(keys[0], 'slots')).split(',')).toHaveLength(10);
			expect(await guarded.pttl(keys[0])).toBeGreaterThan(0);
		} finally {
			await guarded.config('SET', 'requirepass', '');
			guarded.disconnect();
		}
		expect(logged.filter((line) => line.startsWith('warn'))).toEqual([]);
		expect(logged.join('\n')).not.toContain('quota-secret');
	}, 60_000);

	it('Redis stopped mid-listing and started again: no failure, every job once, said once, and shared again after', async () => {
		const { port } = redis;
		await useRedis(`redis://127.0.0.1:${port}`);
		const listing = runListByFirmware({ credential: credentialFor(emulator), parameters: { firmwareId: FIRMWARE, returnAll: true } });
		// 10,000 jobs are 50 pages at 10 per second: about 5 s. Down from 1 s to 2.5 s.
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(await sharedKeys(port)).toHaveLength(1);
		await redis.stop();
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		redis = await startRedis({ port });
		const result = await listing;

		expect(result.error).toBeUndefined();
		const jobIds = result.items.map((item) => item.json.JobId);
		expect(jobIds).toHaveLength(JOBS);
		expect(new Set(jobIds).size).toBe(JOBS);
		const warnings = logged.filter((line) => line.startsWith("warn"));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/Redis did not answer .*limits requests on its own/);
		expect(logged.some((line) => /Redis answers again/.test(line))).toBe(true);
		// The requests after its return took their slots in the new Redis.
		expect(await sharedKeys(port)).toHaveLength(1);
	}, 60_000);
});
