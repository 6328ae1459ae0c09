/**
 * What went wrong talking to Alibaba Cloud, in terms the node can act on.
 * Built only from sanitised fields: it never holds pop-core's error (whose message carries the signed URL).
 */
export type AlibabaErrorKind =
	| 'auth' // the credentials were refused (key, secret, token, clock)
	| 'permission' // the credentials were accepted, but their RAM policy does not allow the action
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
	/** The wait a throttled answer asks for (milliseconds), from its headers: see throttleHints.ts. */
	retryAfterMs?: number;
	/** The RPC action that was called, e.g. `ListOTAJobByFirmware`: a RAM hint names it. */
	action?: string;
	/** Whether the request may have been carried out; by default judged from kind and code. */
	outcomeUnknown?: boolean;
}

export class AlibabaApiError extends Error {
	readonly kind: AlibabaErrorKind;
	readonly code: string;
	readonly apiMessage: string;
	readonly requestId?: string;
	readonly httpStatus?: number;
	readonly retryAfterMs?: number;
	readonly action?: string;
	/**
	 * The request may have reached Alibaba and been carried out: no answer came, or one that does
	 * not prove it was refused. An action that changes the fleet is not sent again after this.
	 */
	readonly outcomeUnknown: boolean;
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
		this.action = fields.action;
		this.outcomeUnknown = fields.outcomeUnknown ?? isOutcomeUnknown(fields.kind, fields.code);
	}

	get retryable(): boolean {
		return RETRYABLE_KINDS.has(this.kind);
	}

	/** The same error, every field and the attempts kept, saying more (what to check before acting again). */
	withApiMessage(apiMessage: string): AlibabaApiError {
		const { kind, code, requestId, httpStatus, retryAfterMs, action, outcomeUnknown } = this;
		const error = new AlibabaApiError({ kind, code, apiMessage, requestId, httpStatus, retryAfterMs, action, outcomeUnknown });
		error.attempts = this.attempts;
		return error;
	}

	/**
	 * No Alibaba answer behind it (no connection, a timeout, a proxy's page): its code is this
	 * package's own, so the message alone, which names the endpoint, says what happened.
	 */
	get local(): boolean {
		return NO_ANSWER_KINDS.has(this.kind) || this.code === FOREIGN_ANSWER_CODE;
	}
}

/** No HTTP answer at all; a proxy's page (invalidResponse, or a throttle when it is a 429) has FOREIGN_ANSWER_CODE. */
const NO_ANSWER_KINDS = new Set<AlibabaErrorKind>(['network', 'timeout']);

/** The code given to an answer that is not Alibaba's JSON (a proxy's or gateway's page). */
export const FOREIGN_ANSWER_CODE = 'InvalidResponse';

const RETRYABLE_KINDS = new Set<AlibabaErrorKind>([
	'throttling',
	'server',
	'network',
	'timeout',
	'invalidResponse',
]);

/**
 * The three ways Alibaba says "this RAM user may not call this action" (docs/alibaba-api.md, E): the gateway's
 * `Forbidden.RAM` (seen with HTTP 400 and 403) and `NoPermission` (403), and the IoT service's own
 * business code (HTTP 200, `Success: false`).
 */
const RAM_DENIAL_CODES = new Set(['Forbidden.RAM', 'NoPermission', 'iot.common.RamActionPermissionDeny']);

/** Server-side codes the gateway answers before the action runs: the request was not carried out. */
const NOT_PROCESSED_SERVER_CODES = new Set(['ServiceUnavailable', 'SignatureNonceUsed']);

/**
 * A refusal (throttling, auth, business error) proves nothing happened; so does a gateway that was
 * unavailable. A timeout, a proxy's page or an internal error does not: the action may have run.
 */
function isOutcomeUnknown(kind: AlibabaErrorKind, code: string): boolean {
	if (kind === 'timeout' || kind === 'invalidResponse' || kind === 'network') return true;
	if (kind === 'server') return !NOT_PROCESSED_SERVER_CODES.has(code);
	return false;
}

/** Codes that mean "these credentials (or their RAM policy) are not accepted", from Alibaba's error codes (docs/alibaba-api.md, E). */
const AUTH_CODE_PATTERNS = [
	/^InvalidAccessKeyId(\.|$)/,
	/^SignatureDoesNotMatch$/,
	/^InvalidSecurityToken(\.|$)/,
	/^MissingSecurityToken$/,
	/^Forbidden(\.|$)/,
	/^InvalidTimeStamp(\.|$)/, // the local clock is off by more than 15 minutes
];

/**
 * A missing or wrong `IotInstanceId`: some instances answer with one code, others with the other.
 * Both contain "NotFound", which n8n would swap for its ENOTFOUND sentence (see helpers/nodeErrors).
 */
const INSTANCE_NOT_FOUND_CODES = new Set(['iot.system.InstanceNotFound', 'iot.Sre.IotInstanceNotFound']);

export function isInstanceNotFoundCode(code: string): boolean {
	return INSTANCE_NOT_FOUND_CODES.has(code);
}

const SERVER_CODES = new Set(['ServiceUnavailable', 'InternalError', 'iot.system.SystemException']);

/** Alibaba says to classify by Code, not by HTTP status (throttling comes as 400 or 429). */
export function classifyErrorCode(code: string, httpStatus?: number): AlibabaErrorKind {
	if (code.startsWith('Throttling')) return 'throttling';
	if (RAM_DENIAL_CODES.has(code)) return 'permission';
	if (AUTH_CODE_PATTERNS.some((pattern) => pattern.test(code))) return 'auth';
	if (SERVER_CODES.has(code)) return 'server';
	// A reused nonce is a collision on our side; the next attempt draws a fresh one.
	if (code === 'SignatureNonceUsed') return 'server';
	if (httpStatus === TOO_MANY_REQUESTS) return 'throttling';
	if (httpStatus !== undefined && httpStatus >= 500) return 'server';
	return 'business';
}

/** HTTP's own "slow down" (RFC 6585), whatever code or page comes with it: a gateway's or a proxy's quota. */
const TOO_MANY_REQUESTS = 429;

/** What an answer that is not Alibaba's JSON says: a 429 page is a throttle, anything else a bad answer. */
export function kindOfForeignAnswer(httpStatus: number | undefined): AlibabaErrorKind {
	return httpStatus === TOO_MANY_REQUESTS ? 'throttling' : 'invalidResponse';
}
