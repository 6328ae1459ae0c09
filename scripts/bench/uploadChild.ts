/**
 * One run of the upload bench in a process of its own, so its peak RSS is that run's alone:
 * `tsx uploadChild.ts '{"mode":"upload"|"read", "file", "storage", emulator...}'`. The input node
 * stores the file in n8n's filesystem binary-data store as it reads it; in "upload" mode the node
 * then uploads it (Firmware → Upload), in "read" mode a node that does nothing follows instead.
 * Prints `{wallMs, maxRssBytes, item}` as its last line.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import { runNode } from '../../test/harness';
import { runOperation } from '../../test/support/runOperation';

interface Spec {
	mode: 'upload' | 'read';
	file: string;
	storage: string;
	url: string;
	accessKeyId: string;
	accessKeySecret: string;
	firmwareName: string;
}

const READ_ONLY: INodeType = {
	description: {
		displayName: 'Read only',
		name: 'benchReadOnly',
		group: ['transform'],
		version: 1,
		description: 'Passes the items on',
		defaults: { name: 'Read only' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

async function main(spec: Spec): Promise<void> {
	const service = Container.get(BinaryDataService);
	Object.assign((service as unknown as { config: object }).config, { mode: 'filesystem', localStoragePath: spec.storage });
	await service.init();
	const file = { data: createReadStream(spec.file), fileName: basename(spec.file), mimeType: 'application/octet-stream' };
	const startedAt = performance.now();
	const result =
		spec.mode === 'upload'
			? await runOperation({
					resource: 'firmware',
					operation: 'upload',
					parameters: { productKey: 'a1EmuMeter1', firmwareName: spec.firmwareName, destVersion: '9.0.0', options: { timeout: 60_000 } },
					inputBinaries: [{ data: file }],
					credential: { accessKeyId: spec.accessKeyId, accessKeySecret: spec.accessKeySecret, regionId: 'cn-shanghai', endpoint: spec.url, maxRequestsPerSecond: 0 },
				})
			: await runNode({ node: { type: READ_ONLY, parameters: {} }, inputBinaries: [{ data: file }] });
	const wallMs = performance.now() - startedAt;
	if (result.error) throw new Error(String(result.error.message));
	console.log(JSON.stringify({ wallMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, item: result.items[0]?.json }));
}

void main(JSON.parse(process.argv[2]) as Spec).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
