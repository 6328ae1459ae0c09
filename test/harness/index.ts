// Runs nodes in n8n-core's real execution engine, for jest tests and for the `tsx` demo alike
// (so nothing here may import jest).
export * from './types';
export { runNode } from './run-node';
export { runWorkflow, type RunWorkflowOptions } from './run-workflow';
export { pollOnce, type PollOnceOptions } from './poll-once';
export { testCredential, type TestCredentialOptions } from './test-credential';
export { DEFAULT_NODE_NAME } from './harness-node';
export { INPUT_NODE_NAME } from './input-node';
export { HarnessCredentialsHelper } from './credentials-helper';
