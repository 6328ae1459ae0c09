import { generateJobs } from '../../../tools/emulator';
import { credentialFor, firmware, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const RECENT = 'FwRecentJobs0000000003';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

// Jobs created 2 hours, 3 days and 10 days ago (newest first, as the API lists them), so filters
// relative to "now" have something on each side.
const emulator = useEmulator((seeded) => {
	const [hours, days, older] = generateJobs(RECENT, 3, 7);
	seeded.addFirmware({
		firmwareId: RECENT,
		jobs: [
			{ ...hours, UtcCreate: isoAgo(2 * HOUR) },
			{ ...days, UtcCreate: isoAgo(3 * DAY) },
			{ ...older, UtcCreate: isoAgo(10 * DAY) },
		],
	});
});

const jobIdsCreated = (from: number, to: number) =>
	emulator
		.firmware(RECENT)!
		.jobs.filter((job) => Date.now() - Date.parse(job.UtcCreate) >= from && Date.now() - Date.parse(job.UtcCreate) < to)
		.map((job) => job.JobId);

async function listWithFilters(filters: Record<string, string>) {
	const result = await runListByFirmware({
		credential: credentialFor(emulator),
		parameters: { ...firmware(RECENT), returnAll: true, filters },
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json.JobId);
}

describe('date filters given by expressions', () => {
	it('takes a Luxon DateTime ($now.minus) as Created After', async () => {
		expect(await listWithFilters({ createdAfter: '={{ $now.minus({ days: 1 }) }}' })).toEqual(jobIdsCreated(0, DAY));
	});

	it('takes a Luxon DateTime ($now.minus) as Created Before', async () => {
		expect(await listWithFilters({ createdBefore: '={{ $now.minus({ days: 1 }) }}' })).toEqual(
			jobIdsCreated(DAY, Infinity),
		);
	});

	it('takes a JS Date as Created After and Created Before', async () => {
		expect(
			await listWithFilters({
				createdAfter: '={{ new Date(Date.now() - 5 * 24 * 3600 * 1000) }}',
				createdBefore: '={{ new Date(Date.now() - 24 * 3600 * 1000) }}',
			}),
		).toEqual(jobIdsCreated(DAY, 5 * DAY));
	});

	it('takes a Luxon DateTime in another time zone at its instant', async () => {
		expect(
			await listWithFilters({ createdAfter: "={{ $now.minus({ days: 4 }).setZone('Asia/Shanghai') }}" }),
		).toEqual(jobIdsCreated(0, 4 * DAY));
	});

	it('rejects an expression that gives no date, naming the field and item', async () => {
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(RECENT), returnAll: true, filters: { createdAfter: '={{ { when: 1 } }}' } },
		});
		expect(result.error!.message).toMatch(/^Created After is not a valid date \(item 0\)/);
		expect(emulator.requests).toHaveLength(0);
	});
});
