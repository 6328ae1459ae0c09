import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { AlibabaCloudIotApi } from '../../../credentials/AlibabaCloudIotApi.credentials';
import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../../nodes/AlibabaCloudIot/transport/iotCaller';
import { DEFAULT_RETRY_POLICY } from '../../../nodes/AlibabaCloudIot/transport/retry';
import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { credentialFor } from '../../support/alibabaNode';
import { loadExampleWorkflow, runExampleWorkflow } from '../../support/exampleWorkflows';
import { withEmulator } from '../../support/useEmulator';

const { description } = new AlibabaCloudIot();
const property = (name: string) => description.properties.find((entry) => entry.name === name)!;
const option = (name: string) =>
	(property('options').options as INodeProperties[]).find((entry) => entry.name === name)!;

describe('the node as n8n and its users see it', () => {
	it('keeps the saved names users depend on', () => {
		expect(description).toMatchObject({ name: 'alibabaCloudIot', displayName: 'Alibaba Cloud IoT', version: 1, usableAsTool: true });
		expect(description.credentials).toEqual([
			{ name: 'alibabaCloudIotApi', required: true, testedBy: 'alibabaCloudIotApiTest' },
		]);
		expect(description.properties.map((entry) => entry.name)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'firmwareId', 'returnAll', 'limit', 'options']),
		);
		expect(property('firmwareId').type).toBe('resourceLocator');
		expect(property('limit')).toMatchObject({ default: 50, typeOptions: { minValue: 1 } });
		expect(property('returnAll').default).toBe(false);
		expect(new AlibabaCloudIotApi().properties.map((entry) => entry.name)).toEqual(
			expect.arrayContaining(['accessKeyId', 'accessKeySecret', 'securityToken', 'regionId', 'endpoint']),
		);
	});

	it('shows the same defaults the transport uses', () => {
		expect(option('timeout').default).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
		expect(option('maxAttempts').default).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
		expect(option('maxRetrySeconds').default).toBe(DEFAULT_RETRY_POLICY.maxElapsedMs / 1000);
	});

	it('has distinct light and dark icons that exist', () => {
		const icon = description.icon as { light: string; dark: string };
		expect(icon.light).not.toBe(icon.dark);
		for (const file of [icon.light, icon.dark]) {
			expect(existsSync(join(__dirname, '../../../nodes/AlibabaCloudIot', file.replace('file:', '')))).toBe(true);
		}
	});

	it('runs the README example workflow unchanged in the engine', async () => {
		await withEmulator({}, async (emulator) => {
			const workflow = loadExampleWorkflow('list-ota-jobs-by-firmware.json');
			const run = await runExampleWorkflow(workflow, credentialFor(emulator));
			const items = run.data.resultData.runData['List OTA jobs'][0].data!.main[0]!;
			expect(items).toHaveLength(emulator.firmware(FIXTURE_FIRMWARES.demo)!.jobs.length);
		});
	});
});
