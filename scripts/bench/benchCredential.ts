import type { IDataObject } from 'n8n-workflow';

import type { EmulatorProcess } from './emulatorProcess';

export function credentialFor(emulator: EmulatorProcess, maxRequestsPerSecond: number): IDataObject {
	return {
		accessKeyId: emulator.accessKeyId,
		accessKeySecret: emulator.accessKeySecret,
		regionId: 'cn-shanghai',
		endpoint: emulator.url,
		maxRequestsPerSecond,
	};
}
