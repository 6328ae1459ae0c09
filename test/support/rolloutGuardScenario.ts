// The emulator state examples/ota-rollout-guard.json is run against, in the engine test and in the
// real-n8n e2e: one firmware with a failing job and a healthy one, both IN_PROGRESS.
import type { FirmwareSpec, JobSpec } from '../../tools/emulator';

export const ROLLOUT_GUARD_FILE = 'ota-rollout-guard.json';

export const ROLLOUT_FIRMWARE: FirmwareSpec = {
	firmwareId: 'FwRolloutGuard00000001',
	jobCount: 0,
	productKey: 'a1EmuMeter1',
	productName: 'Smart Meter',
	destVersion: '1.4.0',
	name: 'Meter firmware 1.4.0',
	seed: 1401,
};

/** 15% of its tasks failed: over the example's 5%, so its pending upgrades get canceled. */
export const FAILING_JOB: JobSpec = {
	firmwareId: ROLLOUT_FIRMWARE.firmwareId,
	jobId: 'RolloutFailing00000000000200',
	taskCount: 1000,
	statusMix: { CONFIRM: 50, QUEUED: 250, NOTIFIED: 100, IN_PROGRESS: 200, SUCCEEDED: 250, FAILED: 150 },
};

/** 1% failed: left alone. */
export const HEALTHY_JOB: JobSpec = {
	firmwareId: ROLLOUT_FIRMWARE.firmwareId,
	jobId: 'RolloutHealthy00000000000200',
	taskCount: 1000,
	statusMix: { CONFIRM: 50, QUEUED: 250, NOTIFIED: 100, IN_PROGRESS: 200, SUCCEEDED: 390, FAILED: 10 },
};

/** The node names of the example, as its checks read the run. */
export const ROLLOUT_NODES = {
	list: 'Running jobs of the firmware',
	progress: 'Progress of each job',
	guard: 'Failed share over 5%?',
	cancel: 'Cancel pending upgrades',
} as const;
