// The gateway's checks on every RPC request, in the order the live gateway reports them: the first
// failing check decides the answer. A request that passes is authenticated as its AccessKeyId.
import { ACCESS_KEYS, SECURITY_TOKENS, STS_KEY_PREFIX } from './accounts';
import type { NonceRegistry } from './nonces';
import { gatewayRamDenial } from './ramDenials';
import { gatewayError, missingParameter, type Outcome } from './responses';
import { signaturesMatch, signStringToSign, stringToSign } from './signature';
import type { V3Request } from './signatureV3';

export const API_VERSION = '2018-01-20';
export const DEFAULT_TIMESTAMP_WINDOW_MS = 15 * 60 * 1000;

/** Present on every signed RPC request (Alibaba doc 30561). Format and SecurityToken are checked separately. */
const REQUIRED_COMMON_PARAMS = [
	'Action',
	'Version',
	'AccessKeyId',
	'Timestamp',
	'SignatureMethod',
	'SignatureVersion',
	'SignatureNonce',
	'Signature',
] as const;

/** A V3 request carries these in headers (read into params by readV3Request) and signs in Authorization. */
const REQUIRED_V3_PARAMS = ['Action', 'Version', 'AccessKeyId', 'Timestamp', 'SignatureNonce'] as const;

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export interface AuthContext {
	isKnownAction(action: string): boolean;
	nonces: NonceRegistry;
	timestampWindowMs: number;
	/** Wall-clock now, ms since epoch. */
	now: number;
	/** Set when the request is signed with signature V3 (Authorization: ACS3-HMAC-SHA256 …). */
	v3?: V3Request;
}

export type AuthResult = { ok: true; accessKeyId: string } | { ok: false; outcome: Outcome };

export function authenticate(method: string, params: Record<string, string>, context: AuthContext): AuthResult {
	const failure =
		checkRequiredParams(params, context.v3 ? REQUIRED_V3_PARAMS : REQUIRED_COMMON_PARAMS) ??
		checkFormat(params) ??
		(context.v3 ? undefined : checkSignatureAlgorithm(params)) ??
		checkVersion(params) ??
		checkAction(params, context) ??
		checkTimestamp(params, context) ??
		checkAccessKey(params) ??
		checkSecurityToken(params) ??
		(context.v3 ? checkV3Signature(params, context.v3) : checkSignature(method, params)) ??
		checkNonce(params, context) ??
		checkRamPolicy(params);
	return failure ? { ok: false, outcome: failure } : { ok: true, accessKeyId: params.AccessKeyId };
}

function checkRequiredParams(params: Record<string, string>, required: readonly string[]): Outcome | undefined {
	// An empty value is as good as none to the gateway.
	const missing = required.find((name) => !params[name]);
	return missing ? missingParameter(missing) : undefined;
}

/** Without Format the live service answers XML, which no JSON client can read: treat both alike. */
function checkFormat(params: Record<string, string>): Outcome | undefined {
	return params.Format?.toUpperCase() === 'JSON' ? undefined : gatewayError('InvalidParameter.Format');
}

function checkSignatureAlgorithm(params: Record<string, string>): Outcome | undefined {
	if (params.SignatureMethod !== 'HMAC-SHA1') return gatewayError('InvalidSignatureMethod');
	if (params.SignatureVersion !== '1.0') return gatewayError('InvalidSignatureVersion');
	return undefined;
}

function checkVersion(params: Record<string, string>): Outcome | undefined {
	return params.Version === API_VERSION ? undefined : gatewayError('InvalidVersion');
}

function checkAction(params: Record<string, string>, context: AuthContext): Outcome | undefined {
	return context.isKnownAction(params.Action) ? undefined : gatewayError('InvalidAction.NotFound');
}

function checkTimestamp(params: Record<string, string>, context: AuthContext): Outcome | undefined {
	const timestampMs = parseTimestamp(params.Timestamp);
	if (timestampMs === undefined) return gatewayError('InvalidTimeStamp.Format');
	// Skew either way counts: a client clock running fast is as wrong as one running slow.
	if (Math.abs(context.now - timestampMs) > context.timestampWindowMs) return gatewayError('InvalidTimeStamp.Expired');
	return undefined;
}

/** `YYYY-MM-DDTHH:mm:ssZ` exactly (no milliseconds, no offset), and a real calendar date. */
export function parseTimestamp(text: string): number | undefined {
	const match = TIMESTAMP_PATTERN.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const date = new Date(ms);
	const roundTrips =
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		date.getUTCHours() === hour &&
		date.getUTCMinutes() === minute &&
		date.getUTCSeconds() === second;
	return roundTrips ? ms : undefined;
}

function checkAccessKey(params: Record<string, string>): Outcome | undefined {
	const key = ACCESS_KEYS.get(params.AccessKeyId);
	if (!key) return gatewayError('InvalidAccessKeyId.NotFound');
	if (!key.active) return gatewayError('InvalidAccessKeyId.Inactive');
	return undefined;
}

function checkSecurityToken(params: Record<string, string>): Outcome | undefined {
	if (!params.AccessKeyId.startsWith(STS_KEY_PREFIX)) return undefined;
	if (!params.SecurityToken) return gatewayError('MissingSecurityToken');
	const token = SECURITY_TOKENS.get(params.SecurityToken);
	if (!token) return gatewayError('InvalidSecurityToken.Malformed');
	if (token.accessKeyId !== params.AccessKeyId) return gatewayError('InvalidSecurityToken.MismatchWithAccessKey');
	if (token.expired) return gatewayError('InvalidSecurityToken.Expired');
	return undefined;
}

/** The live gateway echoes its whole string to sign (AccessKeyId and SecurityToken included) in the Message. */
function checkSignature(method: string, params: Record<string, string>): Outcome | undefined {
	const secret = ACCESS_KEYS.get(params.AccessKeyId)?.accessKeySecret ?? '';
	const serverStringToSign = stringToSign(method, params);
	const expected = signStringToSign(serverStringToSign, secret);
	return signaturesMatch(expected, params.Signature) ? undefined : gatewayError('SignatureDoesNotMatch', serverStringToSign);
}

function checkV3Signature(params: Record<string, string>, v3: V3Request): Outcome | undefined {
	const secret = ACCESS_KEYS.get(params.AccessKeyId)?.accessKeySecret ?? '';
	const { ok, stringToSign: serverStringToSign } = v3.verify(secret);
	return ok ? undefined : gatewayError('SignatureDoesNotMatch', serverStringToSign);
}

/** Checked after the signature, so only a genuinely signed request uses up its nonce. */
function checkNonce(params: Record<string, string>, context: AuthContext): Outcome | undefined {
	return context.nonces.claim(params.AccessKeyId, params.SignatureNonce, context.now)
		? undefined
		: gatewayError('SignatureNonceUsed');
}

function checkRamPolicy(params: Record<string, string>): Outcome | undefined {
	if (!ACCESS_KEYS.get(params.AccessKeyId)?.ramDeniesAll) return undefined;
	return gatewayRamDenial(params.AccessKeyId) ?? gatewayError('Forbidden.RAM');
}
