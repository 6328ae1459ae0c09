import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript source over the codex file AlibabaCloudIot.node.json.
import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { MAX_JOBS_PAGE_SIZE } from '../../nodes/AlibabaCloudIot/api/limits';
import { AlibabaCloudIotTrigger } from '../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node.js';
import { pollOnce, testCredential } from '../../test/harness';
import {
	ENUM_FIELDS,
	agrees,
	dataWrapping,
	differs,
	enumSpellings,
	firmwareListShape,
	jobFieldTypes,
	jobPageShape,
	listOrder,
	notSeen,
	pageSize200,
	tagsWrapping,
	unknownFirmwareCode,
	type LiveLine,
} from './assumptions';
import type { IotAnswer } from '../../nodes/AlibabaCloudIot/transport/popRequest';
import type { LiveConfig } from './config';
import { runOperation } from '../../test/support/runOperation';
import { Wire, wireJobs, type WireExchange } from './wire';

/** Everything the check saw, for the printout and for `--record`. */
export interface LiveCheckResult {
	lines: LiveLine[];
	exchanges: WireExchange[];
	firmwareId?: string;
	/** The firmware's jobs as the wire sends them (Tags wrapped), as far as the check read them. */
	jobs: IDataObject[];
	/** The firmware as ListOTAFirmware described it, when it was on page 1. */
	firmware?: IDataObject;
}

const CREDENTIAL_TEST = 'credential Test';
/** A firmware ID no account has: its answer is the code for an unknown firmware. */
const MADE_UP_FIRMWARE_ID = 'n8nLiveCheckNoSuchFirmware01';
/** The node lists everything up to this many jobs, else this many (at 2 requests per second). */
const NODE_JOB_BUDGET = 1000;
const FIRMWARE_CANDIDATES = 10;

/**
 * The live check: the credential Test and the node through n8n's engine (test/harness), plus raw
 * signed calls through the package's transport where the wire shape itself is the question.
 * Read-only actions only: ListOTAFirmware and ListOTAJobByFirmware.
 */
export async function runLiveCheck(config: LiveConfig): Promise<LiveCheckResult> {
	const lines: LiveLine[] = [];
	const verdict = await testCredential({
		type: new AlibabaCloudIot(),
		functionName: 'alibabaCloudIotApiTest',
		credentialType: 'alibabaCloudIotApi',
		data: config.credential as ICredentialDataDecryptedObject,
	});
	const wire = new Wire(config.credential);
	if (verdict.status !== 'OK') {
		lines.push(differs(CREDENTIAL_TEST, verdict.message));
		lines.push(notSeen('everything else', 'the credential Test failed, so no other call was made'));
		return { lines, exchanges: wire.exchanges, jobs: [] };
	}
	lines.push(agrees(CREDENTIAL_TEST, verdict.message));

	const instance = { IotInstanceId: config.iotInstanceId };
	const firmwares = await wire.send('ListOTAFirmware', { CurrentPage: 1, PageSize: 100, ...instance });
	lines.push(firmwares.answer ? firmwareListShape(firmwares.answer) : differs('ListOTAFirmware shape', firmwares.error!.message));
	const listed = firmwareList(firmwares.answer);

	const unknown = await wire.send('ListOTAJobByFirmware', { FirmwareId: MADE_UP_FIRMWARE_ID, CurrentPage: 1, PageSize: 1, ...instance });
	const firmwareId = config.firmwareId ?? (await busiestFirmware(wire, listed, config.iotInstanceId));
	if (!firmwareId) {
		lines.push(notSeen('jobs', 'no firmware on page 1 of ListOTAFirmware: set FIRMWARE_ID'));
		lines.push(unknownFirmwareCode(unknown.error));
		return { lines, exchanges: wire.exchanges, jobs: [] };
	}

	const first = await wire.send('ListOTAJobByFirmware', { FirmwareId: firmwareId, CurrentPage: 1, PageSize: MAX_JOBS_PAGE_SIZE, ...instance });
	const jobs = wireJobs(first.answer);
	if (first.answer) {
		lines.push(jobPageShape(first.answer), dataWrapping(first.answer), jobFieldTypes(jobs), tagsWrapping(jobs));
	} else {
		lines.push(differs('ListOTAJobByFirmware shape', `${firmwareId}: ${first.error!.message}`));
	}
	lines.push(pageSize200(first.answer, first.error));
	if (first.answer) {
		lines.push(await pageArithmetic(wire, firmwareId, config.iotInstanceId, first.answer, jobs));
		lines.push(listOrder(jobs));
		for (const field of ENUM_FIELDS) lines.push(enumSpellings(field, jobs));
	}
	lines.push(unknownFirmwareCode(unknown.error));

	const total = Number(first.answer?.Total ?? 0);
	const node = await nodeThroughEngine(config, firmwareId, jobs, total);
	lines.push(node.line);
	lines.push(await triggerTestEvent(config, firmwareId, total <= NODE_JOB_BUDGET ? node.items : undefined));
	return {
		lines,
		exchanges: wire.exchanges,
		firmwareId,
		jobs: [...jobs, ...node.laterJobs],
		firmware: listed.find((firmware) => firmware.FirmwareId === firmwareId),
	};
}

function firmwareList(answer: IotAnswer | undefined): IDataObject[] {
	const list = (answer?.FirmwareInfo as IDataObject | undefined)?.SimpleFirmwareInfo;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Without FIRMWARE_ID: of the first few firmwares, the one with the most jobs (one small call each). */
async function busiestFirmware(wire: Wire, firmwares: IDataObject[], iotInstanceId: string | undefined): Promise<string | undefined> {
	let best: { id: string; total: number } | undefined;
	for (const firmware of firmwares.slice(0, FIRMWARE_CANDIDATES)) {
		const id = String(firmware.FirmwareId);
		const page = await wire.send('ListOTAJobByFirmware', { FirmwareId: id, CurrentPage: 1, PageSize: 1, IotInstanceId: iotInstanceId });
		const total = Number(page.answer?.Total ?? 0);
		if (!best || total > best.total) best = { id, total };
		// More than a page: enough for every check.
		if (total > MAX_JOBS_PAGE_SIZE) break;
	}
	return best?.id;
}

/**
 * `CurrentPage`×`PageSize` offsets: small pages must hold the same jobs as the matching slice of
 * the 200-job page, and the last page the rest (collectPages reads pages concurrently on this).
 */
async function pageArithmetic(
	wire: Wire,
	firmwareId: string,
	iotInstanceId: string | undefined,
	firstPage: IotAnswer,
	reference: IDataObject[],
): Promise<LiveLine> {
	const name = 'page arithmetic';
	const total = Number(firstPage.Total);
	if (reference.length < 6) return notSeen(name, `needs a firmware with at least 6 jobs, this one has ${reference.length}`);
	const problems: string[] = [];
	const expectedPageCount = Math.ceil(total / MAX_JOBS_PAGE_SIZE);
	if (Number(firstPage.PageCount) !== expectedPageCount) problems.push(`PageCount ${String(firstPage.PageCount)} for Total ${total} at 200 (expected ${expectedPageCount})`);
	const ids = (jobs: IDataObject[]) => jobs.map((job) => String(job.JobId)).join(',');
	for (const [pageSize, currentPage] of [[2, 2], [3, 2]]) {
		const page = await wire.send('ListOTAJobByFirmware', { FirmwareId: firmwareId, CurrentPage: currentPage, PageSize: pageSize, IotInstanceId: iotInstanceId });
		const expected = reference.slice((currentPage - 1) * pageSize, currentPage * pageSize);
		if (ids(wireJobs(page.answer)) !== ids(expected)) problems.push(`page ${currentPage} of ${pageSize} is not jobs ${(currentPage - 1) * pageSize + 1}-${currentPage * pageSize} of the 200-job page`);
	}
	if (total > MAX_JOBS_PAGE_SIZE) {
		const last = await wire.send('ListOTAJobByFirmware', { FirmwareId: firmwareId, CurrentPage: expectedPageCount, PageSize: MAX_JOBS_PAGE_SIZE, IotInstanceId: iotInstanceId });
		const expectedCount = total - MAX_JOBS_PAGE_SIZE * (expectedPageCount - 1);
		const count = wireJobs(last.answer).length;
		if (count !== expectedCount) problems.push(`last page ${expectedPageCount} holds ${count} jobs, expected ${expectedCount}`);
	}
	if (problems.length > 0) return differs(name, `${problems.join('; ')} (run again if jobs were being created meanwhile)`);
	return agrees(name, `pages of 2, 3${total > MAX_JOBS_PAGE_SIZE ? ' and the last of 200' : ''} line up with the 200-job page`);
}

/** The node itself in n8n-core's engine: same jobs, order and fields as the wire, Tags unwrapped. */
async function nodeThroughEngine(
	config: LiveConfig,
	firmwareId: string,
	wireList: IDataObject[],
	total: number,
): Promise<{ line: LiveLine; laterJobs: IDataObject[]; items: IDataObject[] }> {
	const name = "node output through n8n's engine";
	const returnAll = total <= NODE_JOB_BUDGET;
	const result = await runOperation({
		resource: 'otaJob',
		operation: 'listByFirmware',
		parameters: {
			firmwareId: { __rl: true, mode: 'id', value: firmwareId },
			returnAll,
			limit: NODE_JOB_BUDGET,
			options: config.iotInstanceId ? { iotInstanceId: config.iotInstanceId } : {},
		},
		credential: config.credential,
		credentialName: 'Live check',
	});
	if (result.error) return { line: differs(name, String(result.error.message)), laterJobs: [], items: [] };
	const items = result.items.map((item) => item.json);
	const expectedCount = Math.min(total, NODE_JOB_BUDGET);
	const problems: string[] = [];
	if (items.length !== expectedCount) problems.push(`${items.length} jobs, the wire's Total says ${expectedCount}`);
	const mismatch = wireList.findIndex((job, index) => !sameJob(items[index], job));
	if (mismatch !== -1) problems.push(`job ${mismatch + 1} differs from the wire's: ${JSON.stringify(items[mismatch] ?? null).slice(0, 120)}`);
	const laterJobs = items.slice(wireList.length).map(rewrapTags);
	if (problems.length > 0) return { line: differs(name, problems.join('; ')), laterJobs, items };
	return { line: agrees(name, `${items.length} jobs, in the wire's order with its fields, Tags unwrapped`), laterJobs, items };
}

/**
 * The trigger's "Fetch Test Event" in the engine: it reads only the ends of the list (page 1 and
 * the last page), so it finds the newest job only if the list is sorted by creation either way.
 */
async function triggerTestEvent(config: LiveConfig, firmwareId: string, allJobs: IDataObject[] | undefined): Promise<LiveLine> {
	const name = 'trigger test event';
	if (!allJobs) return notSeen(name, `more than ${NODE_JOB_BUDGET} jobs: the check does not read them all to find the newest`);
	if (allJobs.length === 0) return notSeen(name, 'no jobs');
	const createdAt = (job: IDataObject) => Date.parse(String(job.UtcCreate));
	const newest = allJobs.reduce((best, job) => (createdAt(job) > createdAt(best) ? job : best));
	const sample = await pollOnce({
		node: {
			type: new AlibabaCloudIotTrigger(),
			parameters: { firmwareIds: firmwareId, options: config.iotInstanceId ? { iotInstanceId: config.iotInstanceId } : {} },
			credentials: { alibabaCloudIotApi: { id: 'live', name: 'Live check' } },
		},
		credentials: { alibabaCloudIotApi: config.credential as ICredentialDataDecryptedObject },
		mode: 'manual',
	}).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
	if (sample instanceof Error) return differs(name, sample.message);
	const shown = sample?.[0]?.[0]?.json;
	if (!shown) return differs(name, 'no sample job, though the firmware has jobs');
	if (createdAt(shown) !== createdAt(newest)) {
		return differs(name, `showed a job created ${String(shown.UtcCreate)}, the newest was created ${String(newest.UtcCreate)}`);
	}
	return agrees(name, `the newest job, created ${String(newest.UtcCreate)}`);
}

function sameJob(item: IDataObject | undefined, wireJob: IDataObject): boolean {
	if (!item) return false;
	const { Tags: wireTags, ...wireFields } = wireJob;
	const { Tags: itemTags, ...itemFields } = item;
	const wireTagList = (wireTags as IDataObject | undefined)?.OtaTagDTO ?? [];
	return JSON.stringify(itemFields) === JSON.stringify({ ...wireFields }) && JSON.stringify(itemTags) === JSON.stringify(wireTagList);
}

/** A node item back in the wire's shape, for the recording. */
function rewrapTags(item: IDataObject): IDataObject {
	const { Tags, ...fields } = item;
	return Array.isArray(Tags) && Tags.length > 0 ? { ...fields, Tags: { OtaTagDTO: Tags } } : fields;
}
