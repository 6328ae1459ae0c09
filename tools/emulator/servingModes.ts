// The live service's variations the emulator can serve, one switch each: what a client must cope with
// that Alibaba's docs leave open. Each setter, control route and CLI flag checks its value here.

/** The order a firmware's jobs are listed in. No public source says which the live service uses. */
export type JobOrder = 'newestFirst' | 'oldestFirst';
/** Per firmware: 'asGiven' serves explicit jobs in the order given (recorded answers), never re-sorted. */
export type FirmwareJobOrder = JobOrder | 'asGiven';

/** 'documented' serves COMPLETED / VERIFY_FIRMWARE; 'alternative' the spellings of the English docs and SDKs. */
export type EnumSpelling = 'documented' | 'alternative';

/** Some instances answer a missing or wrong IotInstanceId with one code, others with the other. */
export type InstanceNotFoundCode = 'iot.system.InstanceNotFound' | 'iot.Sre.IotInstanceNotFound';

/** How a throttled answer says how long to wait (see throttleHints.ts for the formats). */
export type ThrottleHintStyle = 'retryAfter' | 'ratelimitUserApi' | 'ratelimitUser' | 'none';

/** A misconfigured proxy or WAF that answers instead of Alibaba, echoing the request back. */
export type EchoFormat = 'html' | 'text' | 'json';
export interface EchoProxyMode {
	format: EchoFormat;
	/** Default 403. */
	httpStatus?: number;
}

export interface ServingModes {
	enumSpelling: EnumSpelling;
	instanceNotFoundCode: InstanceNotFoundCode;
	throttleHint: ThrottleHintStyle;
	/** When set, every API request gets the proxy's echo instead of reaching the gateway. */
	echoProxy: EchoProxyMode | undefined;
}

export const JOB_ORDERS: readonly JobOrder[] = ['newestFirst', 'oldestFirst'];
export const FIRMWARE_JOB_ORDERS: readonly FirmwareJobOrder[] = [...JOB_ORDERS, 'asGiven'];
export const ENUM_SPELLINGS: readonly EnumSpelling[] = ['documented', 'alternative'];
export const INSTANCE_NOT_FOUND_CODES: readonly InstanceNotFoundCode[] = ['iot.system.InstanceNotFound', 'iot.Sre.IotInstanceNotFound'];
export const THROTTLE_HINT_STYLES: readonly ThrottleHintStyle[] = ['retryAfter', 'ratelimitUserApi', 'ratelimitUser', 'none'];
export const ECHO_FORMATS: readonly EchoFormat[] = ['html', 'text', 'json'];

export const DEFAULT_ECHO_STATUS = 403;

function oneOf<T extends string>(allowed: readonly T[], name: string): (value: unknown) => T {
	return (value) => {
		if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
		throw new Error(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
	};
}

export const validateJobOrder = oneOf(JOB_ORDERS, 'job order');
export const validateFirmwareJobOrder = oneOf(FIRMWARE_JOB_ORDERS, 'order');
export const validateEnumSpelling = oneOf(ENUM_SPELLINGS, 'enum spelling');
export const validateInstanceNotFoundCode = oneOf(INSTANCE_NOT_FOUND_CODES, 'instance-not-found code');
export const validateThrottleHint = oneOf(THROTTLE_HINT_STYLES, 'throttle hint');
export const validateEchoFormat = oneOf(ECHO_FORMATS, 'echo format');

export function validateEchoProxy(value: unknown): EchoProxyMode {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('echo proxy must be an object {format, httpStatus?}');
	const { format, httpStatus } = value as Record<string, unknown>;
	if (httpStatus !== undefined && !(Number.isInteger(httpStatus) && (httpStatus as number) >= 100 && (httpStatus as number) <= 599)) {
		throw new Error('echo proxy "httpStatus" must be an HTTP status from 100 to 599');
	}
	return { format: validateEchoFormat(format), ...(httpStatus !== undefined && { httpStatus: httpStatus as number }) };
}

export function initialServingModes(options: {
	enumSpelling?: EnumSpelling;
	instanceNotFoundCode?: InstanceNotFoundCode;
	throttleHint?: ThrottleHintStyle;
	echoProxy?: EchoProxyMode;
}): ServingModes {
	return {
		enumSpelling: options.enumSpelling === undefined ? 'documented' : validateEnumSpelling(options.enumSpelling),
		instanceNotFoundCode:
			options.instanceNotFoundCode === undefined ? 'iot.system.InstanceNotFound' : validateInstanceNotFoundCode(options.instanceNotFoundCode),
		throttleHint: options.throttleHint === undefined ? 'retryAfter' : validateThrottleHint(options.throttleHint),
		echoProxy: options.echoProxy === undefined ? undefined : validateEchoProxy(options.echoProxy),
	};
}
