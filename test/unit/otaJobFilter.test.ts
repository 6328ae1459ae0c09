import { matchesOtaJobFilter } from '../../nodes/AlibabaCloudIot/actions/otaJob/jobFilterMatch';
import type { OtaJob } from '../../nodes/AlibabaCloudIot/api/otaJobs';

const job = (fields: Partial<OtaJob>): OtaJob =>
	({
		FirmwareId: 'fw',
		JobId: 'j',
		JobStatus: 'IN_PROGRESS',
		JobType: 'UPGRADE_FIRMWARE',
		ProductKey: 'p',
		SelectionType: 'STATIC',
		TargetSelection: 'SPECIFIC',
		Tags: [],
		UtcCreate: '2024-05-01T00:00:00.000Z',
		UtcModified: '2024-05-01T00:00:00.000Z',
		...fields,
	}) as OtaJob;

describe('matchesOtaJobFilter', () => {
	it('matches any of several statuses', () => {
		const filter = { jobStatuses: ['PLANNED', 'IN_PROGRESS'] };
		expect(matchesOtaJobFilter(job({ JobStatus: 'IN_PROGRESS' }), filter)).toBe(true);
		expect(matchesOtaJobFilter(job({ JobStatus: 'CANCELED' }), filter)).toBe(false);
	});

	it('treats the docs\' two spellings as one', () => {
		expect(matchesOtaJobFilter(job({ JobStatus: 'COMPLETE' }), { jobStatuses: ['COMPLETED'] })).toBe(true);
		expect(matchesOtaJobFilter(job({ JobType: 'VERFIY_FIRMWARE' }), { jobTypes: ['VERIFY_FIRMWARE'] })).toBe(true);
		expect(matchesOtaJobFilter(job({ JobType: 'VERFIY_FIRMWARE' }), { jobTypes: ['UPGRADE_FIRMWARE'] })).toBe(false);
	});

	it('lets unknown values through rather than hiding them', () => {
		expect(matchesOtaJobFilter(job({ JobStatus: 'PAUSED' }), { jobStatuses: ['PLANNED'] })).toBe(true);
		expect(matchesOtaJobFilter(job({ TargetSelection: 'CANARY' }), { targetSelections: ['ALL'] })).toBe(true);
	});

	it('filters on selection type, target selection and creation time', () => {
		const created = Date.parse('2024-05-01T00:00:00.000Z');
		expect(matchesOtaJobFilter(job({}), { selectionTypes: ['DYNAMIC'] })).toBe(false);
		expect(matchesOtaJobFilter(job({}), { targetSelections: ['SPECIFIC', 'GRAY'] })).toBe(true);
		expect(matchesOtaJobFilter(job({}), { createdAfter: created })).toBe(true);
		expect(matchesOtaJobFilter(job({}), { createdAfter: created + 1 })).toBe(false);
		expect(matchesOtaJobFilter(job({}), { createdBefore: created })).toBe(false);
		expect(matchesOtaJobFilter(job({}), { createdBefore: created + 1 })).toBe(true);
	});
});
