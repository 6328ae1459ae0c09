// The two workflows the queue-mode run imports: a webhook that lists a firmware's jobs, and the
// trigger watching one firmware. Node IDs are set: the durable scheduler skips polls of a
// published workflow whose node IDs are missing or repeated.
import type { CredentialImport, WorkflowImport } from '../../../tools/n8n/n8nCli';
import { NODE_TYPE, PACKAGE_NAME } from '../../../tools/n8n/paths';

export const TRIGGER_TYPE = `${PACKAGE_NAME}.alibabaCloudIotTrigger`;
export const WEBHOOK_PATH = 'queue-e2e-ota-jobs';
export const LISTING_NODE = 'List OTA jobs';
export const TRIGGER_NODE = 'OTA job created or status changed';

function credentialOf(credential: CredentialImport) {
	return { alibabaCloudIotApi: { id: credential.id, name: credential.name } };
}

/** GET /webhook/<path>?firmwareId=X answers, once the listing has finished, with every job of X. */
export function webhookListingWorkflow(credential: CredentialImport): WorkflowImport {
	return {
		id: 'queueE2eWebhook1',
		name: 'Queue e2e: webhook lists the jobs of a firmware',
		nodes: [
			{
				id: '3b0c8f5e-6a43-4f6e-9d0a-51e2e0a00001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '3b0c8f5e-6a43-4f6e-9d0a-51e2e0a000ff',
				parameters: { httpMethod: 'GET', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: '3b0c8f5e-6a43-4f6e-9d0a-51e2e0a00002',
				name: LISTING_NODE,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'otaJob',
					operation: 'listByFirmware',
					firmwareId: { __rl: true, mode: 'id', value: '={{ $json.query.firmwareId }}' },
					returnAll: true,
					options: {},
				},
				credentials: credentialOf(credential),
			},
		],
		connections: { Webhook: { main: [[{ node: LISTING_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Polls every minute (the shortest n8n allows for an active poller). */
export function triggerWorkflow(credential: CredentialImport, firmwareId: string): WorkflowImport {
	return {
		id: 'queueE2eTrigger1',
		name: 'Queue e2e: OTA job trigger',
		nodes: [
			{
				id: '3b0c8f5e-6a43-4f6e-9d0a-51e2e0a00011',
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'otaJobCreatedOrStatusChanged',
					firmwares: { firmware: [{ firmwareId: { __rl: true, mode: 'id', value: firmwareId } }] },
					options: {},
				},
				credentials: credentialOf(credential),
			},
			{
				id: '3b0c8f5e-6a43-4f6e-9d0a-51e2e0a00012',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}
