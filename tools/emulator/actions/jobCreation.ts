// What the three create actions share: the firmware, the tags, the numbered lists, and the job they
// make (docs/alibaba-api.md, "The write side"). Rules the docs state are checked; the Codes of the
// refusals are GUESSES where no source gives them (marked).
import { firmwareNotFound, illegalRequest } from '../otaErrors';
import { businessError, missingParameter, success, type Outcome } from '../responses';
import type { FirmwareFixture, OtaJob, OtaTag } from '../types';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

/** Devices a product has in the emulator, for ALL and GRAY targets. */
export const FLEET_SIZE = 1000;
const TAG_KEY = /^[A-Za-z0-9.]{1,30}$/;

/** `Prefix.1`, `Prefix.2`, … in order; a gap ends the list. */
export function numberedList(params: Record<string, string>, prefix: string): string[] {
	const values: string[] = [];
	for (let n = 1; params[`${prefix}.${n}`] !== undefined; n++) values.push(params[`${prefix}.${n}`]);
	return values;
}

export function readTags(params: Record<string, string>): { ok: true; tags: OtaTag[] } | { ok: false; outcome: Outcome } {
	const tags: OtaTag[] = [];
	for (let n = 1; params[`Tag.${n}.Key`] !== undefined; n++) tags.push({ Key: params[`Tag.${n}.Key`], Value: params[`Tag.${n}.Value`] ?? '' });
	const characters = tags.reduce((sum, tag) => sum + tag.Key.length + tag.Value.length, 0);
	const bad = tags.find((tag) => !TAG_KEY.test(tag.Key));
	if (tags.length > 10 || characters > 4096 || bad) {
		return { ok: false, outcome: illegalRequest(bad ? `The tag key "${bad.Key}" is invalid.` : 'At most 10 tags and 4096 characters are allowed.') };
	}
	return { ok: true, tags };
}

export interface CreateTarget {
	fixture: FirmwareFixture;
	tags: OtaTag[];
}

/** The firmware (in the request's instance, of the request's product) and the tags, or the refusal. */
export function readCreateTarget(params: Record<string, string>, context: ActionContext): { ok: true; target: CreateTarget } | { ok: false; outcome: Outcome } {
	for (const name of ['FirmwareId', 'ProductKey']) if (!params[name]) return { ok: false, outcome: missingParameter(name) };
	const instance = readInstance(params);
	if (!instance.ok) return instance;
	const fixture = context.firmwares.find(params.FirmwareId, instance.iotInstanceId);
	if (!fixture) return { ok: false, outcome: firmwareNotFound() };
	// A GUESS at the Code: the docs say the firmware must belong to the product, not what is answered.
	if (fixture.productKey !== params.ProductKey) return { ok: false, outcome: businessError('iot.ota.ProductKeyNotMatch', 'The firmware does not belong to the specified product.') };
	const tags = readTags(params);
	if (!tags.ok) return tags;
	return { ok: true, target: { fixture, tags: tags.tags } };
}

/** Static and dynamic jobs need a verified firmware (status 1) or one that needs none (-1). Code: a GUESS. */
export function unverified(fixture: FirmwareFixture): Outcome | undefined {
	return fixture.status === 1 || fixture.status === -1
		? undefined
		: businessError('iot.ota.FirmwareNotVerified', 'The firmware must be verified before an upgrade job is created.');
}

export function checkInteger(params: Record<string, string>, name: string, allowed: (value: number) => boolean): Outcome | undefined {
	const text = params[name];
	if (text === undefined || text === '') return undefined;
	return /^-?\d+$/.test(text) && allowed(Number(text)) ? undefined : illegalRequest(`${name} is invalid: "${text}".`);
}

/** Makes the job, with `taskCount` device tasks (CONFIRM first when NeedConfirm), and answers Data{JobId, UtcCreate}. */
export function createJob(
	context: ActionContext,
	{ fixture, tags }: CreateTarget,
	params: Record<string, string>,
	fields: Pick<OtaJob, 'JobType' | 'SelectionType' | 'TargetSelection'> & Partial<OtaJob>,
	taskCount: number,
): Outcome {
	const needConfirm = params.NeedConfirm === 'true';
	const entry = context.jobs.createJob(
		// 2% of devices fail an upgrade here (addJobWithTasks's default is 10%): a rollout that the
		// example pipeline's 5% guard lets widen.
		{ firmwareId: fixture.firmwareId, taskCount, statusMix: needConfirm ? { CONFIRM: 1 } : { QUEUED: 1 }, failureRate: 0.02 },
		{ ...fields, Tags: tags.length > 0 ? { OtaTagDTO: tags } : undefined },
	);
	return success({ Success: true, Data: { JobId: entry.job.JobId, UtcCreate: entry.job.UtcCreate } });
}
