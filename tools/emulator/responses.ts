// The three answer shapes of the live service (success, gateway error, business error), plus the
// broken answers fault injection needs, and how each is written to the socket.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import { GATEWAY_ERRORS, type GatewayErrorCode } from './gatewayErrors';

export const HOST_ID = 'iot.cn-shanghai.aliyuncs.com';
const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

/** What the emulator decided to answer, before latency is applied and it is written. */
export type Outcome =
	| { kind: 'json'; httpStatus: number; body: Record<string, unknown>; code?: string; headers?: Record<string, string> }
	| { kind: 'raw'; httpStatus: number; contentType: string; body: string; headers?: Record<string, string> }
	| { kind: 'destroy' }
	| { kind: 'hang' };

/** Alibaba RequestIds are upper-case UUIDs. */
export function newRequestId(): string {
	return randomUUID().toUpperCase();
}

export function success(fields: Record<string, unknown>): Outcome {
	return { kind: 'json', httpStatus: 200, body: { RequestId: newRequestId(), ...fields } };
}

/** `{RequestId, Message, Recommend, HostId, Code}`, in the key order the live gateway uses. */
export function gatewayErrorBody(code: string, message: string): Record<string, unknown> {
	const requestId = newRequestId();
	return {
		RequestId: requestId,
		Message: message,
		Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Iot&requestId=${requestId}`,
		HostId: HOST_ID,
		Code: code,
	};
}

/** A catalogued gateway error; `messageSuffix` is appended (e.g. the string to sign after SignatureDoesNotMatch). */
export function gatewayError(code: GatewayErrorCode, messageSuffix = '', headers?: Record<string, string>): Outcome {
	const spec = GATEWAY_ERRORS[code];
	return customGatewayError(spec.httpStatus, code, spec.message + messageSuffix, headers);
}

export function customGatewayError(
	httpStatus: number,
	code: string,
	message: string,
	headers?: Record<string, string>,
): Outcome {
	return { kind: 'json', httpStatus, code, body: gatewayErrorBody(code, message), headers };
}

/** A required parameter is absent: the gateway answers `Missing<Name>` before the service runs. */
export function missingParameter(name: string): Outcome {
	return customGatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`);
}

/** The IoT service's own errors come back with HTTP 200 and Success:false. */
export function businessError(code: string, errorMessage: string): Outcome {
	return {
		kind: 'json',
		httpStatus: 200,
		code,
		body: { RequestId: newRequestId(), Success: false, Code: code, ErrorMessage: errorMessage },
	};
}

export function outcomeStatus(outcome: Outcome): number {
	// A destroyed or hanging answer never completes, whatever headers went out first.
	return outcome.kind === 'json' || outcome.kind === 'raw' ? outcome.httpStatus : 0;
}

export function writeOutcome(res: ServerResponse, outcome: Outcome): void {
	switch (outcome.kind) {
		case 'json': {
			const body = Buffer.from(JSON.stringify(outcome.body));
			const requestId = String(outcome.body.RequestId ?? '');
			res.writeHead(outcome.httpStatus, {
				...outcome.headers,
				'content-type': JSON_CONTENT_TYPE,
				'content-length': String(body.length),
				'x-acs-request-id': requestId,
			});
			res.end(body);
			return;
		}
		case 'raw': {
			const body = Buffer.from(outcome.body);
			res.writeHead(outcome.httpStatus, {
				...outcome.headers,
				'content-type': outcome.contentType,
				'content-length': String(body.length),
			});
			res.end(body);
			return;
		}
		case 'destroy':
			writeHalfThenDestroy(res);
			return;
		case 'hang':
			return; // the socket stays open until the client gives up or the emulator closes
	}
}

/** A connection cut mid-body: headers promise more bytes than ever arrive. */
function writeHalfThenDestroy(res: ServerResponse): void {
	const body = Buffer.from(JSON.stringify({ RequestId: newRequestId(), Success: true, Total: 1, PageSize: 10 }));
	res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(body.length) });
	res.write(body.subarray(0, body.length >> 1), () => res.destroy());
}
