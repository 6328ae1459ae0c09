// examples/ota-rollout-guard.json, unchanged, in n8n's engine against the emulator: List by Firmware
// -> Get Progress -> If (failed share > 5%) -> Cancel by Job.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { runWorkflow } from '../../harness';
import { credentialFor } from '../../support/alibabaNode';
import { loadExampleWorkflow, PACKAGE_NODE_TYPE } from '../../support/exampleWorkflows';
import { ifStandIn } from '../../support/ifStandIn';
import { manualTriggerStandIn } from '../../support/manualTrigger';
import { FAILING_JOB, HEALTHY_JOB, ROLLOUT_FIRMWARE, ROLLOUT_GUARD_FILE, ROLLOUT_NODES } from '../../support/rolloutGuardScenario';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator((started) => {
	started.addFirmware(ROLLOUT_FIRMWARE);
	started.addJobWithTasks(FAILING_JOB);
	started.addJobWithTasks(HEALTHY_JOB);
});

it('cancels the pending upgrades of the failing job only, and says what it asked', async () => {
	const healthyBefore = emulator.taskSummary(HEALTHY_JOB.jobId!).counts;
	const failingBefore = emulator.taskSummary(FAILING_JOB.jobId!).counts;
	const run = await runWorkflow({
		workflow: loadExampleWorkflow(ROLLOUT_GUARD_FILE),
		nodeTypes: {
			'n8n-nodes-base.manualTrigger': manualTriggerStandIn,
			'n8n-nodes-base.if': ifStandIn,
			[PACKAGE_NODE_TYPE]: new AlibabaCloudIot(),
		},
		credentials: { alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
	});
	expect(run.data.resultData.error).toBeUndefined();
	const output = (node: string, index = 0) =>
		(run.data.resultData.runData[node]?.[0]?.data?.main[index] ?? []).map((item) => item.json as IDataObject);

	expect(output(ROLLOUT_NODES.list).map((job) => job.JobId).sort()).toEqual([FAILING_JOB.jobId, HEALTHY_JOB.jobId].sort());
	const progress = output(ROLLOUT_NODES.progress);
	expect(progress.find((job) => job.JobId === FAILING_JOB.jobId)).toMatchObject({ Total: 1000, FAILED: 150, FailedPercent: 15 });
	expect(progress.find((job) => job.JobId === HEALTHY_JOB.jobId)).toMatchObject({ Total: 1000, FAILED: 10, FailedPercent: 1 });
	expect(output(ROLLOUT_NODES.guard, 0).map((job) => job.JobId)).toEqual([FAILING_JOB.jobId]);
	expect(output(ROLLOUT_NODES.guard, 1).map((job) => job.JobId)).toEqual([HEALTHY_JOB.jobId]);
	expect(output(ROLLOUT_NODES.cancel)).toEqual([
		expect.objectContaining({ JobId: FAILING_JOB.jobId, CanceledStates: ['CONFIRM', 'QUEUED', 'NOTIFIED'], Success: true }),
	]);

	expect(emulator.taskSummary(FAILING_JOB.jobId!).counts).toMatchObject({
		CONFIRM: 0,
		QUEUED: 0,
		NOTIFIED: 0,
		IN_PROGRESS: failingBefore.IN_PROGRESS,
		CANCELED: failingBefore.CONFIRM + failingBefore.QUEUED + failingBefore.NOTIFIED,
	});
	expect(emulator.taskSummary(HEALTHY_JOB.jobId!).counts).toEqual(healthyBefore);
	const cancels = emulator.requests.filter((request) => request.action === 'CancelOTATaskByJob');
	expect(cancels.map((request) => request.params.JobId)).toEqual([FAILING_JOB.jobId]);
});
