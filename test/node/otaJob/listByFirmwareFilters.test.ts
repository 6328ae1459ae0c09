import { generateJobs } from '../../../tools/emulator';
import { credentialFor, firmware, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const MANY = 'FwFilters0000000001200';
const ODD = 'FwOddSpellings00000004';

const emulator = useEmulator((seeded) => {
	seeded.addFirmware({ firmwareId: MANY, jobCount: 1200, seed: 12 });
	const [a, b, c, d] = generateJobs(ODD, 4, 4);
	seeded.addFirmware({
		firmwareId: ODD,
		jobs: [
			{ ...a, JobStatus: 'COMPLETE', JobType: 'VERFIY_FIRMWARE' },
			{ ...b, JobStatus: 'PAUSED' },
			{ ...c, JobStatus: 'IN_PROGRESS' },
			{ ...d, JobStatus: 'COMPLETED' },
		],
	});
});

const jobsOf = (firmwareId: string) => emulator.firmware(firmwareId)!.jobs;

describe('Filters', () => {
	it('returns exactly `limit` matching jobs, in API order, and stops reading', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(MANY), returnAll: false, limit: 5, filters: { jobStatus: ['PLANNED', 'CANCELED'] } },
		});
		const expected = jobsOf(MANY).filter((job) => ['PLANNED', 'CANCELED'].includes(job.JobStatus)).slice(0, 5);
		expect(items.map((item) => item.json.JobId)).toEqual(expected.map((job) => job.JobId));
		expect(emulator.requests.length).toBeLessThan(6);
	});

	it('combines filters with Return All', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: {
				...firmware(MANY),
				returnAll: true,
				filters: { jobType: ['UPGRADE_FIRMWARE'], selectionType: ['STATIC'], targetSelection: ['SPECIFIC', 'GRAY'] },
			},
		});
		const expected = jobsOf(MANY).filter(
			(job) => job.JobType === 'UPGRADE_FIRMWARE' && job.SelectionType === 'STATIC' && ['SPECIFIC', 'GRAY'].includes(job.TargetSelection),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json.JobId)).toEqual(expected.map((job) => job.JobId));
	});

	it('filters on the creation time, UTC', async () => {
		const pivot = jobsOf(MANY)[300].UtcCreate;
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(MANY), returnAll: true, filters: { createdAfter: pivot.replace('.000Z', '') } },
		});
		const expected = jobsOf(MANY).filter((job) => job.UtcCreate >= pivot);
		expect(items.map((item) => item.json.JobId)).toEqual(expected.map((job) => job.JobId));
	});

	it('matches both spellings of an enum and lets unknown values through', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(ODD), returnAll: true, filters: { jobStatus: ['COMPLETED'] } },
		});
		expect(items.map((item) => item.json.JobStatus)).toEqual(['COMPLETE', 'PAUSED', 'COMPLETED']);
	});

	it('names a date it cannot read', async () => {
		const { error } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(ODD), returnAll: true, filters: { createdBefore: 'last tuesday' } },
		});
		expect(error!.message).toBe('Created Before is not a valid date (item 0): "last tuesday"');
		expect(emulator.requests).toHaveLength(0);
	});
});
