import './ensure-n8n-env';

import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

export interface TestCredentialOptions {
	type: INodeType;
	/** The key in `methods.credentialTest`. */
	functionName: string;
	credentialType: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Does what n8n's CredentialsTester does for a node-level test: it only finds the function through
 * the `testedBy` of the node's credential entry, then calls it with a bare CredentialTestContext.
 * The wiring is checked too, since a function n8n cannot find is a test that never runs.
 */
export async function testCredential(options: TestCredentialOptions): Promise<INodeCredentialTestResult> {
	const { type, functionName, credentialType, data } = options;
	const declared = type.description.credentials?.find((entry) => entry.name === credentialType);
	if (declared?.testedBy !== functionName) {
		throw new UnexpectedError(
			`Node "${type.description.name}" must declare credential "${credentialType}" with testedBy: '${functionName}' for n8n to run the test`,
		);
	}
	const testFunction = type.methods?.credentialTest?.[functionName];
	if (testFunction === undefined) {
		throw new UnexpectedError(`Node "${type.description.name}" has no methods.credentialTest.${functionName}`);
	}
	return await testFunction.call(new CredentialTestContext(), {
		id: 'harness-credential',
		name: `${credentialType} (harness)`,
		type: credentialType,
		data,
	});
}
