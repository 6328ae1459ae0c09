// What one RPC request gets, decided in the live service's order: (a proxy in front, when one is set,)
// gateway checks, flow control, then (for tests) forced faults, then the service and its action.
import { ACTIONS, type ActionContext } from './actions/registry';
import { authenticate } from './auth';
import type { V3Request } from './signatureV3';
import { echoAnswer } from './echoProxy';
import type { FaultInjector } from './faults';
import type { FirmwareStore } from './firmwareStore';
import type { JobRegistry } from './jobRegistry';
import type { NonceRegistry } from './nonces';
import { OSS_PATH, type OssUploads } from './oss/ossUploads';
import { serviceRamDenial } from './ramDenials';
import type { RateLimiter } from './rateLimit';
import { gatewayError, type Outcome } from './responses';
import type { ServingModes } from './servingModes';
import { throttledAnswer } from './throttleHints';
import { applyWireModes } from './wireModes';

export interface EmulatorParts {
	firmwares: FirmwareStore;
	jobs: JobRegistry;
	limiter: RateLimiter;
	faults: FaultInjector;
	nonces: NonceRegistry;
	oss: OssUploads;
	timestampWindowMs: number;
	modes: ServingModes;
}

export interface ApiRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	/** The full URL as received (`http://host/path?query`) and a POST's body: what an echoing proxy repeats. */
	url: string;
	body: string;
	/** Wall clock (ms since epoch), for Timestamp and nonces. */
	receivedAt: number;
	/** Monotonic clock (ms), for flow control. */
	receivedAtMonotonic: number;
	/** Set for a request signed with signature V3: its params came from headers and query. */
	v3?: V3Request;
	/** Set by decide() once flow control has let the request through (for the stats). */
	admitted?: boolean;
}

export interface Decision {
	outcome: Outcome;
	/** Set when a fault (injected or mode) decided the answer. */
	fault?: string;
}

export function decide(request: ApiRequest, parts: EmulatorParts): Decision {
	const echo = parts.modes.echoProxy;
	if (echo) return { outcome: echoAnswer(echo.format, echo.httpStatus, request), fault: 'echoProxy' };
	if (request.method !== 'GET' && request.method !== 'POST') return { outcome: gatewayError('UnsupportedHTTPMethod') };
	if (request.path !== '/') return { outcome: gatewayError('InvalidUrl.NotFound') };

	const auth = authenticate(request.method, request.params, {
		isKnownAction: (action) => ACTIONS.has(action),
		nonces: parts.nonces,
		timestampWindowMs: parts.timestampWindowMs,
		now: request.receivedAt,
		v3: request.v3,
	});
	if (!auth.ok) return { outcome: auth.outcome };

	const retryAfterMs = parts.limiter.admit(auth.accessKeyId, request.receivedAtMonotonic, request.params.Action);
	if (retryAfterMs > 0) {
		return { outcome: throttledAnswer(retryAfterMs, parts.modes.throttleHint) };
	}

	request.admitted = true;

	const action = request.params.Action;
	const forcing = { throttleHint: parts.modes.throttleHint, request };
	const forced = parts.faults.forcedAnswer(action, auth.accessKeyId, forcing);
	if (forced) return forced;
	const denied = serviceRamDenial(auth.accessKeyId);
	if (denied) return { outcome: denied };

	const handler = ACTIONS.get(action);
	// authenticate() already rejected unknown actions; this keeps the types honest.
	if (!handler) return { outcome: gatewayError('InvalidAction.NotFound') };
	const context: ActionContext = {
		firmwares: parts.firmwares,
		jobs: parts.jobs,
		beforeListingJobs: (fixture) => parts.faults.beforeListingJobs(fixture),
		oss: parts.oss,
		ossHost: `${new URL(request.url).origin}${OSS_PATH}`,
	};
	const outcome = applyWireModes(handler(request.params, context, request.method), parts.modes);
	return parts.faults.lostAnswer(action, auth.accessKeyId, forcing) ?? { outcome };
}
