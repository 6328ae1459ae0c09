import type { IDataObject, INode } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollOnce, runNode, runWorkflow, testCredential } from './index';
import {
	CounterTrigger,
	CredentialReaderNode,
	EchoNode,
	ErrorCarrierNode,
	FailingNode,
	ThrowingNode,
	VersionedReporter,
} from './sample-nodes';

const iotCredentials = {
	alibabaCloudIotApi: { accessKeyId: 'good-key', accessKeySecret: 'top-secret-value', region: 'cn-shanghai' },
};

describe('runNode', () => {
	it('resolves expressions against each input item and keeps the pairedItem the node set', async () => {
		const result = await runNode({
			node: { type: new EchoNode(), parameters: { firmwareId: '={{ $json.firmwareId }}' } },
			inputItems: [{ firmwareId: 'fw-a' }, { firmwareId: 'fw-b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { firmwareId: 'fw-a', job: 1 }, pairedItem: { item: 0 } },
			{ json: { firmwareId: 'fw-a', job: 2 }, pairedItem: { item: 0 } },
			{ json: { firmwareId: 'fw-b', job: 1 }, pairedItem: { item: 1 } },
			{ json: { firmwareId: 'fw-b', job: 2 }, pairedItem: { item: 1 } },
		]);
		expect(result.outputs).toEqual([result.items]);
		expect(result.runData['Node Under Test'][0].executionStatus).toBe('success');
	});

	it('feeds one empty item when no input items are given', async () => {
		const result = await runNode({ node: { type: new EchoNode(), parameters: { firmwareId: 'fixed' } } });

		expect(result.items.map((item) => item.json)).toEqual([
			{ firmwareId: 'fixed', job: 1 },
			{ firmwareId: 'fixed', job: 2 },
		]);
	});

	it('does not run the node at all for zero input items, like n8n', async () => {
		const result = await runNode({ node: { type: new EchoNode(), parameters: {} }, inputItems: [] });

		expect(result.runData['Node Under Test']).toBeUndefined();
		expect(result).toMatchObject({ items: [], outputs: [], error: undefined });
	});

	it('hands the credential data to getCredentials, and the secret stays out of the run', async () => {
		const result = await runNode({
			node: {
				type: new CredentialReaderNode(),
				parameters: {},
				credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } },
			},
			credentials: iotCredentials,
		});

		expect(result.items.map((item) => item.json)).toEqual([{ region: 'cn-shanghai', hasSecret: true }]);
		expect(result.serialized).toContain('cn-shanghai');
		expect(result.serialized).not.toContain('top-secret-value');
	});

	it('fails the node like n8n when the selected credential is not stored', async () => {
		const result = await runNode({
			node: {
				type: new CredentialReaderNode(),
				parameters: {},
				credentials: { alibabaCloudIotApi: { id: '7', name: 'Missing' } },
			},
		});

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Credential with ID "7" does not exist for type "alibabaCloudIotApi".');
	});

	it('surfaces a thrown NodeApiError as a plain copy with message, description and httpCode', async () => {
		const result = await runNode({ node: { type: new FailingNode(), parameters: {} }, inputItems: [{ fail: true }] });

		expect(result.items).toEqual([]);
		expect(result.outputs).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'Firmware not found',
			description: 'Check the firmware ID',
			httpCode: '404',
		});
		expect(result.runData['Node Under Test'][0].executionStatus).toBe('error');
	});

	it('lets continueOnFail() continue with the error as an item (continueRegularOutput)', async () => {
		const result = await runNode({
			node: { type: new FailingNode(), parameters: {}, onError: 'continueRegularOutput' },
			inputItems: [{ fail: false }, { fail: true }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { ok: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'Firmware not found' }, pairedItem: { item: 1 } },
		]);
	});

	it('routes error items to the error output n8n appends (continueErrorOutput)', async () => {
		const result = await runNode({
			node: { type: new FailingNode(), parameters: {}, onError: 'continueErrorOutput' },
			inputItems: [{ fail: false }, { fail: true, firmwareId: 'fw-x' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.outputs).toHaveLength(2);
		expect(result.items).toEqual([{ json: { ok: 0 }, pairedItem: { item: 0 } }]);
		// n8n merges the error into the input item it pairs with.
		expect(result.outputs[1]).toEqual([
			{ json: { fail: true, firmwareId: 'fw-x', error: 'Firmware not found' }, pairedItem: { item: 1 } },
		]);
	});

	it('shows what the engine does when a node throws despite continueOnFail: input passes through', async () => {
		const result = await runNode({
			node: { type: new ThrowingNode(), parameters: {}, onError: 'continueRegularOutput' },
			inputItems: [{ a: 1 }],
		});

		expect(result.error).toMatchObject({ name: 'NodeApiError', message: 'Upstream failed' });
		expect(result.items.map((item) => item.json)).toEqual([{ a: 1 }]);
	});

	it('exposes everything an error holds in `serialized`, so a leak there is caught', async () => {
		const result = await runNode({ node: { type: new ThrowingNode(), parameters: {} } });

		expect(result.serialized).toContain('leaked-secret');
	});

	it('spells out Error objects in `serialized`, where plain JSON would hide their message', async () => {
		const result = await runNode({ node: { type: new ErrorCarrierNode(), parameters: {} } });

		expect(result.serialized).toContain('signature-secret');
		expect(result.serialized).toContain('"request":{"error":"[Circular]"}');
		expect(() => JSON.stringify(result.runData)).toThrow(/circular/);
	});

	it("fills in the parameters' defaults, as n8n does when it loads a workflow", async () => {
		const result = await runNode({ node: { type: new EchoNode(), parameters: {} } });

		expect(result.items[0].json.firmwareId).toBe('');
	});

	it("runs a versioned node type at its default version unless one is given", async () => {
		const run = (typeVersion?: number) => runNode({ node: { type: new VersionedReporter(), typeVersion, parameters: {} } });

		expect((await run()).items[0].json).toEqual({ typeVersion: 2 });
		expect((await run(1)).items[0].json).toEqual({ typeVersion: 1 });
	});

	it('keeps concurrent runs apart', async () => {
		const run = (firmwareId: string) =>
			runNode({
				node: { type: new EchoNode(), parameters: { firmwareId: '={{ $json.id }}' } },
				inputItems: [{ id: firmwareId }],
			});
		const [first, second] = await Promise.all([run('one'), run('two')]);

		expect(first.items[0].json.firmwareId).toBe('one');
		expect(second.items[0].json.firmwareId).toBe('two');
	});
});

describe('runWorkflow', () => {
	it('runs a chain of nodes from the named start node', async () => {
		const node = (name: string, type: string, parameters: INode['parameters']): INode => ({
			id: name,
			name,
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		});
		const main = (to: string) => ({ [NodeConnectionTypes.Main]: [[{ node: to, type: NodeConnectionTypes.Main, index: 0 }]] });
		const run = await runWorkflow({
			workflow: {
				nodes: [
					node('Start', 'counterTrigger', { upTo: 2 }),
					node('First', 'echo', { firmwareId: '={{ $json.value }}' }),
					node('Second', 'echo', { firmwareId: "={{ $json.firmwareId + '-' + $json.job }}" }),
				],
				connections: { Start: main('First'), First: main('Second') },
			},
			nodeTypes: { counterTrigger: new CounterTrigger(), echo: new EchoNode() },
			startNodeName: 'Start',
		});

		expect(run.status).toBe('success');
		const second = run.data.resultData.runData.Second[0].data?.main[0] ?? [];
		expect(second.map((item) => item.json.firmwareId)).toEqual(['2-1', '2-1', '2-2', '2-2']);
	});
});

describe('pollOnce', () => {
	const trigger = { type: new CounterTrigger(), parameters: { upTo: 2 } };

	it('keeps static data between polls when the same object is passed', async () => {
		const staticData: IDataObject = {};

		const first = await pollOnce({ node: trigger, mode: 'trigger', staticData });
		expect(first?.[0].map((item) => item.json.value)).toEqual([1, 2]);
		expect(staticData).toEqual({ last: 2 });

		expect(await pollOnce({ node: trigger, mode: 'trigger', staticData })).toBeNull();

		const later = await pollOnce({ node: { ...trigger, parameters: { upTo: 3 } }, mode: 'trigger', staticData });
		expect(later?.[0].map((item) => item.json.value)).toEqual([3]);
	});

	it('starts from empty static data when none is passed', async () => {
		await pollOnce({ node: trigger, mode: 'trigger' });

		expect(await pollOnce({ node: trigger, mode: 'trigger' })).not.toBeNull();
	});

	it('runs in manual mode as the editor does for "Fetch test event"', async () => {
		const staticData: IDataObject = {};

		expect(await pollOnce({ node: trigger, mode: 'manual', staticData })).toEqual([[{ json: { value: 2, sample: true } }]]);
		expect(staticData).toEqual({});
	});

	it('hands credentials to the poll through PollContext', async () => {
		const node = { ...trigger, credentials: { alibabaCloudIotApi: { id: '1', name: 'Emulator' } } };

		const sample = await pollOnce({ node, mode: 'manual', credentials: iotCredentials });
		expect(sample?.[0][0].json.region).toBe('cn-shanghai');
	});
});

describe('testCredential', () => {
	it("returns the node's credential test result, called with n8n-core's CredentialTestContext", async () => {
		const test = (accessKeyId: string) =>
			testCredential({
				type: new CredentialReaderNode(),
				functionName: 'checkKeys',
				credentialType: 'alibabaCloudIotApi',
				data: { ...iotCredentials.alibabaCloudIotApi, accessKeyId },
			});

		await expect(test('good-key')).resolves.toEqual({ status: 'OK', message: 'alibabaCloudIotApi: valid' });
		await expect(test('bad-key')).resolves.toEqual({ status: 'Error', message: 'alibabaCloudIotApi: rejected' });
	});

	it('refuses a function n8n would never find through testedBy', async () => {
		await expect(
			testCredential({
				type: new CredentialReaderNode(),
				functionName: 'checkKeys',
				credentialType: 'someOtherApi',
				data: {},
			}),
		).rejects.toThrow("testedBy: 'checkKeys'");
	});
});
