// QueryOTAJob's `Data`: a job's full record (fields from the SDK model, docs/alibaba-api.md). What the
// list answer does not carry is derived from the JobId, so it is the same on every call and every run.
import type { JobTasks } from './jobTasks';
import { hashSeed, mulberry32, pickOne, randomInt } from './prng';
import type { FirmwareFixture, OtaJob } from './types';
import { sourceVersionsOf } from './versions';

export interface JobSettings {
	maximumPerMinute: number;
	overwriteMode: 1 | 2;
	/** Set on about half the jobs: "returned if a retry policy is set". */
	retry?: { count: number; intervalMinutes: number };
	/** Set on about half the jobs: "returned if the timeout period is set". */
	timeoutInMinutes?: number;
	/** Dynamic jobs only. */
	dynamicMode?: 1 | 2;
	/** GRAY jobs only. */
	grayPercent?: string;
}

export function jobSettingsOf(job: OtaJob): JobSettings {
	const random = mulberry32(hashSeed(job.JobId, 0x70b));
	const retry = random() < 0.5 ? { count: randomInt(random, 1, 5), intervalMinutes: pickOne(random, [0, 10, 30, 60, 1440]) } : undefined;
	const timeoutInMinutes = random() < 0.5 ? pickOne(random, [60, 120, 600, 1440]) : undefined;
	return {
		maximumPerMinute: pickOne(random, [100, 500, 1000, 5000, 10000]),
		overwriteMode: random() < 0.8 ? 1 : 2,
		retry,
		timeoutInMinutes,
		dynamicMode: job.SelectionType === 'DYNAMIC' ? (random() < 0.7 ? 1 : 2) : undefined,
		grayPercent: job.TargetSelection === 'GRAY' ? `${randomInt(random, 1, 9) * 10}.00` : undefined,
	};
}

/** Keys in the SDK model's (alphabetical) order; absent fields are left out, not null. */
export function jobDetail(job: OtaJob, fixture: FirmwareFixture, tasks: JobTasks): Record<string, unknown> {
	const settings = jobSettingsOf(job);
	const verifying = job.JobType !== 'UPGRADE_FIRMWARE';
	return {
		DestVersion: fixture.destVersion,
		DownloadProtocol: 'HTTPS',
		...(settings.dynamicMode !== undefined && { DynamicMode: settings.dynamicMode }),
		FirmwareId: job.FirmwareId,
		...(settings.grayPercent !== undefined && { GrayPercent: settings.grayPercent }),
		JobDesc: verifying ? `Verify ${fixture.name} on test devices` : `Upgrade ${fixture.productName} devices to ${fixture.destVersion}`,
		JobId: job.JobId,
		JobStatus: job.JobStatus,
		JobType: job.JobType,
		MaximumPerMinute: settings.maximumPerMinute,
		MultiModuleMode: false,
		Name: fixture.name,
		NeedConfirm: tasks.needConfirm,
		NeedPush: true,
		OverwriteMode: settings.overwriteMode,
		ProductKey: job.ProductKey,
		...(settings.retry && { RetryCount: settings.retry.count, RetryInterval: settings.retry.intervalMinutes }),
		SelectionType: job.SelectionType,
		SrcVersions: { SrcVersion: sourceVersionsOf(fixture, job.JobId) },
		...(job.Tags && { Tags: job.Tags }),
		TargetSelection: job.TargetSelection,
		...(settings.timeoutInMinutes !== undefined && { TimeoutInMinutes: settings.timeoutInMinutes }),
		UtcCreate: job.UtcCreate,
		...(job.UtcEndTime !== undefined && { UtcEndTime: job.UtcEndTime }),
		UtcModified: job.UtcModified,
		// Only a still-scheduled (PLANNED) job is known to be scheduled; its start is the scheduled time.
		...(job.JobStatus === 'PLANNED' && job.UtcStartTime !== undefined && { UtcScheduleTime: job.UtcStartTime }),
		...(job.UtcStartTime !== undefined && { UtcStartTime: job.UtcStartTime }),
	};
}
