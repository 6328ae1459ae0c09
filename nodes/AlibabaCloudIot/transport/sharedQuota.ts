/**
 * The process-wide entry to the shared quota: off unless ALIBABA_CLOUD_IOT_QUOTA_REDIS is set.
 * Called once the local adaptive limiter has granted a request: waits for its shared slot. On any
 * Redis trouble the request goes on without one at once, at this process's share of the quota if
 * it last shared it with others.
 */
import { readFileSync } from 'node:fs';

import { LoggerProxy } from 'n8n-workflow';

import { systemClock } from './clock';
import { describeQuotaRedis, readQuotaRedisSetting } from './quotaRedisConfig';
import type { SharedQuotaRedis } from './sharedQuotaRedis';
import { ceilingPerSecond } from './sharedQuotaState';

let shared: Promise<SharedQuotaRedis | undefined> | undefined;

// n8n initialises n8n-workflow's LoggerProxy with its own logger: these lines land in n8n's log
// (N8N_LOG_OUTPUT, N8N_LOG_LEVEL) like n8n's own. Outside n8n the proxy is silent.
const prefix = (line: string) => `Alibaba Cloud IoT: ${line}`;
const log = { warn: (line: string) => LoggerProxy.warn(prefix(line)), info: (line: string) => LoggerProxy.info(prefix(line)) };

/** Read once per process, at its first request; ioredis is loaded only when the limiter is on. */
async function sharedQuota(): Promise<SharedQuotaRedis | undefined> {
	shared ??= (async () => {
		const setting = readQuotaRedisSetting(process.env, (path) => readFileSync(path, 'utf8'));
		if (setting.kind === 'invalid') log.warn(describeQuotaRedis(setting));
		if (setting.kind !== 'on') return undefined;
		log.info(describeQuotaRedis(setting));
		const { SharedQuotaRedis } = await import('./sharedQuotaRedis');
		return new SharedQuotaRedis(setting.config, log);
	})();
	return await shared;
}

/** Tests and the bench: forget the process's Redis client so the next request reads the environment again. */
export async function resetSharedQuota(): Promise<void> {
	const previous = shared;
	shared = undefined;
	await (await previous)?.close();
}

export async function waitForSharedQuota(
	group: string,
	action: string,
	actionQuota: number | undefined,
	credentialMax: number | undefined,
): Promise<void> {
	// Max Requests per Second 0: no limit at all (an endpoint without Alibaba's quota).
	if (credentialMax === 0) return;
	const quota = await sharedQuota();
	if (!quota) return;
	const limit = ceilingPerSecond(actionQuota ?? Infinity, credentialMax);
	let waitMs = await quota.reserve(group, action, limit);
	if (waitMs === 'fallback') {
		const soloWaitMs = quota.soloShareWaitMs(group, action, limit);
		if (soloWaitMs > 0) {
			await systemClock.sleep(soloWaitMs);
			// Redis may be back meanwhile: then this request takes a shared slot after all.
			waitMs = await quota.reserve(group, action, limit);
		}
	}
	if (waitMs === 'fallback') quota.sentAlone(group, action);
	else if (waitMs > 0) await systemClock.sleep(waitMs);
}

/**
 * A throttle seen by this process spaces every worker's next slots wider for a while: the account
 * has callers the shared state does not see (the console, other tools). Only the spacing: the
 * throttled request's own wait hint is honoured by its retry and by the local limiter.
 */
export const SHARED_PENALTY = { factor: 1.5, durationMs: 2_000 };

export async function penaliseSharedQuota(group: string, action: string): Promise<void> {
	await (await sharedQuota())?.penalise(group, action, SHARED_PENALTY);
}
