import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { AlibabaApiError } from '../transport/errors';
import { createIotCaller } from '../transport/iotCaller';
import { resolveIotCredentials } from '../transport/iotCredentials';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';

/** Stands in for a firmware ID: the answer "no such firmware" still proves the signature was accepted. */
const PROBE_FIRMWARE_ID = 'n8n-credential-test';

/**
 * The credential's Test button: one cheap signed call (the very action the node needs, so a
 * minimal RAM policy passes). Any business answer means the credentials work; gateway auth
 * codes mean they do not.
 */
export async function alibabaCloudIotApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let credentials;
	try {
		credentials = resolveIotCredentials(credential.data ?? {});
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const call = createIotCaller(credentials, {
		timeoutMs: 10_000,
		retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxElapsedMs: 10_000 },
	});
	try {
		await call('ListOTAJobByFirmware', { FirmwareId: PROBE_FIRMWARE_ID, CurrentPage: 1, PageSize: 1 });
	} catch (error) {
		if (!(error instanceof AlibabaApiError)) {
			return { status: 'Error', message: `Could not verify the credentials: ${String(error)}` };
		}
		if (error.kind !== 'business') {
			return { status: 'Error', message: describeFailure(error) };
		}
	}
	return {
		status: 'OK',
		message: `Authentication successful: Alibaba Cloud IoT accepted these credentials (${credentials.endpoint})`,
	};
}

function describeFailure(error: AlibabaApiError): string {
	if (error.kind === 'auth') return `Authentication failed: ${error.message}`;
	if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalidResponse') {
		return error.apiMessage;
	}
	return `Could not verify the credentials: ${error.message}`;
}
