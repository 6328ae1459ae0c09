// CreateOTAStaticUpgradeJob: ALL, SPECIFIC (TargetDeviceName.N), GRAY (GrayPercent) or GROUP; schedule
// 5 minutes to 7 days ahead, finish 1 hour to 30 days after it (docs/alibaba-api.md).
import { illegalRequest } from '../otaErrors';
import { missingParameter, type Outcome } from '../responses';
import { checkInteger, createJob, FLEET_SIZE, numberedList, readCreateTarget, unverified } from './jobCreation';
import type { ActionContext } from './registry';

const MINUTE = 60_000;

export function createOtaStaticUpgradeJob(params: Record<string, string>, context: ActionContext): Outcome {
	const read = readCreateTarget(params, context);
	if (!read.ok) return read.outcome;
	const target = params.TargetSelection;
	if (!target) return missingParameter('TargetSelection');
	const notVerified = unverified(read.target.fixture);
	if (notVerified) return notVerified;
	const bad = checkUpgradeSettings(params);
	if (bad) return bad;

	const now = Date.now();
	const schedule = params.ScheduleTime ? Number(params.ScheduleTime) : undefined;
	if (schedule !== undefined && !(schedule >= now + 5 * MINUTE - 60_000 && schedule <= now + 7 * 24 * 60 * MINUTE)) {
		return illegalRequest('ScheduleTime must be 5 minutes to 7 days from now.');
	}
	const finish = params.ScheduleFinishTime ? Number(params.ScheduleFinishTime) : undefined;
	if (finish !== undefined && !(finish >= (schedule ?? now) + 60 * MINUTE - 60_000 && finish <= (schedule ?? now) + 30 * 24 * 60 * MINUTE)) {
		return illegalRequest('ScheduleFinishTime must be 1 hour to 30 days after ScheduleTime.');
	}

	let taskCount: number;
	switch (target) {
		case 'ALL':
		case 'GROUP':
			if (target === 'GROUP' && !params.GroupId) return missingParameter('GroupId');
			taskCount = FLEET_SIZE;
			break;
		case 'SPECIFIC': {
			const devices = numberedList(params, 'TargetDeviceName');
			if (devices.length === 0 && !params.DnListFileUrl) return missingParameter('TargetDeviceName');
			taskCount = devices.length;
			break;
		}
		case 'GRAY': {
			const percent = params.GrayPercent;
			if (!percent) return missingParameter('GrayPercent');
			if (!/^\d{1,3}(\.\d{1,3})?$/.test(percent) || !(Number(percent) > 0 && Number(percent) <= 100)) {
				return illegalRequest(`GrayPercent is invalid: "${percent}".`);
			}
			// "The calculated number of devices is rounded down ... at least one device."
			taskCount = Math.max(1, Math.floor((FLEET_SIZE * Number(percent)) / 100));
			break;
		}
		default:
			return illegalRequest(`TargetSelection is invalid: "${target}".`);
	}
	const outcome = createJob(context, read.target, params, { JobType: 'UPGRADE_FIRMWARE', SelectionType: 'STATIC', TargetSelection: target }, taskCount);
	if (schedule !== undefined && outcome.kind === 'json') {
		const entry = context.jobs.entry(String((outcome.body.Data as Record<string, unknown>).JobId));
		if (entry) Object.assign(entry.job, { JobStatus: 'PLANNED' });
	}
	return outcome;
}

/** The rate, retry, timeout and overwrite settings both upgrade creates share. */
export function checkUpgradeSettings(params: Record<string, string>): Outcome | undefined {
	if (numberedList(params, 'SrcVersion').length > 10) return illegalRequest('At most 10 source versions are allowed.');
	if (params.RetryInterval !== undefined && params.RetryCount === undefined) return missingParameter('RetryCount');
	return (
		checkInteger(params, 'MaximumPerMinute', (value) => value >= 0 && value <= 1000) ??
		checkInteger(params, 'RetryInterval', (value) => [0, 10, 30, 60, 1440].includes(value)) ??
		checkInteger(params, 'RetryCount', (value) => [1, 2, 5].includes(value)) ??
		checkInteger(params, 'TimeoutInMinutes', (value) => value >= 1 && value <= 1440) ??
		checkInteger(params, 'OverwriteMode', (value) => value === 1 || value === 2)
	);
}
