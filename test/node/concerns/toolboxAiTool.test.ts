// The OTA toolbox used by an AI agent as tools, through n8n-core's tool path (see aiTool.test.ts).
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudIot } from '../../../nodes/AlibabaCloudIot/AlibabaCloudIot.node';
import { FIXTURE_FIRMWARES } from '../../../tools/emulator';
import { runAgentWithTool, type AgentRun, type AgentRunOptions } from '../../support/aiAgent';
import { credentialFor } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const emulator = useEmulator();

const JOB_ID_FROM_AI = "={{ $fromAI('jobId', 'The JobId of the OTA job', 'string') }}";

function agentRun(parameters: INodeParameters, rest: Partial<AgentRunOptions> = {}): Promise<AgentRun> {
	return runAgentWithTool({
		tool: {
			type: new AlibabaCloudIot(),
			typeName: 'n8n-nodes-alibabacloud-iot.alibabaCloudIotTool',
			name: 'Alibaba Cloud IoT',
			parameters: { jobId: JOB_ID_FROM_AI, ...parameters },
			credentials: { alibabaCloudIotApi: { id: '1', name: 'Alibaba Cloud IoT (emulator)' } },
		},
		credentials: { alibabaCloudIotApi: credentialFor(emulator) as ICredentialDataDecryptedObject },
		...rest,
	});
}

describe('the toolbox as AI-agent tools', () => {
	it('describes Cancel by Job to the agent as canceling device upgrades, and cancels when invoked', async () => {
		const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 40, statusMix: { QUEUED: 30, SUCCEEDED: 10 } });
		const { tools, invokes } = await agentRun(
			{ resource: 'otaTask', operation: 'cancelByJob', taskStates: ['QUEUED', 'NOTIFIED'] },
			{ toolCalls: [{ jobId: job.jobId }] },
		);
		expect(tools[0].description).toBe('Cancel device upgrades of an OTA job in Alibaba Cloud IoT');
		expect(Object.keys(tools[0].parameters.properties as IDataObject)).toEqual(['jobId']);
		expect(invokes[0].error).toBeUndefined();
		expect(JSON.parse(invokes[0].result!)).toEqual([expect.objectContaining({ JobId: job.jobId, Success: true, CanceledStates: ['QUEUED', 'NOTIFIED'] })]);
		expect(emulator.taskSummary(job.jobId).counts).toMatchObject({ QUEUED: 0, CANCELED: 30, SUCCEEDED: 10 });
	});

	it('gives the agent a job\'s progress', async () => {
		const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 20, statusMix: { SUCCEEDED: 15, FAILED: 5 } });
		const { tools, invokes } = await agentRun({ resource: 'otaJob', operation: 'getProgress' }, { toolCalls: [{ jobId: job.jobId }] });
		expect(tools[0].description).toBe('Get the progress of an OTA job in Alibaba Cloud IoT');
		expect(JSON.parse(invokes[0].result!)).toEqual([
			expect.objectContaining({ JobId: job.jobId, Total: 20, SUCCEEDED: 15, FAILED: 5, SucceededPercent: 75, FailedPercent: 25 }),
		]);
	});

	it('lets the agent choose the task status it lists, and hands it an unknown job\'s code', async () => {
		const job = emulator.addJobWithTasks({ firmwareId: FIXTURE_FIRMWARES.demo, taskCount: 12, statusMix: { FAILED: 4, SUCCEEDED: 8 } });
		const { invokes } = await agentRun(
			{
				resource: 'otaTask',
				operation: 'listByJob',
				returnAll: true,
				filters: { taskStatus: "={{ $fromAI('taskStatus', 'One of CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELED', 'string') }}" },
			},
			{ toolCalls: [{ jobId: job.jobId, taskStatus: 'failed' }, { jobId: 'NoSuchJob0000000000000200', taskStatus: 'FAILED' }] },
		);
		const failed = JSON.parse(invokes[0].result!) as IDataObject[];
		expect(failed).toHaveLength(4);
		for (const task of failed) expect(task.TaskStatus).toBe('FAILED');
		expect(invokes[1].error!.message).toContain('iot.ota.JobNotFound');
	});
});
