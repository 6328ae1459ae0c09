import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode, INodeParameters, IRun } from 'n8n-workflow';

// '.js' makes tsx pick the TypeScript sources over the codex files *.node.json.
import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { AlibabaCloudIotTrigger } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIotTrigger.node.js';
import { FIXTURE_FIRMWARES, generateJobs } from '../../../tools/emulator';
import { pollOnce, runWorkflow } from '../../harness';
import type { ExampleWorkflow } from '../../support/exampleWorkflows';
import { manualTriggerStandIn } from '../../support/manualTrigger';
import { asN8nDelivers } from '../../support/n8nCredentialData';
import { useEmulator } from '../../support/useEmulator';

// A workflow and a credential as release 0.1.0 saved them (test/fixtures/previous-release), opened
// and run unchanged; only the endpoint's port is pointed at this file's emulator.
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'previous-release');
const workflow = JSON.parse(readFileSync(join(FIXTURES, 'workflow.json'), 'utf8')) as ExampleWorkflow;
const [storedCredential] = JSON.parse(readFileSync(join(FIXTURES, 'credential.json'), 'utf8')) as Array<{
	type: string;
	data: INodeParameters;
}>;

const emulator = useEmulator();

const NODE_TYPES = {
	'n8n-nodes-base.manualTrigger': manualTriggerStandIn,
	'n8n-nodes-alibabacloud-iot.alibabaCloudIot': new AlibabaCloudIot(),
	'n8n-nodes-alibabacloud-iot.alibabaCloudIotTrigger': new AlibabaCloudIotTrigger(),
};

/** The stored credential, on this emulator's port, as n8n hands it to the node. */
function credentials() {
	const endpoint = new URL(String(storedCredential.data.endpoint));
	endpoint.port = String(emulator.port);
	const stored = { ...storedCredential.data, endpoint: endpoint.origin };
	return { [storedCredential.type]: asN8nDelivers(stored) };
}

const nodeNamed = (name: string): INode => workflow.nodes.find((node) => node.name === name)!;

function outputOf(run: IRun, nodeName: string) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	expect(task).toBeDefined();
	expect(task!.error).toBeUndefined();
	return (task!.data?.main?.[0] ?? []).map((item) => item.json);
}

function newJob(firmwareId: string, jobId: string) {
	const [template] = generateJobs(firmwareId, 1, 77);
	const now = new Date().toISOString();
	return { ...template, JobId: jobId, JobStatus: 'IN_PROGRESS', UtcCreate: now, UtcModified: now };
}

describe('a workflow and a credential saved by the previous release', () => {
	it('stores what 0.1.0 stored: no credential toggles, a comma-separated trigger field', () => {
		expect(Object.keys(storedCredential.data).sort()).toEqual(
			['accessKeyId', 'accessKeySecret', 'endpoint', 'maxRequestsPerSecond', 'regionId', 'securityToken'].sort(),
		);
		expect(typeof nodeNamed('OTA job changed').parameters.firmwareIds).toBe('string');
	});

	it('runs the list node: firmware from the list, limit, filters and options, over STS at the saved endpoint', async () => {
		const run = await runWorkflow({
			workflow,
			nodeTypes: NODE_TYPES,
			credentials: credentials(),
			startNodeName: "When clicking 'Execute workflow'",
		});
		expect(run.data.resultData.error).toBeUndefined();
		const jobs = outputOf(run, 'List OTA jobs');
		const stored = emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs;
		const expected = stored.filter((job) => job.JobStatus !== 'IN_PROGRESS').slice(0, 3);
		expect(expected.length).toBe(3);
		expect(jobs.map((job) => job.JobId)).toEqual(expected.map((job) => job.JobId));
		// The emulator answered, so the saved endpoint was used; it refuses an STS key without its token.
		const [request] = emulator.requests;
		expect(request).toMatchObject({ action: 'ListOTAJobByFirmware', httpStatus: 200 });
		expect(request.params).toMatchObject({ FirmwareId: FIXTURE_FIRMWARES.demo, SecurityToken: storedCredential.data.securityToken });
	});

	it('runs the trigger\'s test event into the node that follows it', async () => {
		const run = await runWorkflow({
			workflow,
			nodeTypes: NODE_TYPES,
			credentials: credentials(),
			startNodeName: 'OTA job changed',
		});
		expect(run.data.resultData.error).toBeUndefined();
		const [sample] = outputOf(run, 'OTA job changed');
		expect([FIXTURE_FIRMWARES.demo, FIXTURE_FIRMWARES.pages]).toContain(sample.FirmwareId);
		const inProgress = emulator.firmware(String(sample.FirmwareId))!.jobs.filter((job) => job.JobStatus === 'IN_PROGRESS');
		expect(outputOf(run, 'Jobs in progress of that firmware').map((job) => job.JobId)).toEqual(
			inProgress.map((job) => job.JobId),
		);
	});

	it('polls every firmware of the comma-separated field once active: baseline, then the new jobs', async () => {
		const trigger = nodeNamed('OTA job changed');
		const staticData: IDataObject = {};
		const poll = async () =>
			await pollOnce({
				node: {
					name: trigger.name,
					type: new AlibabaCloudIotTrigger(),
					parameters: trigger.parameters,
					credentials: trigger.credentials as Record<string, { id: string; name: string }>,
				},
				credentials: credentials(),
				mode: 'trigger',
				staticData,
			});
		expect(await poll()).toBeNull();
		emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs.unshift(newJob(FIXTURE_FIRMWARES.demo, 'JobPrevRelease0000000001'));
		emulator.firmware(FIXTURE_FIRMWARES.pages)!.jobs.unshift(newJob(FIXTURE_FIRMWARES.pages, 'JobPrevRelease0000000002'));
		const [items] = (await poll()) ?? [[]];
		expect(items.map((item) => [item.json.FirmwareId, item.json.JobId]).sort()).toEqual([
			[FIXTURE_FIRMWARES.demo, 'JobPrevRelease0000000001'],
			[FIXTURE_FIRMWARES.pages, 'JobPrevRelease0000000002'],
		]);
	});
});
