// Small stand-ins for the real node, each exercising one path of the harness.
import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, VersionedNodeType } from 'n8n-workflow';

const baseDescription = {
	group: ['transform'],
	version: 1,
	description: 'Harness test node',
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
} satisfies Partial<INodeTypeDescription>;

/** Echoes its `firmwareId` parameter per item, so expressions must resolve against each item. */
export class EchoNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Echo',
		name: 'echo',
		defaults: { name: 'Echo' },
		properties: [{ displayName: 'Firmware ID', name: 'firmwareId', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const returnData: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const firmwareId = this.getNodeParameter('firmwareId', itemIndex) as string;
			// Two items per input, so the engine cannot guess pairedItem: ours must survive.
			const jobs = [{ json: { firmwareId, job: 1 } }, { json: { firmwareId, job: 2 } }];
			returnData.push(...this.helpers.constructExecutionMetaData(jobs, { itemData: { item: itemIndex } }));
		}
		return [returnData];
	}
}

/** Reports which credential fields arrived, never their secret values. */
export class CredentialReaderNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Credential Reader',
		name: 'credentialReader',
		defaults: { name: 'Credential Reader' },
		credentials: [{ name: 'alibabaCloudIotApi', required: true, testedBy: 'checkKeys' }],
		properties: [],
	};

	methods = {
		credentialTest: {
			async checkKeys(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				this.logger.debug('testing credential', { type: credential.type });
				const ok = credential.data?.accessKeyId === 'good-key';
				return { status: ok ? 'OK' : 'Error', message: `${credential.type}: ${ok ? 'valid' : 'rejected'}` };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('alibabaCloudIotApi');
		return [[{ json: { region: credentials.region, hasSecret: typeof credentials.accessKeySecret === 'string' } }]];
	}
}

/**
 * Fails every item whose `fail` field is true with an API error; with an error setting that
 * continues, it returns the error as an item the way n8n's nodes do.
 */
export class FailingNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Failing',
		name: 'failing',
		defaults: { name: 'Failing' },
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const returnData: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (items[itemIndex].json.fail !== true) {
					returnData.push({ json: { ok: itemIndex }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw new NodeApiError(
					this.getNode(),
					{ Code: 'iot.ota.NotFound', Message: 'no such firmware', RequestId: 'req-1' },
					{ message: 'Firmware not found', description: 'Check the firmware ID', httpCode: '404', itemIndex },
				);
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [returnData];
	}
}

/** Throws without looking at continueOnFail, to show what the engine does then. */
export class ThrowingNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Throwing',
		name: 'throwing',
		defaults: { name: 'Throwing' },
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		throw new NodeApiError(this.getNode(), { secretInResponse: 'leaked-secret' }, { message: 'Upstream failed' });
	}
}

/**
 * Puts an SDK-style Error in its output: plain JSON.stringify shows it as `{}`, and like an HTTP
 * client's error it refers back to itself through its request.
 */
export class ErrorCarrierNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Error Carrier',
		name: 'errorCarrier',
		defaults: { name: 'Error Carrier' },
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const sdkError = new Error('GET https://iot.example/?Signature=signature-secret failed');
		Object.assign(sdkError, { request: { error: sdkError } });
		return [[{ json: { detail: sdkError as unknown as string }, pairedItem: { item: 0 } }]];
	}
}

/** Emits the counter values it has not emitted yet, remembering the last one in static data. */
export class CounterTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Counter Trigger',
		name: 'counterTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Harness polling trigger',
		defaults: { name: 'Counter Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alibabaCloudIotApi', required: false }],
		properties: [{ displayName: 'Up To', name: 'upTo', type: 'number', default: 3 }],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const upTo = this.getNodeParameter('upTo') as number;
		if (this.getMode() === 'manual') {
			const sample: IDataObject = { value: upTo, sample: true };
			if (this.getNode().credentials !== undefined) {
				sample.region = (await this.getCredentials('alibabaCloudIotApi')).region;
			}
			return [[{ json: sample }]];
		}
		const state = this.getWorkflowStaticData('node');
		const last = typeof state.last === 'number' ? state.last : 0;
		if (last >= upTo) return null;
		const values = Array.from({ length: upTo - last }, (_, offset) => ({ json: { value: last + offset + 1 } }));
		state.last = upTo;
		return [values];
	}
}

/** Version 1 and 2 say which version ran; 2 is the default, as in a node's latest release. */
export class VersionedReporter extends VersionedNodeType {
	constructor() {
		const version = (typeVersion: number): INodeType => ({
			description: {
				...baseDescription,
				displayName: 'Versioned Reporter',
				name: 'versionedReporter',
				version: typeVersion,
				defaults: { name: 'Versioned Reporter' },
				properties: [],
			},
			async execute() {
				return [[{ json: { typeVersion } }]];
			},
		});
		super({ 1: version(1), 2: version(2) }, {
			displayName: 'Versioned Reporter',
			name: 'versionedReporter',
			group: ['transform'],
			description: 'Harness versioned node',
			defaultVersion: 2,
		});
	}
}
