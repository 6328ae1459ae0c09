import { randomBytes } from 'node:crypto';

import type { IotParams } from '../transport/popRequest';
import type { OtaTag } from './otaJobs';

/**
 * The tag a created job carries so that a read can find it after a lost answer: no OTA write takes
 * an idempotency token (docs/alibaba-api.md, "Writes and lost answers"). Letters, digits and periods
 * only, as Alibaba's tag keys must be.
 */
export const REQUEST_TAG_KEY = 'n8n.createId';

/** Alibaba's tag rules for OTA jobs (docs/alibaba-api.md, "Tags on jobs"). */
export const MAX_JOB_TAGS = 10;
export const MAX_TAG_KEY_LENGTH = 30;
export const MAX_TAGS_TOTAL_CHARACTERS = 4096;
const TAG_KEY = /^[A-Za-z0-9.]+$/;

/** A token unique to one create request: 128 random bits. */
export function newRequestToken(): string {
	return randomBytes(16).toString('hex');
}

/**
 * What is wrong with the user's tags once the request token's tag is added, or undefined when
 * Alibaba would accept them. Counted as the docs count them: keys and values, in characters.
 */
export function tagProblem(userTags: OtaTag[]): string | undefined {
	const all = [...userTags, { Key: REQUEST_TAG_KEY, Value: newRequestToken() }];
	if (all.length > MAX_JOB_TAGS) {
		return `has ${userTags.length} tags; Alibaba Cloud allows ${MAX_JOB_TAGS} per job, and the node adds one (${REQUEST_TAG_KEY}) to find the job after a lost answer, so at most ${MAX_JOB_TAGS - 1}`;
	}
	const seen = new Set<string>();
	for (const { Key } of userTags) {
		if (!TAG_KEY.test(Key) || Key.length > MAX_TAG_KEY_LENGTH) {
			return `has the key "${Key}": keys are 1 to ${MAX_TAG_KEY_LENGTH} letters, digits and periods`;
		}
		if (Key === REQUEST_TAG_KEY) return `uses the key "${Key}", which the node keeps for its request token`;
		if (seen.has(Key)) return `has the key "${Key}" twice`;
		seen.add(Key);
	}
	const characters = all.reduce((sum, tag) => sum + tag.Key.length + tag.Value.length, 0);
	if (characters > MAX_TAGS_TOTAL_CHARACTERS) {
		return `has ${characters} characters in all (keys and values, the request token's included); Alibaba Cloud allows ${MAX_TAGS_TOTAL_CHARACTERS}`;
	}
	return undefined;
}

/** `Tag.N.Key` / `Tag.N.Value`, the user's tags first, then the request token's. */
export function tagParams(userTags: OtaTag[], token: string): IotParams {
	const params: IotParams = {};
	[...userTags, { Key: REQUEST_TAG_KEY, Value: token }].forEach((tag, index) => {
		params[`Tag.${index + 1}.Key`] = tag.Key;
		params[`Tag.${index + 1}.Value`] = tag.Value;
	});
	return params;
}

export function hasRequestToken(tags: OtaTag[], token: string): boolean {
	return tags.some((tag) => tag.Key === REQUEST_TAG_KEY && tag.Value === token);
}
