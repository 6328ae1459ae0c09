/**
 * The process-wide entry to the shared quota: off unless ALIBABA_CLOUD_IOT_QUOTA_REDIS is set.
 * Waits for this request's shared slot; on any Redis trouble it returns at once and the local
 * adaptive limiter (applied after this) is all that limits the request.
 */
import { readFileSync } from 'node:fs';

import { LoggerProxy } from 'n8n-workflow';

import { describeQuotaRedis, readQuotaRedisSetting } from './quotaRedisConfig';
import { SharedQuotaRedis } from './sharedQuotaRedis';
import { ceilingPerSecond } from './sharedQuotaState';

let shared: SharedQuotaRedis | undefined | null = null;

// n8n initialises n8n-workflow's LoggerProxy with its own logger: these lines land in n8n's log
// (N8N_LOG_OUTPUT, N8N_LOG_LEVEL) like n8n's own. Outside n8n the proxy is silent.
const prefix = (line: string) => `Alibaba Cloud IoT: ${line}`;
const warn = (line: string) => LoggerProxy.warn(prefix(line));

function sharedQuota(): SharedQuotaRedis | undefined {
	if (shared !== null) return shared;
	const setting = readQuotaRedisSetting(process.env, (path) => readFileSync(path, 'utf8'));
	if (setting.kind === 'invalid') warn(describeQuotaRedis(setting));
	if (setting.kind === 'on') LoggerProxy.info(prefix(describeQuotaRedis(setting)));
	shared = setting.kind === 'on' ? new SharedQuotaRedis(setting.config, warn) : undefined;
	return shared;
}

/** Tests and the bench: forget the process's Redis client so the next request reads the environment again. */
export async function resetSharedQuota(): Promise<void> {
	const previous = shared;
	shared = null;
	await previous?.close();
}

export async function waitForSharedQuota(
	group: string,
	action: string,
	actionQuota: number | undefined,
	credentialMax: number | undefined,
): Promise<void> {
	const quota = sharedQuota();
	if (!quota) return;
	const waitMs = await quota.reserve(group, action, ceilingPerSecond(actionQuota ?? Infinity, credentialMax));
	if (waitMs !== 'fallback' && waitMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, waitMs));
}

/**
 * A throttle seen by this process spaces every worker's next slots wider for a while: the account
 * has callers the shared state does not see (the console, other tools). Only the spacing: the
 * throttled request's own wait hint is honoured by its retry and by the local limiter.
 */
export const SHARED_PENALTY = { factor: 1.5, durationMs: 2_000 };

export async function penaliseSharedQuota(group: string, action: string): Promise<void> {
	await sharedQuota()?.penalise(group, action, SHARED_PENALTY);
}
