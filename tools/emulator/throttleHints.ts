// How a throttled answer carries its wait. The live service has used three headers:
// - `x-acs-retry-after: <ms>`: what Alibaba's `aliyun` CLI honours, and what aliyun/darabonba-openapi
//   reads since "fix: detect throttling by x-acs-retry-after header" (#283, ts/src/utils.ts).
// - `x-ratelimit-user-api` and `x-ratelimit-user`: what aliyun/darabonba-openapi read before that
//   (ts/src/utils.ts `getThrottlingTimeLeft`, e.g. at cb1d2ae "support error detail && retry for
//   throttling" #274): comma-separated `Key:Value` pairs, of which only `TimeLeft` (milliseconds) is read,
//   the larger of the two headers winning. Its own tests send exactly
//   `Limit:1,Remain:0,TimeLeft:2000,Reset:1234` (cpp/tests/test_utils.cpp) and, per header,
//   `X-RateLimit-User: Limit:1,Remain:0,TimeLeft:1000,Reset:1000` (golang/client/client_test.go, 3a7a8c2).
// What Limit and Reset mean is not documented: the emulator sends the action's documented quota as
// Limit, 0 as Remain, and Reset equal to TimeLeft as the Go SDK's test does.
import { gatewayError, type Outcome } from './responses';
import type { ThrottleHintStyle } from './servingModes';

/** The documented quota of the OTA actions: 10 requests per second per account for most of them (docs/alibaba-api.md). */
const DOCUMENTED_QUOTA = 10;

/** `Limit:<quota>,Remain:0,TimeLeft:<ms>,Reset:<ms>`, the value format of both x-ratelimit-user* headers. */
export function rateLimitHeaderValue(waitMs: number, limit = DOCUMENTED_QUOTA): string {
	const ms = Math.max(0, Math.round(waitMs));
	return `Limit:${limit},Remain:0,TimeLeft:${ms},Reset:${ms}`;
}

export function throttleHintHeaders(style: ThrottleHintStyle, waitMs: number): Record<string, string> {
	switch (style) {
		case 'retryAfter':
			return { 'x-acs-retry-after': String(Math.max(0, Math.round(waitMs))) };
		case 'ratelimitUserApi':
			return { 'x-ratelimit-user-api': rateLimitHeaderValue(waitMs) };
		case 'ratelimitUser':
			return { 'x-ratelimit-user': rateLimitHeaderValue(waitMs) };
		case 'none':
			return {};
	}
}

/** The gateway's flow-control answer, its wait told in `style`. */
export function throttledAnswer(waitMs: number, style: ThrottleHintStyle): Outcome {
	return gatewayError('Throttling.User', '', throttleHintHeaders(style, waitMs));
}
