import { CREDENTIAL_FIELDS as F, type CredentialField } from '../../../credentials/common/credentialFields';
import { DEFAULT_REGION_ID, isIotRegionId, regionEndpoint } from '../../../credentials/common/iotRegions';
import {
	DEFAULT_MAX_REQUESTS_PER_SECOND,
	MAX_REQUESTS_PER_SECOND_CEILING,
} from '../../../credentials/common/requestRate';

/** The credential's fields, checked and resolved to what a request needs. */
export interface IotCredentials {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	regionId: string;
	endpoint: string;
	maxRequestsPerSecond: number;
	/** The Alibaba Cloud account's UID, when given: the shared quota's group (else the AccessKey ID). */
	accountId?: string;
}

/** A credential that cannot work as filled in; the message names the field to fix. */
export class IotCredentialsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'IotCredentialsError';
	}
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * A field behind a toggle (Temporary Credentials, Custom Endpoint). Off (`false`): the field is
 * ignored even if a value was left behind. Anything else, absent included: on. A credential saved
 * before the toggle existed always used a filled field, so it still does. (n8n fills in an absent
 * toggle before the node sees the credential: see `credentials/common/toggledField.ts`.)
 */
function toggledText(
	data: Record<string, unknown>,
	toggle: CredentialField,
	field: CredentialField,
): string {
	if (data[toggle.name] === false) return '';
	const value = text(data[field.name]);
	if (data[toggle.name] === true && !value) {
		throw new IotCredentialsError(
			`${toggle.displayName} is on but ${field.displayName} is empty: fill it in or turn ${toggle.displayName} off`,
		);
	}
	return value;
}


export function resolveIotCredentials(data: Record<string, unknown>): IotCredentials {
	const accessKeyId = text(data[F.accessKeyId.name]);
	const accessKeySecret = text(data[F.accessKeySecret.name]);
	const regionId = text(data[F.regionId.name]) || DEFAULT_REGION_ID;
	if (!accessKeyId) {
		throw new IotCredentialsError(`The credential has no ${F.accessKeyId.displayName}`);
	}
	if (!accessKeySecret) {
		throw new IotCredentialsError(`The credential has no ${F.accessKeySecret.displayName}`);
	}
	return {
		accessKeyId,
		accessKeySecret,
		securityToken: toggledText(data, F.temporaryCredentials, F.securityToken) || undefined,
		regionId,
		endpoint: resolveEndpoint(toggledText(data, F.customEndpoint, F.endpoint), regionId),
		maxRequestsPerSecond: resolveMaxRequestsPerSecond(data[F.maxRequestsPerSecond.name]),
		accountId: resolveAccountId(data[F.accountId.name]),
	};
}

function resolveAccountId(value: unknown): string | undefined {
	const accountId = text(value);
	if (!accountId) return undefined;
	// An account UID is a string of digits (e.g. 1234567890123456); anything else is a mix-up with an AccessKey ID or a name.
	if (!/^\d{1,32}$/.test(accountId)) {
		// Not echoed: a secret pasted into the wrong field must not reach an error.
		throw new IotCredentialsError(`${F.accountId.displayName} must be the Alibaba Cloud account's UID: digits only (e.g. 1234567890123456)`);
	}
	return accountId;
}

function resolveEndpoint(override: string, regionId: string): string {
	if (!override) {
		// The region goes into a host name: only known regions may.
		if (!isIotRegionId(regionId)) {
			throw new IotCredentialsError(
				`Region "${regionId}" is not an Alibaba Cloud IoT Platform region`,
			);
		}
		return regionEndpoint(regionId);
	}
	let url: URL;
	try {
		url = new URL(override);
	} catch {
		throw new IotCredentialsError(
			`Endpoint "${override}" is not a URL: use e.g. https://iot.cn-shanghai.aliyuncs.com`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new IotCredentialsError(
			`Endpoint "${override}" must start with https:// or http://`,
		);
	}
	if (url.username || url.password || url.search || url.hash) {
		throw new IotCredentialsError(
			'Endpoint must be a plain URL, without user info, query or fragment',
		);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function resolveMaxRequestsPerSecond(value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_MAX_REQUESTS_PER_SECOND;
	const rate = Number(value);
	// 0 turns the limiter off: only for endpoints without Alibaba's quota, such as a local emulator.
	if (!Number.isInteger(rate) || rate < 0 || rate > MAX_REQUESTS_PER_SECOND_CEILING) {
		throw new IotCredentialsError(
			`${F.maxRequestsPerSecond.displayName} must be a whole number from 0 (no limit) to ${MAX_REQUESTS_PER_SECOND_CEILING}, got "${String(value)}"`,
		);
	}
	return rate;
}
