import { otaActionQuota } from '../api/limits';
import { isInstanceNotFoundCode, type AlibabaApiError } from '../transport/errors';

/**
 * One line telling the user what to fix, in the words of the credential form and the node's
 * options. Shared by the node's error description and the credential's Test button.
 */
export function hintFor(error: AlibabaApiError): string {
	if (error.kind === 'permission') return ramHint(error.action);
	if (error.kind === 'auth') return credentialFieldHint(error.code);
	if (isInstanceNotFoundCode(error.code)) return INSTANCE_HINT;
	if (error.kind === 'throttling') return throttlingHint(error.action);
	return KIND_HINTS[error.kind];
}

/** The action's own documented quota (api/limits.ts), not one figure for all. */
function throttlingHint(action: string | undefined): string {
	const quota = action === undefined ? undefined : otaActionQuota(action);
	const allowance = quota === undefined ? 'a number of requests per second' : `${quota} requests per second`;
	return `Alibaba Cloud allows ${allowance} per account for ${action ?? 'this action'}, shared by all its RAM users.`;
}

function ramHint(action: string | undefined): string {
	const permission = action ? `"iot:${action}"` : 'this action';
	return `The AccessKey was accepted, but its RAM policy does not allow ${permission}: add it to the policy of the RAM user or role (see the README's minimal RAM policy).`;
}

/** Which field of the credential to fix, by Alibaba's gateway code (docs/alibaba-api.md, E). */
function credentialFieldHint(code: string): string {
	if (code === 'SignatureDoesNotMatch') {
		return 'Check the AccessKey Secret: Alibaba Cloud computed a different signature with the secret it holds for this AccessKey ID.';
	}
	if (code === 'InvalidAccessKeyId.Inactive') {
		return 'Check the AccessKey ID: this AccessKey is disabled; enable it in the RAM console or use another one.';
	}
	if (code.startsWith('InvalidAccessKeyId')) {
		return 'Check the AccessKey ID: Alibaba Cloud does not know it (mistyped or deleted).';
	}
	if (code === 'MissingSecurityToken' || code.includes('SecurityToken')) {
		return 'Check the Security Token: an STS AccessKey ID (STS.…) needs the current token issued with it, and a permanent AccessKey needs none.';
	}
	if (code.startsWith('InvalidTimeStamp')) {
		return "Check this machine's clock: Alibaba Cloud refuses requests more than 15 minutes off (sync it with NTP).";
	}
	return 'Check the AccessKey ID, AccessKey Secret and Security Token in the credential.';
}

const INSTANCE_HINT =
	'Check Options → IoT Instance ID: Enterprise instances and newer public instances need their ID (iot-…, from the IoT Platform console); older public instances must leave it empty.';

const KIND_HINTS: Record<Exclude<AlibabaApiError['kind'], 'auth' | 'permission' | 'throttling'>, string> = {
	server: 'Alibaba Cloud failed to answer; try again later.',
	business: 'Alibaba Cloud refused the request: check the parameters.',
	network: 'Check the region or endpoint in the credential, and that this n8n can reach it.',
	timeout: 'Raise the Timeout option, or try again later.',
	invalidResponse: 'A proxy or gateway answered instead of Alibaba Cloud: check the endpoint and any proxy in between, or try again later.',
};
