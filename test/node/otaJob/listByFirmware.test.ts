import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor, firmware, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';


const emulator = useEmulator();

const jobRequests = () => emulator.requests.filter((request) => request.action === 'ListOTAJobByFirmware');
// The file's tests share one account's quota: a page refused as throttled (the previous test's requests
// still in the emulator's window) is retried, and only the accepted pages tell how the node paged.
const acceptedJobRequests = () => jobRequests().filter((request) => !(request.code ?? '').startsWith('Throttling'));
const apiJobIds = (firmwareId: string) => emulator.firmware(firmwareId)!.jobs.map((job) => job.JobId);

describe('List OTA Jobs by Firmware in n8n', () => {
	it('turns one page of SimpleOTAJobInfo into one item each, with the API field names', async () => {
		const { items, error } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true },
		});
		expect(error).toBeUndefined();
		const stored = emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs;
		expect(items.map((item) => item.json.JobId)).toEqual(stored.map((job) => job.JobId));
		for (const [index, item] of items.entries()) {
			const { Tags, ...fields } = stored[index];
			expect(item.json).toEqual({ ...fields, Tags: Tags?.OtaTagDTO ?? [] });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(jobRequests()).toHaveLength(1);
	});

	it('unwraps Tags to a plain [{Key, Value}] array, empty when the job has none', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true },
		});
		const tagged = items.filter((item) => (item.json.Tags as unknown[]).length > 0);
		const untagged = items.filter((item) => (item.json.Tags as unknown[]).length === 0);
		expect(tagged.length).toBeGreaterThan(0);
		expect(untagged.length).toBeGreaterThan(0);
		for (const item of tagged) {
			for (const tag of item.json.Tags as object[]) expect(Object.keys(tag)).toEqual(['Key', 'Value']);
		}
	});

	it('fetches every page with Return All, each job once and in the API order', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(FIXTURE_FIRMWARES.pages), returnAll: true },
		});
		expect(items.map((item) => item.json.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.pages));
		expect(acceptedJobRequests().map((request) => request.params.PageSize)).toEqual(['200', '200', '50']);
	});

	it.each([
		[50, ['1:50']],
		[200, ['1:200']],
		[250, ['1:200', '5:50']],
		[420, ['1:200', '2:200', '21:20']],
	])('returns exactly limit %i with the fewest requests', async (limit, pages) => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(FIXTURE_FIRMWARES.pages), returnAll: false, limit },
		});
		expect(items.map((item) => item.json.JobId)).toEqual(apiJobIds(FIXTURE_FIRMWARES.pages).slice(0, limit));
		expect(acceptedJobRequests().map((request) => `${request.params.CurrentPage}:${request.params.PageSize}`)).toEqual(pages);
	});

	it('uses the default limit of 50', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...firmware(FIXTURE_FIRMWARES.pages) },
		});
		expect(items).toHaveLength(50);
	});

	it.each([FIXTURE_FIRMWARES.emptyNoData, FIXTURE_FIRMWARES.emptyArray])(
		'returns no items for a firmware without jobs (%s)',
		async (firmwareId) => {
			const { items, error } = await runListByFirmware({
				credential: credentialFor(emulator),
				parameters: { ...firmware(firmwareId), returnAll: true },
			});
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		},
	);

	it('evaluates parameters per input item and pairs every job with its input', async () => {
		const { items } = await runListByFirmware({
			credential: credentialFor(emulator),
			inputItems: [
				{ fw: FIXTURE_FIRMWARES.demo, max: 2 },
				{ fw: FIXTURE_FIRMWARES.emptyArray, max: 5 },
				{ fw: FIXTURE_FIRMWARES.pages, max: 3 },
			],
			parameters: {
				firmwareId: { __rl: true, mode: 'id', value: '={{ $json.fw }}' },
				returnAll: false,
				limit: '={{ $json.max }}',
			},
		});
		expect(items.map((item) => [item.json.FirmwareId, item.pairedItem])).toEqual([
			[FIXTURE_FIRMWARES.demo, { item: 0 }],
			[FIXTURE_FIRMWARES.demo, { item: 0 }],
			[FIXTURE_FIRMWARES.pages, { item: 2 }],
			[FIXTURE_FIRMWARES.pages, { item: 2 }],
			[FIXTURE_FIRMWARES.pages, { item: 2 }],
		]);
	});

	it('passes IotInstanceId through for an Enterprise instance firmware', async () => {
		const { items, error } = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: {
				...firmware(FIXTURE_FIRMWARES.enterprise),
				returnAll: true,
				options: { iotInstanceId: ` ${EMULATOR_INSTANCE_ID} ` },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(emulator.firmware(FIXTURE_FIRMWARES.enterprise)!.jobs.length);
		expect(jobRequests()[0].params.IotInstanceId).toBe(EMULATOR_INSTANCE_ID);
	});

	it('signs with an STS token', async () => {
		const { items, error } = await runListByFirmware({
			credential: credentialFor(emulator, 'sts'),
			parameters: { ...firmware(FIXTURE_FIRMWARES.demo), returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(jobRequests()[0].params.SecurityToken).toBeDefined();
	});

	it('sends RegionId, and never "undefined" or "null"', async () => {
		await runListByFirmware({
			credential: credentialFor(emulator, 'active', { regionId: 'ap-southeast-1' }),
			parameters: { ...firmware(FIXTURE_FIRMWARES.demo), options: { iotInstanceId: '' } },
		});
		const [request] = jobRequests();
		expect(request.params.RegionId).toBe('ap-southeast-1');
		expect(request.params).not.toHaveProperty('IotInstanceId');
		expect(Object.values(request.params)).not.toContain('undefined');
		expect(Object.values(request.params)).not.toContain('null');
	});
});
