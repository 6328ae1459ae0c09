import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { EMULATOR_KEYS, type Emulator } from '../../tools/emulator';
import type { NodeRunResult } from '../harness';
import { runOperation, type OperationRun } from './runOperation';

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

export type ListRun = Omit<OperationRun, 'resource' | 'operation'>;

/** Runs "List OTA Jobs by Firmware" in n8n's engine, after an input node emitting `inputItems`. */
export async function runListByFirmware(run: ListRun): Promise<NodeRunResult> {
	return await runOperation({ resource: 'otaJob', operation: 'listByFirmware', ...run });
}

export function firmware(id: string): INodeParameters {
	return { firmwareId: { __rl: true, mode: 'id', value: id } };
}
