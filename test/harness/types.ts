import type { Readable } from 'node:stream';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRunData,
	IVersionedNodeType,
} from 'n8n-workflow';

/** The node under test, as a user would configure it in the editor. */
export interface HarnessNode {
	/** Default 'Node Under Test'. */
	name?: string;
	/** An instance, e.g. `new AlibabaCloudIot()`. */
	type: INodeType | IVersionedNodeType;
	/** Default: the type's default (or latest) version. */
	typeVersion?: number;
	parameters: INodeParameters;
	/** By credential type, e.g. `{ alibabaCloudIotApi: { id: '1', name: 'Emulator' } }`. */
	credentials?: Record<string, { id: string; name: string }>;
	/**
	 * The node's "On Error" setting. Any `continue…` value makes `this.continueOnFail()` true.
	 * With 'continueErrorOutput' n8n itself appends an error output to the node's outputs (the
	 * description need not declare one) and moves every returned item whose json keys are only
	 * `error`/`message`/`details` (or that has a top-level `error`) there, merged with its paired
	 * input item. A node that throws instead sends its input items to output 0 and the error to
	 * run data, so a node must catch per item and return `{ json: { error }, pairedItem }` to use it.
	 */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/** Decrypted credential data by credential TYPE name, what `this.getCredentials(type)` returns. */
export type HarnessCredentials = Record<string, ICredentialDataDecryptedObject>;

export interface RunNodeOptions {
	node: HarnessNode;
	/**
	 * Default `[{}]`; emitted by the harness's input node, which feeds the node under test.
	 * With `[]` n8n does not run the node at all (no run data, no items).
	 */
	inputItems?: IDataObject[];
	/** Files the input node stores through n8n's binary-data service, per input item: field -> file. */
	inputBinaries?: (Record<string, InputFile> | undefined)[];
	credentials?: HarnessCredentials;
	extraNodeTypes?: INodeType[];
}

export interface NodeRunResult {
	/** Main output 0 of the node under test; [] if it produced none (e.g. it failed). */
	items: INodeExecutionData[];
	/** All main outputs, the error output last when onError is 'continueErrorOutput'. */
	outputs: INodeExecutionData[][];
	/** The node's error as stored in run data (a plain copy: name, message, description, httpCode…). */
	error?: Record<string, unknown>;
	runData: IRunData;
	/** The whole IRun as JSON (Error objects spelled out), to assert that secrets appear nowhere. */
	serialized: string;
}

/** A file an input item carries, stored as n8n stores what a node downloads or reads. */
export interface InputFile {
	/** A stream is stored as it is read, as n8n stores a download (nothing held whole in memory). */
	data: Buffer | Readable;
	fileName: string;
	mimeType: string;
}
