// Jobs appearing and changing while a client watches: what the trigger must notice between polls.
import { generateJob, iso } from './jobGenerator';
import { insertionIndex } from './jobOrder';
import { hashSeed, mulberry32 } from './prng';
import type { FirmwareStore } from './firmwareStore';
import type { JobPatch, OtaJob } from './types';

/** Statuses after which a job has an end time. COMPLETE is the English docs' spelling. */
const ENDED_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'COMPLETE', 'CANCELED']);

/** A new job for the firmware: fresh JobId and UtcCreate now unless the patch gives them; running by default. */
export function addJob(store: FirmwareStore, firmwareId: string, patch: JobPatch = {}, now = Date.now()): OtaJob {
	const fixture = store.get(firmwareId);
	if (!fixture) throw new Error(`no firmware ${firmwareId}`);
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new Error('the job patch must be an object');
	const usedIds = new Set(fixture.jobs.map((job) => job.JobId));
	if (patch.JobId !== undefined && usedIds.has(patch.JobId)) throw new Error(`firmware ${firmwareId} already has job ${patch.JobId}`);
	const createMs = patch.UtcCreate !== undefined ? Date.parse(patch.UtcCreate) : now;
	if (!Number.isFinite(createMs)) throw new Error(`UtcCreate ${JSON.stringify(patch.UtcCreate)} is not a time`);

	const random = mulberry32(hashSeed(`${firmwareId}@${createMs}`, fixture.jobs.length));
	const job = generateJob(random, firmwareId, fixture.productKey, createMs, usedIds);
	job.JobStatus = 'IN_PROGRESS';
	job.UtcStartTime = iso(createMs);
	job.UtcModified = iso(createMs);
	delete job.UtcEndTime;
	Object.assign(job, patch, { FirmwareId: firmwareId });
	if (ENDED_STATUSES.has(job.JobStatus) && job.UtcEndTime === undefined) job.UtcEndTime = job.UtcModified;

	fixture.jobs.splice(insertionIndex(fixture, job.UtcCreate), 0, job);
	return job;
}

/** A job's status changes: UtcModified becomes now; an ended job gets its end time, a reopened one loses it. */
export function setJobStatus(store: FirmwareStore, jobId: string, status: string, now = Date.now()): OtaJob {
	if (typeof status !== 'string' || status === '') throw new Error('JobStatus must be a non-empty string');
	const found = store.findJob(jobId);
	if (!found) throw new Error(`no job ${jobId}`);
	const job = found.fixture.jobs[found.index];
	job.JobStatus = status;
	job.UtcModified = iso(now);
	if (ENDED_STATUSES.has(status)) job.UtcEndTime = job.UtcModified;
	else delete job.UtcEndTime;
	if (status === 'IN_PROGRESS' && Date.parse(job.UtcStartTime ?? '') > now) job.UtcStartTime = job.UtcModified;
	return job;
}
