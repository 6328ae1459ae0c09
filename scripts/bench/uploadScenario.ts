/**
 * Bench child for (u): one n8n execution that stores a package file in n8n's filesystem binary
 * store (as a Read/Write Files from Disk node does), then, unless `readOnly`, uploads it with
 * Firmware Upload to the emulator. Reports the process's peak RSS and the Upload node's time.
 */
import '../../test/harness/ensure-n8n-env';

import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IConnections, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node.js';
import { runWorkflow } from '../../test/harness';
import { runAsChild } from './childMain';

export interface UploadSpec {
	filePath: string;
	readOnly: boolean;
	firmwareName: string;
	credential: Record<string, string | number>;
}

export interface UploadResult {
	peakRssMb: number;
	/** The Upload node's own execution time (undefined for a read-only run). */
	uploadMs?: number;
	firmwareSize?: number;
	error?: string;
}

const READ_FILE_TYPE = 'bench.readFile';

function readFileNodeType(filePath: string): INodeType {
	return {
		description: {
			displayName: 'Read File',
			name: READ_FILE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Stores a file in the binary-data store from a stream',
			defaults: { name: 'Read File' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const data = await this.helpers.prepareBinaryData(createReadStream(filePath), basename(filePath), 'application/octet-stream');
			return [[{ json: {}, binary: { data } }]];
		},
	};
}

async function run(spec: UploadSpec): Promise<UploadResult> {
	const storage = mkdtempSync(join(tmpdir(), 'n8n-bench-binary-'));
	try {
		const service = Container.get(BinaryDataService);
		Object.assign((service as unknown as { config: object }).config, { mode: 'filesystem', localStoragePath: storage });
		await service.init();

		const node = new AlibabaCloudIot();
		const readNode: INode = { id: 'read', name: 'Read File', type: READ_FILE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
		const uploadNode: INode = {
			id: 'upload',
			name: 'Upload',
			type: 'alibabaCloudIot',
			typeVersion: 1,
			position: [200, 0],
			parameters: { resource: 'firmware', operation: 'upload', productKey: 'a1BenchUp01', firmwareName: spec.firmwareName, destVersion: '1.0.0' },
			credentials: { alibabaCloudIotApi: { id: '1', name: 'bench' } },
		};
		const connections: IConnections = spec.readOnly
			? {}
			: { 'Read File': { [NodeConnectionTypes.Main]: [[{ node: 'Upload', type: NodeConnectionTypes.Main, index: 0 }]] } };
		const executed = await runWorkflow({
			workflow: { nodes: spec.readOnly ? [readNode] : [readNode, uploadNode], connections },
			nodeTypes: { [READ_FILE_TYPE]: readFileNodeType(spec.filePath), alibabaCloudIot: node },
			credentials: { alibabaCloudIotApi: spec.credential },
			startNodeName: 'Read File',
		});
		const peakRssMb = process.resourceUsage().maxRSS / 1024;
		if (spec.readOnly) return { peakRssMb };
		const task = executed.data.resultData.runData.Upload?.[0];
		const item = task?.data?.main[0]?.[0]?.json;
		return {
			peakRssMb,
			uploadMs: task?.executionTime,
			firmwareSize: typeof item?.FirmwareSize === 'number' ? item.FirmwareSize : undefined,
			error: task?.error?.message ?? executed.data.resultData.error?.message,
		};
	} finally {
		rmSync(storage, { recursive: true, force: true });
	}
}

runAsChild(run);
