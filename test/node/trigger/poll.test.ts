import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { AlibabaCloudIotTrigger } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node';
import { EMULATOR_INSTANCE_ID, FIXTURE_FIRMWARES, generateJobs } from '../../../tools/emulator';
import { pollOnce } from '../../harness';
import { credentialFor } from '../../support/alibabaNode';
import { loadOptionsContext } from '../../support/loadOptions';
import { useEmulator } from '../../support/useEmulator';
import { watching } from '../../support/triggerSetup';

let seq = 0;

const emulator = useEmulator();

/** A firmware of its own per test, with open and ended jobs. */
function watchedFirmware(jobCount = 12): string {
	const firmwareId = `FwTrigger${String(++seq).padStart(13, '0')}`;
	emulator.addFirmware({ firmwareId, jobCount, seed: seq });
	return firmwareId;
}

async function poll(parameters: INodeParameters, staticData: IDataObject, mode: 'manual' | 'trigger' = 'trigger') {
	const result = await pollOnce({
		node: {
			type: new AlibabaCloudIotTrigger(),
			parameters: { event: 'otaJobCreatedOrStatusChanged', ...parameters },
			credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } },
		},
		credentials: { alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
		mode,
		staticData,
	});
	return result?.[0] ?? null;
}

function newJob(firmwareId: string, jobId: string) {
	const [template] = generateJobs(firmwareId, 1, 999);
	return { ...template, JobId: jobId, JobStatus: 'PLANNED', UtcCreate: '2030-01-01T00:00:00.000Z', UtcModified: '2030-01-01T00:00:00.000Z' };
}

describe('Alibaba Cloud IoT Trigger', () => {
	it('records a baseline on the first poll and emits nothing', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		expect(await poll({ firmwareIds: firmwareId }, state)).toBeNull();
		expect(Object.keys(state.firmwares as object)).toEqual([firmwareId]);
	});

	it('emits nothing when nothing changed', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		await poll({ firmwareIds: firmwareId }, state);
		expect(await poll({ firmwareIds: firmwareId }, state)).toBeNull();
	});

	it('emits a created job with no previous status', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		await poll({ firmwareIds: firmwareId }, state);
		emulator.firmware(firmwareId)!.jobs.unshift(newJob(firmwareId, 'JobNewOne00000000000001'));
		const items = await poll({ firmwareIds: firmwareId }, state);
		expect(items!.map((item) => item.json)).toEqual([
			expect.objectContaining({ JobId: 'JobNewOne00000000000001', JobStatus: 'PLANNED', Event: 'created', PreviousJobStatus: null, Tags: expect.any(Array) }),
		]);
		expect(await poll({ firmwareIds: firmwareId }, state)).toBeNull();
	});

	it('emits a status change with the previous status alongside', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		const jobs = emulator.firmware(firmwareId)!.jobs;
		jobs[3] = { ...jobs[3], JobStatus: 'IN_PROGRESS' };
		await poll({ firmwareIds: firmwareId }, state);
		jobs[3] = { ...jobs[3], JobStatus: 'COMPLETED', UtcEndTime: '2030-01-02T00:00:00.000Z' };
		const items = await poll({ firmwareIds: firmwareId }, state);
		expect(items!.map((item) => [item.json.JobId, item.json.Event, item.json.PreviousJobStatus, item.json.JobStatus])).toEqual([
			[jobs[3].JobId, 'statusChanged', 'IN_PROGRESS', 'COMPLETED'],
		]);
		// An ended job is no longer tracked.
		expect((state.firmwares as Record<string, { open: object }>)[firmwareId].open).not.toHaveProperty(jobs[3].JobId);
	});

	it('watches several firmwares, and a newly added one starts with its own baseline', async () => {
		const first = watchedFirmware();
		const second = watchedFirmware();
		const state: IDataObject = {};
		await poll({ firmwareIds: first }, state);
		emulator.firmware(first)!.jobs.unshift(newJob(first, 'JobNewTwo00000000000001'));
		emulator.firmware(second)!.jobs.unshift(newJob(second, 'JobNewTwo00000000000002'));
		const items = await poll({ firmwareIds: `${first}, ${second}` }, state);
		expect(items!.map((item) => item.json.JobId)).toEqual(['JobNewTwo00000000000001']);
		expect(Object.keys(state.firmwares as object)).toEqual([first, second]);
		await poll({ firmwareIds: second }, state);
		expect(Object.keys(state.firmwares as object)).toEqual([second]);
	});

	it('returns the newest job as a sample in manual mode, and leaves the state alone', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		const items = await poll({ firmwareIds: `${firmwareId},${FIXTURE_FIRMWARES.demo}` }, state, 'manual');
		const newest = [...emulator.firmware(firmwareId)!.jobs, ...emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs].sort((a, b) =>
			b.UtcCreate.localeCompare(a.UtcCreate),
		)[0];
		expect(items!.map((item) => item.json.JobId)).toEqual([newest.JobId]);
		expect(state).toEqual({});
	});

	it('passes the IoT instance ID and names an empty firmware list', async () => {
		const state: IDataObject = {};
		await poll({ firmwareIds: FIXTURE_FIRMWARES.enterprise, options: { iotInstanceId: EMULATOR_INSTANCE_ID } }, state);
		expect(Object.keys(state.firmwares as object)).toEqual([FIXTURE_FIRMWARES.enterprise]);
		await expect(poll({ firmwareIds: ' , ' }, {})).rejects.toThrow('Firmwares is empty');
		await expect(poll({ firmwares: { firmware: [{ firmwareId: { __rl: true, mode: 'id', value: ' ' } }] } }, {})).rejects.toThrow(
			'Firmwares is empty',
		);
	});

	it('fails the poll with Alibaba\'s code, keeping the last state', async () => {
		const firmwareId = watchedFirmware();
		const state: IDataObject = {};
		await poll({ firmwareIds: firmwareId }, state);
		const before = JSON.stringify(state);
		await expect(poll({ firmwareIds: `${firmwareId},FwDoesNotExist00000001` }, state)).rejects.toThrow(/^iot\.ota\.FirmwareNotFound: /);
		expect(JSON.stringify(state)).toBe(before);
	});

	it('watches the firmwares picked from the list, by ID or by expression, with those of the old text field', async () => {
		const [picked, byId, fromExpression, legacy] = [watchedFirmware(), watchedFirmware(), watchedFirmware(), watchedFirmware()];
		const parameters: INodeParameters = {
			firmwares: {
				firmware: [
					{ firmwareId: { __rl: true, mode: 'list', value: picked, cachedResultName: 'Smart Meter firmware' } },
					{ firmwareId: { __rl: true, mode: 'id', value: byId } },
					{ firmwareId: { __rl: true, mode: 'id', value: `={{ "${fromExpression}" }}` } },
				],
			},
			firmwareIds: `${legacy}, ${picked}`,
		};
		const state: IDataObject = {};
		await poll(parameters, state);
		expect(Object.keys(state.firmwares as object).sort()).toEqual([picked, byId, fromExpression, legacy].sort());
	});
});

describe('Alibaba Cloud IoT Trigger: the firmware picker and the old Firmware IDs field', () => {
	const trigger = new AlibabaCloudIotTrigger();
	const { properties } = trigger.description;

	/** The parameters n8n keeps for a node saved with `saved`, and whether the editor shows Firmware IDs. */
	function asN8nReads(saved: INodeParameters) {
		const parameters = NodeHelpers.getNodeParameters(properties, saved, true, false, null, trigger.description)!;
		const legacy = properties.find((property) => property.name === 'firmwareIds')!;
		return { parameters, showsFirmwareIds: NodeHelpers.displayParameter(parameters, legacy, null, trigger.description) };
	}

	it('a trigger saved by version 0.1 keeps its comma-separated IDs, shown with a hint, and polls them', async () => {
		const firmwareId = watchedFirmware();
		const saved = { event: 'otaJobCreatedOrStatusChanged', firmwareIds: `${firmwareId}, ${FIXTURE_FIRMWARES.demo}` };
		const { parameters, showsFirmwareIds } = asN8nReads(saved);
		expect(parameters.firmwareIds).toBe(saved.firmwareIds);
		expect(showsFirmwareIds).toBe(true);
		const state: IDataObject = {};
		await poll(saved, state);
		expect(Object.keys(state.firmwares as object).sort()).toEqual([firmwareId, FIXTURE_FIRMWARES.demo].sort());
	});

	it('a new trigger shows only the picker, fed by the same list search as the node', async () => {
		expect(asN8nReads({}).showsFirmwareIds).toBe(false);
		const picker = properties.find((property) => property.name === 'firmwares')!;
		expect((picker.options![0] as { values: INodeProperties[] }).values[0]).toMatchObject({
			type: 'resourceLocator',
			modes: expect.arrayContaining([expect.objectContaining({ name: 'list', typeOptions: expect.objectContaining({ searchListMethod: 'searchFirmwares' }) })]),
		});

		const context = loadOptionsContext(
			{ type: trigger, parameters: watching(), credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } } },
			{ alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
		);
		const { results } = await trigger.methods.listSearch.searchFirmwares.call(context, FIXTURE_FIRMWARES.demo);
		expect(results.map((result) => result.value)).toEqual([FIXTURE_FIRMWARES.demo]);
	});
});
