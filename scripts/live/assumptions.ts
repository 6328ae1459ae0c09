import type { IDataObject } from 'n8n-workflow';

import {
	JOB_STATUSES,
	JOB_TYPES,
	SELECTION_TYPES,
	TARGET_SELECTIONS,
	canonicalEnumValue,
} from '../../nodes/AlibabaCloudIot/api/otaEnums';
import { isInstanceNotFoundCode } from '../../nodes/AlibabaCloudIot/transport/errors';
import type { IotAnswer } from '../../nodes/AlibabaCloudIot/transport/popRequest';

/** One assumption the package makes, and what the service showed of it. */
export interface LiveLine {
	assumption: string;
	verdict: 'agrees' | 'differs' | 'not seen';
	/** What was seen: after `differs:`, or in brackets after `agrees` / `not seen`. */
	detail: string;
}

export const agrees = (assumption: string, detail = ''): LiveLine => ({ assumption, verdict: 'agrees', detail });
export const differs = (assumption: string, detail: string): LiveLine => ({ assumption, verdict: 'differs', detail });
export const notSeen = (assumption: string, detail: string): LiveLine => ({ assumption, verdict: 'not seen', detail });

export function formatLine(line: LiveLine): string {
	if (line.verdict === 'differs') return `${line.assumption}: differs: ${line.detail}`;
	return `${line.assumption}: ${line.verdict}${line.detail ? ` (${line.detail})` : ''}`;
}

const typeOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Fields whose type differs from the expected one, as `Field: type`. */
function wrongTypes(record: Record<string, unknown>, expected: Record<string, string>, optional: readonly string[] = []): string[] {
	return Object.entries(expected)
		.filter(([field, type]) => !(optional.includes(field) && record[field] === undefined) && typeOf(record[field]) !== type)
		.map(([field]) => `${field}: ${typeOf(record[field])}`);
}

const PAGE_FIELDS = { RequestId: 'string', Success: 'boolean', Total: 'number', PageSize: 'number', CurrentPage: 'number' };

/** ListOTAFirmware: `FirmwareInfo.SimpleFirmwareInfo[]`, paging numbers (api/otaFirmwares.ts). */
export function firmwareListShape(answer: IotAnswer): LiveLine {
	const name = 'ListOTAFirmware shape';
	const problems = wrongTypes(answer, PAGE_FIELDS);
	const list = (answer.FirmwareInfo as IDataObject | undefined)?.SimpleFirmwareInfo;
	if (answer.FirmwareInfo !== undefined && !Array.isArray(list)) problems.push(`FirmwareInfo: ${JSON.stringify(Object.keys(answer.FirmwareInfo as object))}`);
	for (const firmware of Array.isArray(list) ? (list as IDataObject[]) : []) {
		problems.push(...wrongTypes(firmware, { FirmwareId: 'string' }).map((problem) => `SimpleFirmwareInfo.${problem}`));
	}
	if (problems.length > 0) return differs(name, unique(problems).join(', '));
	return agrees(name, `FirmwareInfo.SimpleFirmwareInfo[], ${Array.isArray(list) ? list.length : 0} on page 1 of ${String(answer.Total)}`);
}

/** ListOTAJobByFirmware's page fields (docs/alibaba-api.md, the typed SDK). */
export function jobPageShape(answer: IotAnswer): LiveLine {
	const name = 'ListOTAJobByFirmware shape';
	const problems = wrongTypes(answer, { ...PAGE_FIELDS, PageCount: 'number' });
	if (problems.length > 0) return differs(name, problems.join(', '));
	return agrees(name, Object.keys(PAGE_FIELDS).concat('PageCount').join(', '));
}

/** `Data.SimpleOTAJobInfo[]`; an empty list as no Data or an empty array (records.ts handles both). */
export function dataWrapping(answer: IotAnswer): LiveLine {
	const name = 'Data wrapping';
	const data = answer.Data;
	if (data === undefined || data === null) return agrees(name, 'no Data when empty');
	if (Array.isArray(data)) return differs(name, `Data is a bare array of ${data.length} (the node reads it as the list too)`);
	const list = (data as IDataObject).SimpleOTAJobInfo;
	if (Array.isArray(list)) return agrees(name, `Data.SimpleOTAJobInfo[] of ${list.length}`);
	return differs(name, `Data holds ${JSON.stringify(Object.keys(data as object))}`);
}

const JOB_FIELDS = {
	FirmwareId: 'string',
	JobId: 'string',
	JobStatus: 'string',
	JobType: 'string',
	ProductKey: 'string',
	SelectionType: 'string',
	TargetSelection: 'string',
	UtcCreate: 'string',
	UtcModified: 'string',
	UtcStartTime: 'string',
	UtcEndTime: 'string',
};
const OPTIONAL_JOB_FIELDS = ['UtcStartTime', 'UtcEndTime'];
const KNOWN_JOB_FIELDS = new Set([...Object.keys(JOB_FIELDS), 'Tags']);

export function jobFieldTypes(jobs: IDataObject[]): LiveLine {
	const name = 'job field types';
	if (jobs.length === 0) return notSeen(name, 'no jobs');
	const problems: string[] = [];
	const extra = new Set<string>();
	for (const job of jobs) {
		problems.push(...wrongTypes(job, JOB_FIELDS, OPTIONAL_JOB_FIELDS));
		for (const field of ['UtcCreate', 'UtcModified', 'UtcStartTime', 'UtcEndTime']) {
			if (typeof job[field] === 'string' && Number.isNaN(Date.parse(job[field]))) problems.push(`${field} "${job[field]}" is not a time`);
		}
		for (const field of Object.keys(job)) if (!KNOWN_JOB_FIELDS.has(field)) extra.add(field);
	}
	if (problems.length > 0) return differs(name, unique(problems).slice(0, 6).join(', '));
	const extraNote = extra.size > 0 ? `; fields the node passes on without knowing them: ${[...extra].join(', ')}` : '';
	return agrees(name, `${jobs.length} jobs, strings and UTC times${extraNote}`);
}

export function tagsWrapping(jobs: IDataObject[]): LiveLine {
	const name = 'Tags wrapping';
	const tagged = jobs.filter((job) => job.Tags !== undefined && job.Tags !== null);
	if (tagged.length === 0) return notSeen(name, 'no job with Tags');
	for (const job of tagged) {
		const list = (job.Tags as IDataObject).OtaTagDTO;
		if (!Array.isArray(list)) return differs(name, `Tags is ${JSON.stringify(job.Tags).slice(0, 80)} (the node reads a bare array or a single tag too)`);
		const bad = (list as IDataObject[]).find((tag) => typeof tag.Key !== 'string' || typeof tag.Value !== 'string');
		if (bad) return differs(name, `a tag is ${JSON.stringify(Object.keys(bad))}`);
	}
	return agrees(name, `Tags.OtaTagDTO[] of {Key, Value} on ${tagged.length} jobs`);
}

export function pageSize200(answer: IotAnswer | undefined, error: { code: string } | undefined): LiveLine {
	const name = 'page size 200 accepted';
	if (error) return differs(name, `PageSize=200 answered ${error.code} (the node asks for 200 per page)`);
	if (answer?.PageSize !== undefined && Number(answer.PageSize) !== 200) return differs(name, `PageSize=200 came back as PageSize ${String(answer.PageSize)}`);
	return agrees(name);
}

export type ListOrder = 'newest first' | 'oldest first' | 'neither';

/** By UtcCreate as instants (…00.000Z and …00Z are one time); undefined when there is nothing to tell. */
export function listOrderOf(jobs: IDataObject[]): ListOrder | undefined {
	const times = jobs.map((job) => Date.parse(String(job.UtcCreate))).filter((time) => !Number.isNaN(time));
	let newer = 0;
	let older = 0;
	for (let index = 1; index < times.length; index++) {
		if (times[index] < times[index - 1]) older++;
		if (times[index] > times[index - 1]) newer++;
	}
	if (newer === 0 && older === 0) return undefined;
	if (newer === 0) return 'newest first';
	if (older === 0) return 'oldest first';
	return 'neither';
}

export function listOrder(jobs: IDataObject[]): LiveLine {
	const name = 'list order';
	const order = listOrderOf(jobs);
	if (order === undefined) return notSeen(name, 'fewer than two jobs with different creation times');
	if (order === 'neither') {
		return differs(name, 'neither newest nor oldest first by UtcCreate: the node passes this order on; the trigger, which looks for the newest job at either end of the list, may miss it');
	}
	return agrees(name, `${order}; the node passes the API's order on and depends on neither`);
}

const DOCUMENTED: Record<string, readonly string[]> = {
	JobStatus: JOB_STATUSES,
	JobType: JOB_TYPES,
	SelectionType: SELECTION_TYPES,
	TargetSelection: TARGET_SELECTIONS,
};
export const ENUM_FIELDS = Object.keys(DOCUMENTED);

export function enumSpellings(field: string, jobs: IDataObject[]): LiveLine {
	const name = `${field} spellings`;
	const seen = [...new Set(jobs.map((job) => job[field]).filter((value) => value !== undefined).map(String))].sort();
	if (seen.length === 0) return notSeen(name, 'no jobs');
	const documented = DOCUMENTED[field];
	const odd = seen.filter((value) => !documented.includes(value));
	if (odd.length === 0) return agrees(name, seen.join(', '));
	const described = odd.map((value) => {
		const canonical = canonicalEnumValue(value);
		return documented.includes(canonical)
			? `${value} (the node reads it as ${canonical})`
			: `${value} (not documented: passed on unchanged, passes every filter)`;
	});
	return differs(name, `seen ${seen.join(', ')}; ${described.join('; ')}`);
}

/** The package's guess (docs/alibaba-api.md): the code other OTA actions use, as a business error. */
export const EXPECTED_UNKNOWN_FIRMWARE_CODE = 'iot.ota.FirmwareNotFound';

export function unknownFirmwareCode(error: { code: string; kind: string; httpStatus?: number; attempts: number } | undefined): LiveLine {
	const name = 'unknown firmware code';
	if (!error) return differs(name, 'a made-up FirmwareId was answered with success');
	const seen = `${error.code}, HTTP ${error.httpStatus ?? '?'}`;
	if (isInstanceNotFoundCode(error.code)) return notSeen(name, `${seen}: the instance was not found first; set IOT_INSTANCE_ID`);
	if (error.code === EXPECTED_UNKNOWN_FIRMWARE_CODE && error.kind === 'business') return agrees(name, seen);
	const handling = error.kind === 'business' ? 'the node shows it as is, without retrying' : `the node classes it as ${error.kind}${error.attempts > 1 ? ' and retried it' : ''}`;
	return differs(name, `${seen} (${handling})`);
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
