// The ways the live service says "this RAM user may not call this action" (docs/alibaba-api.md, E): the
// gateway's Forbidden.RAM (seen with HTTP 403 and with 400), its NoPermission (403), and the IoT
// service's own business code iot.common.RamActionPermissionDeny (HTTP 200, Success:false).
import { EMULATOR_KEYS } from './accounts';
import { businessError, customGatewayError, type Outcome } from './responses';
import type { InjectedResponse } from './types';

const FORBIDDEN_RAM_MESSAGE = "User not authorized to operate on the specified resource, or this API doesn't support RAM.";
/** Alibaba's usual NoPermission text; unconfirmed for the IoT endpoint. */
const NO_PERMISSION_MESSAGE = 'You are not authorized to do this action. You should be authorized by RAM.';
/** From the IoT Platform's error-code list. */
const RAM_BUSINESS_DENY_MESSAGE = 'You do not have the RAM permission to access the resource.';

/** Each denial as an injectable answer, so `inject({respond: RAM_DENIALS.noPermission})` serves it once. */
export const RAM_DENIALS = {
	forbiddenRam403: { kind: 'gateway', httpStatus: 403, code: 'Forbidden.RAM', message: FORBIDDEN_RAM_MESSAGE },
	forbiddenRam400: { kind: 'gateway', httpStatus: 400, code: 'Forbidden.RAM', message: FORBIDDEN_RAM_MESSAGE },
	noPermission: { kind: 'gateway', httpStatus: 403, code: 'NoPermission', message: NO_PERMISSION_MESSAGE },
	ramBusinessDeny: { kind: 'business', code: 'iot.common.RamActionPermissionDeny', errorMessage: RAM_BUSINESS_DENY_MESSAGE },
} as const satisfies Record<string, InjectedResponse>;

/** The gateway's denials, by the key that gets them (checked with the other gateway checks). */
type GatewayDenial = InjectedResponse & { kind: 'gateway' };
const GATEWAY_DENIAL_BY_KEY: ReadonlyMap<string, GatewayDenial> = new Map<string, GatewayDenial>([
	[EMULATOR_KEYS.ramDenied.accessKeyId, RAM_DENIALS.forbiddenRam403],
	[EMULATOR_KEYS.ramDenied400.accessKeyId, RAM_DENIALS.forbiddenRam400],
	[EMULATOR_KEYS.ramNoPermission.accessKeyId, RAM_DENIALS.noPermission],
]);

export function gatewayRamDenial(accessKeyId: string): Outcome | undefined {
	const denial = GATEWAY_DENIAL_BY_KEY.get(accessKeyId);
	return denial && customGatewayError(denial.httpStatus, denial.code, denial.message);
}

/** The IoT service's own denial: it comes after flow control, from the service, not the gateway. */
export function serviceRamDenial(accessKeyId: string): Outcome | undefined {
	if (accessKeyId !== EMULATOR_KEYS.ramBusinessDeny.accessKeyId) return undefined;
	return businessError(RAM_DENIALS.ramBusinessDeny.code, RAM_DENIALS.ramBusinessDeny.errorMessage);
}
