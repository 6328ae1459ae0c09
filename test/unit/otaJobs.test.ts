import { matchesOtaJobFilter, type OtaJobFilter } from '../../nodes/AlibabaCloudIot/actions/otaJob/jobFilterMatch';
import { listOtaJobPage, listOtaJobsByFirmware, type OtaJob } from '../../nodes/AlibabaCloudIot/api/otaJobs';
import type { IotCaller } from '../../nodes/AlibabaCloudIot/transport/iotCaller';
import type { IotAnswer, IotParams } from '../../nodes/AlibabaCloudIot/transport/popRequest';

/** The jobs of one answer, as the api layer shapes them. */
async function jobsOfAnswer(answer: IotAnswer): Promise<OtaJob[]> {
	return (await listOtaJobPage(async () => answer, { firmwareId: 'fw' }, { currentPage: 1, pageSize: 200 })).records;
}

async function tagsOf(tags: unknown): Promise<unknown> {
	const [shaped] = await jobsOfAnswer({ Data: { SimpleOTAJobInfo: [{ ...job(1), Tags: tags }] } });
	return shaped.Tags;
}

const keepMatching = (filter: OtaJobFilter) => (entry: OtaJob) => matchesOtaJobFilter(entry, filter);

function job(id: number): Record<string, unknown> {
	return { FirmwareId: 'fw', JobId: `job-${id}`, JobStatus: 'IN_PROGRESS', UtcCreate: '2024-01-01T00:00:00.000Z' };
}

/** An in-memory list served with the API's CurrentPage/PageSize arithmetic. */
function pagedList(initial: number, onRequest?: (list: Record<string, unknown>[], calls: number) => void) {
	const list = Array.from({ length: initial }, (_, index) => job(index));
	const requests: IotParams[] = [];
	const call: IotCaller = async (_action, params) => {
		requests.push(params);
		onRequest?.(list, requests.length);
		const size = Number(params.PageSize);
		const start = (Number(params.CurrentPage) - 1) * size;
		return {
			Success: true,
			Total: list.length,
			PageSize: size,
			CurrentPage: Number(params.CurrentPage),
			Data: { SimpleOTAJobInfo: list.slice(start, start + size) },
		};
	};
	return { call, requests };
}

const ids = (jobs: Array<{ JobId: string }>) => jobs.map((entry) => entry.JobId);

describe('listOtaJobsByFirmware', () => {
	it.each([
		[0, 1],
		[150, 1],
		[200, 1],
		[201, 2],
		[1000, 5],
	])('returns all %i jobs with %i request(s)', async (total, expectedRequests) => {
		const { call, requests } = pagedList(total);
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw' });
		expect(ids(jobs)).toEqual(Array.from({ length: total }, (_, index) => `job-${index}`));
		expect(requests).toHaveLength(expectedRequests);
	});

	it.each([
		[10, [[1, 10]]],
		[200, [[1, 200]]],
		[250, [[1, 200], [5, 50]]],
		[330, [[1, 200], [2, 200]]],
		[600, [[1, 200], [2, 200], [3, 200]]],
	])('returns exactly the first %i jobs with the fewest requests', async (limit, pages) => {
		const { call, requests } = pagedList(1000);
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw', limit });
		expect(ids(jobs)).toEqual(Array.from({ length: limit }, (_, index) => `job-${index}`));
		expect(requests.map((request) => [request.CurrentPage, request.PageSize])).toEqual(pages);
	});

	it('stops at the end of the list when the limit is larger than the total', async () => {
		const { call, requests } = pagedList(230);
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw', limit: 500 });
		expect(jobs).toHaveLength(230);
		expect(requests).toHaveLength(2);
	});

	it('passes FirmwareId and IotInstanceId on every page', async () => {
		const { call, requests } = pagedList(450);
		await listOtaJobsByFirmware(call, { firmwareId: 'fw-1', iotInstanceId: 'iot-1' });
		expect(requests.every((request) => request.FirmwareId === 'fw-1' && request.IotInstanceId === 'iot-1')).toBe(true);
	});

	it('lists every job once when a job is created mid-listing and pushes the pages down', async () => {
		let created = 0;
		const { call } = pagedList(450, (list, calls) => {
			if (calls === 2) list.unshift({ ...job(0), JobId: `new-${created++}` });
		});
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw' });
		expect(new Set(ids(jobs)).size).toBe(jobs.length);
		for (let index = 0; index < 450; index++) expect(ids(jobs)).toContain(`job-${index}`);
	});

	it('still returns exactly the limit when a shift duplicates a job', async () => {
		const { call } = pagedList(1000, (list, calls) => {
			if (calls === 2) list.unshift({ ...job(0), JobId: 'new' });
		});
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw', limit: 450 });
		expect(jobs).toHaveLength(450);
		expect(new Set(ids(jobs)).size).toBe(450);
	});
});

describe('answer shapes', () => {
	it('reads jobs from Data.SimpleOTAJobInfo, with no Data or an empty list meaning none', async () => {
		expect(await jobsOfAnswer({ Data: { SimpleOTAJobInfo: [job(1)] } })).toHaveLength(1);
		expect(await jobsOfAnswer({ Total: 0 })).toEqual([]);
		expect(await jobsOfAnswer({ Data: { SimpleOTAJobInfo: [] } })).toEqual([]);
		expect(await jobsOfAnswer({ Data: {} })).toEqual([]);
	});

	it('unwraps Tags to a plain [{Key, Value}] array', async () => {
		expect(await tagsOf({ OtaTagDTO: [{ Key: 'k', Value: 'v' }] })).toEqual([{ Key: 'k', Value: 'v' }]);
		expect(await tagsOf({ OtaTagDTO: { Key: 'k', Value: 'v' } })).toEqual([{ Key: 'k', Value: 'v' }]);
		expect(await tagsOf(undefined)).toEqual([]);
		expect(await tagsOf({})).toEqual([]);
		expect(await tagsOf([{ Key: 'a', Value: 'b' }])).toEqual([{ Key: 'a', Value: 'b' }]);
	});

	it('keeps the API field names and order, and gives jobs a plain prototype', async () => {
		const raw = Object.assign(Object.create(null) as object, job(1), { Tags: { OtaTagDTO: [] } });
		const [shaped] = await jobsOfAnswer({ Data: { SimpleOTAJobInfo: [raw] } });
		expect(Object.keys(shaped)).toEqual(['FirmwareId', 'JobId', 'JobStatus', 'UtcCreate', 'Tags']);
		expect(Object.getPrototypeOf(shaped)).toBe(Object.prototype);
	});
});

describe('listOtaJobsByFirmware with a keep-predicate', () => {
	function statusList(total: number, everyNth: number) {
		const paged = pagedList(total);
		return {
			...paged,
			call: (async (action, params) => {
				const answer = await paged.call(action, params);
				const jobs = (answer.Data as { SimpleOTAJobInfo: Record<string, unknown>[] }).SimpleOTAJobInfo;
				for (const entry of jobs) {
					const index = Number(String(entry.JobId).slice(4));
					entry.JobStatus = index % everyNth === 0 ? 'PLANNED' : 'COMPLETED';
				}
				return answer;
			}) as IotCaller,
		};
	}

	it('pages on until it has `limit` matching jobs, then stops', async () => {
		const { call, requests } = statusList(5000, 50);
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw', limit: 10, keep: keepMatching({ jobStatuses: ['PLANNED'] }) });
		expect(ids(jobs)).toEqual(Array.from({ length: 10 }, (_, index) => `job-${index * 50}`));
		// 10 matches lie in the first 451 jobs: 3 pages of 200, not all 25.
		expect(requests.length).toBeLessThanOrEqual(4);
	});

	it('reads everything with Return All and keeps only matches', async () => {
		const { call, requests } = statusList(1000, 3);
		const jobs = await listOtaJobsByFirmware(call, { firmwareId: 'fw', keep: keepMatching({ jobStatuses: ['COMPLETED'] }) });
		expect(jobs).toHaveLength(666);
		expect(requests).toHaveLength(5);
	});
});
