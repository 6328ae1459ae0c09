/**
 * The process-wide entry to the shared quota (issue 17): off unless ALIBABA_CLOUD_IOT_QUOTA_REDIS is set.
 * Waits for this request's shared slot; on any Redis trouble it returns at once and the local
 * adaptive limiter (applied after this) is all that limits the request.
 */
import { readFileSync } from 'node:fs';

import { describeQuotaRedis, readQuotaRedisSetting } from './quotaRedisConfig';
import { SharedQuotaRedis } from './sharedQuotaRedis';
import { ceilingPerSecond } from './sharedQuotaState';

let shared: SharedQuotaRedis | undefined | null = null;

// n8n gives transport no logger: one line per process on stderr.
const log = (line: string) => console.warn(`[n8n-nodes-alibabacloud-iot] ${line}`);

function sharedQuota(): SharedQuotaRedis | undefined {
	if (shared !== null) return shared;
	const setting = readQuotaRedisSetting(process.env, (path) => readFileSync(path, 'utf8'));
	if (setting.kind !== 'off') log(describeQuotaRedis(setting));
	shared = setting.kind === 'on' ? new SharedQuotaRedis(setting.config, log) : undefined;
	return shared;
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
