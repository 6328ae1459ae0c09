// Deterministic OTA jobs: the same (firmwareId, count, seed) always gives the same list.
import { hashSeed, mulberry32, pickOne, pickWeighted, randomAlphanumeric, randomInt, type Random } from './prng';
import type { OtaJob, OtaTag } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Creation times spread over most of 2024, leaving room for end times to stay inside the year.
const FIRST_CREATE_MS = Date.UTC(2024, 0, 1);
const LAST_CREATE_MS = Date.UTC(2024, 10, 30);

const TAG_KEYS = ['env', 'region', 'batch', 'owner', 'channel', 'priority'] as const;
const TAG_VALUES: Record<(typeof TAG_KEYS)[number], readonly string[]> = {
	env: ['prod', 'staging', 'test'],
	region: ['cn-east', 'cn-north', 'ap-southeast'],
	batch: ['b1', 'b2', 'b3', 'night'],
	owner: ['ops', 'fw-team', 'qa'],
	channel: ['stable', 'beta', 'canary'],
	priority: ['high', 'normal', 'low'],
};

/** Alibaba ProductKeys are 11 characters, starting with "a1". */
export function generateProductKey(seed: number): string {
	return 'a1' + randomAlphanumeric(mulberry32(hashSeed('productKey', seed)), 9);
}

/** Jobs for one firmware, newest first (the order ListOTAJobByFirmware answers in). */
export function generateJobs(firmwareId: string, count: number, seed: number, productKey?: string): OtaJob[] {
	const random = mulberry32(hashSeed(firmwareId, seed));
	const jobProductKey = productKey ?? generateProductKey(seed);
	const spacing = (LAST_CREATE_MS - FIRST_CREATE_MS) / Math.max(count, 1);
	const usedIds = new Set<string>();
	const jobs: OtaJob[] = [];
	for (let i = 0; i < count; i++) {
		// Whole seconds, strictly increasing while count stays below the seconds in the span.
		const createMs = Math.floor((FIRST_CREATE_MS + (i + random() * 0.8) * spacing) / SECOND) * SECOND;
		jobs.push(generateJob(random, firmwareId, jobProductKey, createMs, usedIds));
	}
	return jobs.reverse();
}

/** One job created at `createMs`; `usedIds` keeps JobIds unique within a firmware. */
export function generateJob(
	random: Random,
	firmwareId: string,
	productKey: string,
	createMs: number,
	usedIds: Set<string> = new Set(),
): OtaJob {
	const jobType = pickWeighted(random, [['UPGRADE_FIRMWARE', 85], ['VERIFY_FIRMWARE', 15]] as const);
	// Verification jobs target chosen devices; dynamic jobs always target ALL (per the API reference).
	const selectionType = jobType === 'VERIFY_FIRMWARE' ? 'STATIC' : pickWeighted(random, [['STATIC', 75], ['DYNAMIC', 25]] as const);
	const targetSelection =
		jobType === 'VERIFY_FIRMWARE'
			? 'SPECIFIC'
			: selectionType === 'DYNAMIC'
				? 'ALL'
				: pickWeighted(random, [['ALL', 40], ['SPECIFIC', 35], ['GRAY', 25]] as const);
	// Only scheduled static jobs can still be PLANNED.
	const jobStatus = pickWeighted(random, [
		['COMPLETED', 55],
		['IN_PROGRESS', 20],
		['CANCELED', 15],
		['PLANNED', selectionType === 'STATIC' ? 10 : 0],
	] as const);

	const tags = random() < 0.5 ? { OtaTagDTO: generateTags(random) } : undefined;
	let startMs: number;
	let endMs: number | undefined;
	let modifiedMs: number;
	if (jobStatus === 'PLANNED') {
		startMs = createMs + randomInt(random, 1, 72) * HOUR; // the scheduled start
		modifiedMs = createMs;
	} else {
		startMs = createMs + randomInt(random, 0, 120) * SECOND;
		if (jobStatus === 'IN_PROGRESS') {
			modifiedMs = startMs + randomInt(random, 0, (3 * DAY) / MINUTE) * MINUTE;
		} else {
			endMs = startMs + randomInt(random, 10, (5 * DAY) / MINUTE) * MINUTE;
			modifiedMs = endMs;
		}
	}

	// Built in the field order of the API reference; absent fields are left out, not set to undefined.
	const job: OtaJob = {
		FirmwareId: firmwareId,
		JobId: uniqueJobId(random, usedIds),
		JobStatus: jobStatus,
		JobType: jobType,
		ProductKey: productKey,
		SelectionType: selectionType,
		TargetSelection: targetSelection,
		...(tags && { Tags: tags }),
		UtcCreate: iso(createMs),
		UtcStartTime: iso(startMs),
		...(endMs !== undefined && { UtcEndTime: iso(endMs) }),
		UtcModified: iso(modifiedMs),
	};
	return job;
}

function generateTags(random: Random): OtaTag[] {
	const keys = [...TAG_KEYS];
	const tags: OtaTag[] = [];
	const count = randomInt(random, 1, 3);
	for (let i = 0; i < count; i++) {
		const key = keys.splice(Math.floor(random() * keys.length), 1)[0];
		tags.push({ Key: key, Value: pickOne(random, TAG_VALUES[key]) });
	}
	return tags;
}

/** Live JobIds look like 22 random characters followed by "0200" (26 in all). */
function uniqueJobId(random: Random, usedIds: Set<string>): string {
	let id: string;
	do id = randomAlphanumeric(random, 22) + '0200';
	while (usedIds.has(id));
	usedIds.add(id);
	return id;
}

/** The API's time format: ISO 8601 with milliseconds, always .000 on the live service. */
export function iso(ms: number): string {
	return new Date(Math.floor(ms / SECOND) * SECOND).toISOString();
}
