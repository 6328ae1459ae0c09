import {
	ALTERNATIVE_SPELLINGS,
	FIXTURE_FIRMWARES,
	UNKNOWN_ENUM_VALUES,
	type OtaJob,
} from '../../tools/emulator/index';
import { listJobs, sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

function jobsOf(answer: RpcAnswer): OtaJob[] {
	return (answer.body.Data as { SimpleOTAJobInfo: OtaJob[] }).SimpleOTAJobInfo;
}

async function listAll(firmwareId: string): Promise<OtaJob[]> {
	return jobsOf(await sendSigned(emulator.url, { params: listJobs(firmwareId, 1, 200) }));
}

describe('enum spellings', () => {
	const firmwareId = 'FwSpelling000000000120';
	beforeAll(() => {
		emulator.addFirmware({ firmwareId, jobCount: 120, seed: 120 });
	});

	it('serves the documented spellings by default', async () => {
		const jobs = await listAll(firmwareId);
		expect(jobs.some((job) => job.JobStatus === 'COMPLETED')).toBe(true);
		expect(jobs.some((job) => job.JobType === 'VERIFY_FIRMWARE')).toBe(true);
		expect(jobs.some((job) => job.JobStatus === 'COMPLETE' || job.JobType === 'VERFIY_FIRMWARE')).toBe(false);
	});

	it("serves COMPLETE and VERFIY_FIRMWARE in 'alternative', changing nothing else and not the stored jobs", async () => {
		const documented = await listAll(firmwareId);
		emulator.setEnumSpelling('alternative');
		const alternative = await listAll(firmwareId);
		expect(alternative.some((job) => job.JobStatus === 'COMPLETE')).toBe(true);
		expect(alternative.some((job) => job.JobType === 'VERFIY_FIRMWARE')).toBe(true);
		expect(alternative.some((job) => job.JobStatus === 'COMPLETED' || job.JobType === 'VERIFY_FIRMWARE')).toBe(false);
		const respell = (job: OtaJob): OtaJob => ({
			...job,
			JobStatus: ALTERNATIVE_SPELLINGS.JobStatus[job.JobStatus] ?? job.JobStatus,
			JobType: ALTERNATIVE_SPELLINGS.JobType[job.JobType] ?? job.JobType,
		});
		expect(alternative).toEqual(documented.map(respell));
		expect(emulator.servedJobs(firmwareId)).toEqual(alternative);
		expect(emulator.firmware(firmwareId)?.jobs.some((job) => job.JobStatus === 'COMPLETED')).toBe(true);
	});

	it('is set by the option and control route, and rejects unknown spellings', async () => {
		await withEmulator({ qps: 0, enumSpelling: 'alternative' }, async (other) => {
			const answer = await sendSigned(other.url, { params: listJobs(FIXTURE_FIRMWARES.demo) });
			expect(jobsOf(answer).some((job) => job.JobStatus === 'COMPLETE')).toBe(true);
			const bad = await fetch(`${other.url}/__emulator/enum-spelling`, { method: 'POST', body: JSON.stringify({ spelling: 'british' }) });
			expect(bad.status).toBe(400);
			const set = await fetch(`${other.url}/__emulator/enum-spelling`, { method: 'POST', body: JSON.stringify({ spelling: 'documented' }) });
			expect(set.status).toBe(200);
			expect(jobsOf(await sendSigned(other.url, { params: listJobs(FIXTURE_FIRMWARES.demo) })).some((job) => job.JobStatus === 'COMPLETED')).toBe(true);
		});
		expect(() => emulator.setEnumSpelling('british' as never)).toThrow(/documented, alternative/);
	});
});

describe('unknown enum values', () => {
	it('makes every third job carry one undocumented value, each field in turn, the same on every run', async () => {
		emulator.addFirmware({ firmwareId: 'FwUnknownEnums00000030', jobCount: 30, seed: 30, unknownEnumValues: true });
		const jobs = await listAll('FwUnknownEnums00000030');
		const unknownFields = jobs.map((job) =>
			(Object.keys(UNKNOWN_ENUM_VALUES) as Array<keyof typeof UNKNOWN_ENUM_VALUES>).filter((field) => job[field] === UNKNOWN_ENUM_VALUES[field]),
		);
		expect(unknownFields.filter((fields) => fields.length === 1)).toHaveLength(10);
		expect(unknownFields.every((fields) => fields.length <= 1)).toBe(true);
		expect(new Set(unknownFields.flat())).toEqual(new Set(['JobStatus', 'JobType', 'SelectionType', 'TargetSelection']));
		for (const job of jobs) if (job.JobStatus === 'PAUSED') expect(job.UtcEndTime).toBeUndefined();

		await withEmulator({ qps: 0 }, async (again) => {
			again.addFirmware({ firmwareId: 'FwUnknownEnums00000030', jobCount: 30, seed: 30, unknownEnumValues: true });
			expect(again.firmware('FwUnknownEnums00000030')?.jobs).toEqual(jobs);
		});
	});

	it('keeps the other jobs as the generator made them', async () => {
		const firmwareId = 'FwUnknownEnums00000030';
		await withEmulator({ qps: 0 }, async (plainEmulator) => {
			plainEmulator.addFirmware({ firmwareId, jobCount: 30, seed: 30 });
			emulator.addFirmware({ firmwareId, jobCount: 30, seed: 30, unknownEnumValues: true });
			const plain = plainEmulator.firmware(firmwareId)?.jobs ?? [];
			const unknown = emulator.firmware(firmwareId)?.jobs ?? [];
			expect(unknown.map((job) => job.JobId)).toEqual(plain.map((job) => job.JobId));
			expect(unknown.filter((job, i) => JSON.stringify(job) === JSON.stringify(plain[i]))).toHaveLength(20);
		});
	});
});
