// The firmwares (and their jobs) the emulator serves. Jobs are sorted once, when a firmware is added,
// so a page request only slices (jobOrder.ts); 'asGiven' firmwares keep their jobs as given.
import { generateJobs, generateProductKey, iso } from './jobGenerator';
import { hashSeed, mulberry32, pickOne, randomInt } from './prng';
import { validateFirmwareJobOrder, validateJobOrder, type JobOrder } from './servingModes';
import type { FirmwareFixture, FirmwareSpec, OtaJob } from './types';
import { withUnknownEnumValues } from './unknownEnumValues';
import { markVerbatim } from './wireModes';

const PRODUCT_NAMES = ['Smart Meter', 'Door Sensor', 'Edge Gateway', 'Air Monitor', 'Street Light'] as const;
const MAX_JOB_COUNT = 1_000_000;

export class FirmwareStore {
	private readonly byId = new Map<string, FirmwareFixture>();
	/** Newest first by utcCreate, for ListOTAFirmware. */
	private readonly newestFirst: FirmwareFixture[] = [];
	/** How jobs are listed for firmwares whose spec sets no order. */
	private defaultJobOrder: JobOrder = 'newestFirst';

	get jobOrder(): JobOrder {
		return this.defaultJobOrder;
	}

	setJobOrder(order: JobOrder): void {
		this.defaultJobOrder = validateJobOrder(order);
	}

	/** The firmware holding a job, with the job's place in its stored list. */
	findJob(jobId: string): { fixture: FirmwareFixture; index: number } | undefined {
		for (const fixture of this.byId.values()) {
			const index = fixture.jobs.findIndex((job) => job.JobId === jobId);
			if (index !== -1) return { fixture, index };
		}
		return undefined;
	}

	add(spec: FirmwareSpec): FirmwareFixture {
		const fixture = buildFixture(spec);
		this.remove(fixture.firmwareId);
		this.byId.set(fixture.firmwareId, fixture);
		const at = this.newestFirst.findIndex((other) => other.utcCreate < fixture.utcCreate);
		this.newestFirst.splice(at === -1 ? this.newestFirst.length : at, 0, fixture);
		return fixture;
	}

	get(firmwareId: string): FirmwareFixture | undefined {
		return this.byId.get(firmwareId);
	}

	/** A firmware of an Enterprise instance is only visible through that instance, and vice versa. */
	find(firmwareId: string, iotInstanceId: string | undefined): FirmwareFixture | undefined {
		const fixture = this.byId.get(firmwareId);
		return fixture && fixture.iotInstanceId === iotInstanceId ? fixture : undefined;
	}

	listNewestFirst(): readonly FirmwareFixture[] {
		return this.newestFirst;
	}

	/** DeleteOTAFirmware: the firmware and its jobs are gone. */
	delete(firmwareId: string): void {
		this.remove(firmwareId);
	}

	private remove(firmwareId: string): void {
		const existing = this.byId.get(firmwareId);
		if (!existing) return;
		this.byId.delete(firmwareId);
		this.newestFirst.splice(this.newestFirst.indexOf(existing), 1);
	}
}

function buildFixture(spec: FirmwareSpec): FirmwareFixture {
	if (typeof spec.firmwareId !== 'string' || spec.firmwareId === '') throw new Error('firmwareId is required');
	const jobCount = spec.jobCount ?? 0;
	if (!Number.isInteger(jobCount) || jobCount < 0 || jobCount > MAX_JOB_COUNT) {
		throw new Error(`jobCount must be an integer from 0 to ${MAX_JOB_COUNT}`);
	}
	const seed = spec.seed ?? hashSeed(spec.firmwareId);
	const random = mulberry32(hashSeed('firmware', seed));
	const productKey = spec.productKey ?? generateProductKey(seed);
	const productName = spec.productName ?? pickOne(random, PRODUCT_NAMES);
	const order = spec.order === undefined ? undefined : validateFirmwareJobOrder(spec.order);
	if (spec.jobs !== undefined && !(Array.isArray(spec.jobs) && spec.jobs.every(isObject))) {
		throw new Error(`jobs of firmware ${spec.firmwareId} must be an array of job objects`);
	}
	if (order === 'asGiven' && !spec.jobs) throw new Error(`order "asGiven" needs explicit jobs (firmware ${spec.firmwareId})`);
	// Copies, so changing a served job (setJobStatus) never reaches into the caller's objects.
	const given = spec.jobs?.map((job) => ({ ...job }));
	const listed = given
		? order === 'asGiven'
			? given
			: sortNewestFirst(given)
		: generateJobs(spec.firmwareId, jobCount, seed, productKey);
	const jobs = spec.unknownEnumValues && order !== 'asGiven' ? withUnknownEnumValues(listed, seed) : listed;
	if (order === 'asGiven') markVerbatim(jobs);

	const destVersion = spec.destVersion ?? `${randomInt(random, 1, 3)}.${randomInt(random, 0, 9)}.${randomInt(random, 1, 9)}`;
	const type = spec.srcVersion !== undefined || random() < 0.3 ? 1 : 0;
	const srcVersion = type === 1 ? (spec.srcVersion ?? previousVersion(destVersion)) : undefined;
	// A firmware exists before its first job.
	const oldestJobMs = oldestCreateMs(jobs);
	const firstJobMs = Number.isFinite(oldestJobMs) ? oldestJobMs : Date.UTC(2024, 0, 1) + randomInt(random, 0, 300) * 86_400_000;
	const createMs = firstJobMs - randomInt(random, 1, 14) * 86_400_000;

	return {
		firmwareId: spec.firmwareId,
		productKey,
		productName,
		iotInstanceId: spec.iotInstanceId || undefined,
		jobs,
		...(order !== undefined && { order }),
		emptyShape: spec.emptyShape,
		name: spec.name ?? `${productName} firmware ${destVersion}`,
		srcVersion,
		destVersion,
		status: jobs.some((job) => job.JobType === 'VERIFY_FIRMWARE') ? 1 : -1,
		type,
		moduleName: spec.moduleName ?? 'default',
		description: `${type === 1 ? 'Differential' : 'Full'} package for ${productName}, version ${destVersion}.`,
		utcCreate: iso(createMs),
		utcModified: iso(createMs + randomInt(random, 1, 48) * 3_600_000),
	};
}

function sortNewestFirst(jobs: readonly OtaJob[]): OtaJob[] {
	// ISO timestamps of one format compare correctly as strings.
	return [...jobs].sort((a, b) => (a.UtcCreate < b.UtcCreate ? 1 : a.UtcCreate > b.UtcCreate ? -1 : 0));
}

/** Jobs given as recorded may be in any order, or lack a readable UtcCreate. */
function oldestCreateMs(jobs: readonly OtaJob[]): number {
	let oldest = Infinity;
	for (const job of jobs) {
		const ms = Date.parse(job.UtcCreate);
		if (ms < oldest) oldest = ms;
	}
	return oldest;
}

function isObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function previousVersion(version: string): string {
	const parts = version.split('.');
	const last = Number(parts[parts.length - 1]);
	parts[parts.length - 1] = String(Number.isFinite(last) && last > 0 ? last - 1 : 0);
	return parts.join('.');
}
