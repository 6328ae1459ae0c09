import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { EMULATOR_KEYS, type Emulator } from '../../tools/emulator';
import { runNode, type HarnessNode, type NodeRunResult } from '../harness';

export type EmulatorKeyName = keyof typeof EMULATOR_KEYS;

/** Credential data as a user saves it, pointed at the emulator. */
export function credentialFor(
	emulator: Emulator,
	key: EmulatorKeyName = 'active',
	overrides: IDataObject = {},
): IDataObject {
	const identity: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = EMULATOR_KEYS[key];
	const { accessKeyId, accessKeySecret, securityToken = '' } = identity;
	return { accessKeyId, accessKeySecret, securityToken, regionId: 'cn-shanghai', endpoint: emulator.url, ...overrides };
}

/** Every secret a credential holds: none may appear in any output, error or log. */
export function secretsOf(credential: IDataObject): string[] {
	return [credential.accessKeySecret, credential.securityToken].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

export interface ListRun {
	parameters?: INodeParameters;
	inputItems?: IDataObject[];
	credential: IDataObject;
	onError?: HarnessNode['onError'];
}

/** Runs "List OTA Jobs by Firmware" in n8n's engine, after an input node emitting `inputItems`. */
export async function runListByFirmware(run: ListRun): Promise<NodeRunResult> {
	return await runNode({
		node: {
			type: new AlibabaCloudIot(),
			parameters: { resource: 'otaJob', operation: 'listByFirmware', ...run.parameters },
			credentials: { alibabaCloudIotApi: { id: '1', name: 'Alibaba Cloud IoT (emulator)' } },
			onError: run.onError,
		},
		inputItems: run.inputItems,
		credentials: { alibabaCloudIotApi: run.credential as ICredentialDataDecryptedObject },
	});
}

export function firmware(id: string): INodeParameters {
	return { firmwareId: { __rl: true, mode: 'id', value: id } };
}
