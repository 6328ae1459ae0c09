// The Emulator methods that switch serving modes and change jobs, kept apart from server.ts.
import type { FirmwareStore } from './firmwareStore';
import { addJob, setJobStatus } from './jobEditing';
import { servedJobs } from './jobOrder';
import {
	validateEchoProxy,
	validateEnumSpelling,
	validateInstanceNotFoundCode,
	validateThrottleHint,
	type ServingModes,
} from './servingModes';
import type { Emulator } from './types';
import { respelled } from './wireModes';

export type ServingControls = Pick<
	Emulator,
	| 'setJobOrder'
	| 'setEnumSpelling'
	| 'setInstanceNotFoundCode'
	| 'setThrottleHint'
	| 'setEchoProxy'
	| 'addJob'
	| 'setJobStatus'
	| 'servedJobs'
>;

export function servingControls(firmwares: FirmwareStore, modes: ServingModes): ServingControls {
	return {
		setJobOrder: (order) => firmwares.setJobOrder(order),
		setEnumSpelling: (spelling) => {
			modes.enumSpelling = validateEnumSpelling(spelling);
		},
		setInstanceNotFoundCode: (code) => {
			modes.instanceNotFoundCode = validateInstanceNotFoundCode(code);
		},
		setThrottleHint: (hint) => {
			modes.throttleHint = validateThrottleHint(hint);
		},
		setEchoProxy: (mode) => {
			modes.echoProxy = mode === undefined ? undefined : validateEchoProxy(mode);
		},
		addJob: (firmwareId, patch) => addJob(firmwares, firmwareId, patch),
		setJobStatus: (jobId, status) => setJobStatus(firmwares, jobId, status),
		servedJobs: (firmwareId) => {
			const fixture = firmwares.get(firmwareId);
			if (!fixture) throw new Error(`no firmware ${firmwareId}`);
			const jobs = servedJobs(fixture, firmwares.jobOrder);
			return modes.enumSpelling === 'alternative' ? (respelled(jobs) as typeof jobs) : jobs;
		},
	};
}
