import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OtaTag } from '../../api/otaJobs';
import { tagProblem } from '../../api/otaJobTags';
import type { IotParams } from '../../transport/popRequest';
import { readRequiredText } from '../../helpers/parameterReaders';
import { checkedInteger, epochMillisOf, invalid, readNameList } from '../../helpers/writeParameters';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The fields every create reads: the firmware and its product. */
export function readFirmwareAndProduct(context: IExecuteFunctions, itemIndex: number): { firmwareId: string; productKey: string } {
	return {
		firmwareId: readRequiredText(context, itemIndex, 'firmwareId', 'Firmware', 'pick a firmware or enter its FirmwareId'),
		productKey: readRequiredText(context, itemIndex, 'productKey', 'Product Key', 'enter the ProductKey of the firmware’s product'),
	};
}

/** `SrcVersion.N`: at most 10 versions, no repeats (CreateOTAStaticUpgradeJob / CreateOTADynamicUpgradeJob). */
export function readSrcVersions(context: IExecuteFunctions, itemIndex: number, min = 0): IotParams {
	const versions = readNameList(context, itemIndex, { name: 'srcVersions', label: 'Source Versions', min, max: 10, rule: 'versions are allowed by Alibaba Cloud' });
	return numbered('SrcVersion', versions);
}

/** `TargetDeviceName.N`. */
export function deviceNameParams(names: string[]): IotParams {
	return numbered('TargetDeviceName', names);
}

export function numbered(prefix: string, values: string[]): IotParams {
	return Object.fromEntries(values.map((value, index) => [`${prefix}.${index + 1}`, value]));
}

/** A device group, for TargetSelection GROUP or a dynamic job: both or neither. */
export function readGroup(context: IExecuteFunctions, itemIndex: number, required: boolean): IotParams {
	const groupId = String(context.getNodeParameter('groupId', itemIndex, '') ?? '').trim();
	if (!groupId) {
		if (required) throw invalid(context, itemIndex, `Group ID is empty (item ${itemIndex}): a job with Target Selection GROUP needs the device group’s GroupId`);
		return {};
	}
	return { GroupId: groupId, GroupType: String(context.getNodeParameter('groupType', itemIndex, 'LINK_PLATFORM')) };
}

/**
 * The create's Options as Alibaba's parameters, each checked against its documented range, and
 * the user's tags, checked against Alibaba's tag rules with the request token's tag counted in.
 */
export function readJobOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	now = Date.now(),
): { params: IotParams; tags: OtaTag[] } {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const integer = (name: string, label: string, rule: { min?: number; max?: number; oneOf?: number[] }) =>
		checkedInteger(context, itemIndex, options[name], { label, ...rule });

	const retryInterval = integer('retryInterval', 'Retry Interval', { oneOf: [0, 10, 30, 60, 1440] });
	const retryCount = integer('retryCount', 'Retry Count', { oneOf: [1, 2, 5] });
	if ((retryInterval === undefined) !== (retryCount === undefined)) {
		throw invalid(context, itemIndex, `Retry Interval and Retry Count go together (item ${itemIndex}): Alibaba Cloud needs both to retry failed devices, or neither`);
	}
	const scheduleTime = epochMillisOf(context, itemIndex, options.scheduleTime, 'Schedule Time');
	if (scheduleTime !== undefined && (scheduleTime < now + 5 * MINUTE || scheduleTime > now + 7 * DAY)) {
		throw invalid(context, itemIndex, `Schedule Time must be 5 minutes to 7 days from now (item ${itemIndex}), got ${new Date(scheduleTime).toISOString()}`);
	}
	const scheduleFinishTime = epochMillisOf(context, itemIndex, options.scheduleFinishTime, 'Schedule Finish Time');
	if (scheduleFinishTime !== undefined) {
		const start = scheduleTime ?? now;
		if (scheduleFinishTime < start + HOUR || scheduleFinishTime > start + 30 * DAY) {
			throw invalid(context, itemIndex, `Schedule Finish Time must be 1 hour to 30 days after ${scheduleTime === undefined ? 'now' : 'Schedule Time'} (item ${itemIndex}), got ${new Date(scheduleFinishTime).toISOString()}`);
		}
	}
	const params: IotParams = {
		TimeoutInMinutes: integer('timeoutInMinutes', 'Timeout (Minutes)', { min: 1, max: 1440 }),
		MaximumPerMinute: integer('maximumPerMinute', 'Maximum per Minute', { min: 0, max: 1000 }),
		OverwriteMode: integer('overwriteMode', 'Overwrite Mode', { oneOf: [1, 2] }),
		RetryInterval: retryInterval,
		RetryCount: retryCount,
		ScheduleTime: scheduleTime,
		ScheduleFinishTime: scheduleFinishTime,
		NeedConfirm: booleanOf(options.needConfirm),
		NeedPush: booleanOf(options.needPush),
		MultiModuleMode: booleanOf(options.multiModuleMode),
		DownloadProtocol: options.downloadProtocol === undefined ? undefined : String(options.downloadProtocol),
	};
	return { params: withoutUnset(params), tags: readTags(context, itemIndex, options.tags) };
}

function readTags(context: IExecuteFunctions, itemIndex: number, value: unknown): OtaTag[] {
	const rows = ((value as IDataObject | undefined)?.tag ?? []) as IDataObject[];
	const tags = (Array.isArray(rows) ? rows : []).map((row) => ({ Key: String(row.key ?? '').trim(), Value: String(row.value ?? '') }));
	const problem = tagProblem(tags);
	if (problem) throw invalid(context, itemIndex, `Tags ${problem} (item ${itemIndex})`);
	return tags;
}

function booleanOf(value: unknown): boolean | undefined {
	return value === undefined ? undefined : value === true || value === 'true';
}

/** pop-core would send an unset value as the text "undefined". */
function withoutUnset(params: IotParams): IotParams {
	return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}
