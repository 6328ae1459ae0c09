/**
 * What went wrong talking to Alibaba Cloud, in terms the node can act on.
 * Built only from sanitised fields: it never holds pop-core's error (whose message carries the signed URL).
 */
export type AlibabaErrorKind =
	| 'auth' // the credentials or their permissions were refused
	| 'throttling' // over the API's QPS quota
	| 'server' // Alibaba's side failed (5xx, InternalError, ServiceUnavailable)
	| 'business' // the request was understood and refused (unknown firmware, bad page params, ...)
	| 'network' // no HTTP answer: refused, reset, DNS
	| 'timeout'
	| 'invalidResponse'; // an answer that is not Alibaba JSON, e.g. a proxy's HTML 502 page

interface AlibabaApiErrorFields {
	kind: AlibabaErrorKind;
	code: string;
	apiMessage: string;
	requestId?: string;
	httpStatus?: number;
	/** From the `x-acs-retry-after` header (milliseconds), on throttled answers. */
	retryAfterMs?: number;
}

export class AlibabaApiError extends Error {
	readonly kind: AlibabaErrorKind;
	readonly code: string;
	readonly apiMessage: string;
	readonly requestId?: string;
	readonly httpStatus?: number;
	readonly retryAfterMs?: number;
	/** How many requests were made before giving up (set by the retry loop). */
	attempts = 1;

	constructor(fields: AlibabaApiErrorFields) {
		super(`${fields.code}: ${fields.apiMessage}`);
		this.name = 'AlibabaApiError';
		this.kind = fields.kind;
		this.code = fields.code;
		this.apiMessage = fields.apiMessage;
		this.requestId = fields.requestId;
		this.httpStatus = fields.httpStatus;
		this.retryAfterMs = fields.retryAfterMs;
	}

	get retryable(): boolean {
		return RETRYABLE_KINDS.has(this.kind);
	}
}

const RETRYABLE_KINDS = new Set<AlibabaErrorKind>([
	'throttling',
	'server',
	'network',
	'timeout',
	'invalidResponse',
]);

/** Codes that mean "these credentials (or their RAM policy) are not accepted", from NOTES.md. */
const AUTH_CODE_PATTERNS = [
	/^InvalidAccessKeyId(\.|$)/,
	/^SignatureDoesNotMatch$/,
	/^InvalidSecurityToken(\.|$)/,
	/^MissingSecurityToken$/,
	/^Forbidden(\.|$)/,
	/^InvalidTimeStamp(\.|$)/, // the local clock is off by more than 15 minutes
	/^iot\.common\.RamActionPermissionDeny$/,
];

const SERVER_CODES = new Set(['ServiceUnavailable', 'InternalError', 'iot.system.SystemException']);

/** Alibaba says to classify by Code, not by HTTP status (throttling comes as 400 or 429). */
export function classifyErrorCode(code: string, httpStatus?: number): AlibabaErrorKind {
	if (code.startsWith('Throttling')) return 'throttling';
	if (AUTH_CODE_PATTERNS.some((pattern) => pattern.test(code))) return 'auth';
	if (SERVER_CODES.has(code)) return 'server';
	// A reused nonce is a collision on our side; the next attempt draws a fresh one.
	if (code === 'SignatureNonceUsed') return 'server';
	if (httpStatus !== undefined && httpStatus >= 500) return 'server';
	return 'business';
}
