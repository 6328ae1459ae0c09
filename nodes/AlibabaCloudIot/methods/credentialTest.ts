import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { listOtaFirmwarePage } from '../api/otaFirmwares';
import { hintFor } from '../helpers/errorHints';
import { AlibabaApiError } from '../transport/errors';
import type { IotCredentials } from '../transport/iotCredentials';
import type { IotCaller } from '../transport/iotCaller';
import { otaCallerForData } from '../helpers/otaCallerFor';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';

/**
 * One retry at most, throttled or not, and none once 3 s have passed (a throttled answer asking for
 * longer, or a timeout, is reported at once): the user is waiting in front of the form.
 */
const PROBE_RETRY_POLICY = { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxElapsedMs: 3_000, throttlesUseAttempts: true };
const PROBE_TIMEOUT_MS = 10_000;

/**
 * The credential's Test button: the cheapest signed call that needs no made-up ID, one firmware of
 * ListOTAFirmware (allowed by the README's minimal RAM policy). Any answer from the IoT service
 * itself, `Success: false` whatever its code included, proves the key, secret and token were
 * accepted; gateway auth codes and RAM denials say which field or permission to fix.
 */
export async function alibabaCloudIotApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let credentials: IotCredentials;
	let call: IotCaller;
	try {
		({ call, credentials } = otaCallerForData(credential.data ?? {}, { timeoutMs: PROBE_TIMEOUT_MS, retryPolicy: PROBE_RETRY_POLICY }));
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	try {
		await listOtaFirmwarePage(call, { currentPage: 1, pageSize: 1 });
		return accepted(credentials);
	} catch (error) {
		if (!(error instanceof AlibabaApiError)) {
			return { status: 'Error', message: `Could not verify the credentials at ${credentials.endpoint}: ${String(error)}` };
		}
		if (error.kind === 'auth') return refused('Authentication failed', error);
		if (error.kind === 'permission') return refused('Permission denied', error);
		if (isServiceAnswer(error)) return accepted(credentials, error);
		return { status: 'Error', message: unverified(error, credentials) };
	}
}

/** HTTP 200 with `Success: false`: the gateway checked the signature and let the call through. */
function isServiceAnswer(error: AlibabaApiError): boolean {
	return error.httpStatus !== undefined && error.httpStatus >= 200 && error.httpStatus < 300;
}

function accepted(credentials: IotCredentials, answer?: AlibabaApiError): INodeCredentialTestResult {
	const note = answer ? `; ListOTAFirmware answered ${answer.code}, which concerns the request, not the credentials` : '';
	return {
		status: 'OK',
		message: `Authentication successful: Alibaba Cloud IoT accepted these credentials (${credentials.endpoint})${note}`,
	};
}

function refused(verdict: string, error: AlibabaApiError): INodeCredentialTestResult {
	return { status: 'Error', message: `${verdict}: ${sentence(error.message)} ${hintFor(error)}` };
}

/** No verdict on the credentials: the endpoint could not be reached, or something else answered. */
function unverified(error: AlibabaApiError, credentials: IotCredentials): string {
	// Network, timeout and non-JSON messages already name the endpoint.
	if (error.local) return `${sentence(error.apiMessage)} ${hintFor(error)}`;
	return `Could not verify the credentials at ${credentials.endpoint}: ${sentence(error.message)} ${hintFor(error)}`;
}

function sentence(text: string): string {
	return /[.!?。]$/.test(text) ? text : `${text}.`;
}
