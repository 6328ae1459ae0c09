import './ensure-n8n-env';

import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import type { HarnessCredentials } from './types';

// Never contacted: n8n builds resume/form URLs from these while resolving parameters, and an
// empty string makes every getNodeParameter fail with "Invalid URL".
const INSTANCE_URL = 'http://localhost:5678/';

const notInHarness = (feature: string) => () => {
	throw new UnexpectedError(`${feature} is not available in the test harness`);
};

/** What the n8n CLI would hand the engine for one execution, minus the database and sub-workflows. */
export function createAdditionalData(
	credentials: HarnessCredentials | undefined,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: notInHarness('Executing a sub-workflow'),
		startRunnerTask: notInHarness('The task runner (Code node)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		variables: {},
		instanceBaseUrl: INSTANCE_URL,
		restApiUrl: `${INSTANCE_URL}rest`,
		formBaseUrl: `${INSTANCE_URL}form`,
		formTestBaseUrl: `${INSTANCE_URL}form-test`,
		formWaitingBaseUrl: `${INSTANCE_URL}form-waiting`,
		webhookBaseUrl: `${INSTANCE_URL}webhook`,
		webhookTestBaseUrl: `${INSTANCE_URL}webhook-test`,
		webhookWaitingBaseUrl: `${INSTANCE_URL}webhook-waiting`,
		mcpBaseUrl: `${INSTANCE_URL}mcp`,
		mcpTestBaseUrl: `${INSTANCE_URL}mcp-test`,
		// A mocking library would fill this with a truthy stub, and the engine then waits forever
		// for a task runner; a plain object leaves it undefined.
		encryptedRunnerIdentity: undefined,
	};
}
