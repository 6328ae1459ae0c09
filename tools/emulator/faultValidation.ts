// Checks faults and fault modes given in code or as JSON (the control API), so a typo fails loudly
// instead of a fault that never fires.
import { validateEchoProxy, validateThrottleHint } from './servingModes';
import type { FaultMode, InjectedFault } from './types';

export function validateInjectedFault(value: unknown): InjectedFault {
	if (!isObject(value) || !isObject(value.respond)) throw new Error('fault needs a "respond" object');
	const times = value.times === 'Infinity' ? Infinity : value.times;
	if (times !== undefined && (typeof times !== 'number' || !(times >= 1) || (!Number.isInteger(times) && times !== Infinity))) {
		throw new Error('"times" must be a positive integer or Infinity');
	}
	optionalString(value, 'action');
	optionalString(value, 'accessKeyId');
	if (value.afterCarryingOut !== undefined && typeof value.afterCarryingOut !== 'boolean') {
		throw new Error('"afterCarryingOut" must be a boolean');
	}
	const respond = value.respond;
	switch (respond.kind) {
		case 'gateway':
			requireNumber(respond, 'httpStatus');
			requireString(respond, 'code');
			requireString(respond, 'message');
			if (respond.headers !== undefined && !isObject(respond.headers)) throw new Error('"headers" must be an object');
			break;
		case 'business':
			requireString(respond, 'code');
			requireString(respond, 'errorMessage');
			break;
		case 'raw':
			requireNumber(respond, 'httpStatus');
			requireString(respond, 'contentType');
			requireString(respond, 'body');
			break;
		case 'destroy':
		case 'hang':
			break;
		case 'throttle':
			if (typeof respond.waitMs !== 'number' || !Number.isFinite(respond.waitMs) || respond.waitMs < 0) {
				throw new Error('"waitMs" must be a non-negative number');
			}
			if (respond.hint !== undefined) validateThrottleHint(respond.hint);
			break;
		case 'echo':
			validateEchoProxy(respond);
			break;
		default:
			throw new Error('respond.kind must be gateway, business, raw, destroy, hang, throttle or echo');
	}
	return { ...(value as unknown as InjectedFault), times: times as number | undefined };
}

export function validateFaultMode(value: unknown): FaultMode {
	if (!isObject(value)) throw new Error('mode must be an object');
	switch (value.mode) {
		case 'lostAnswers':
			if (value.actions !== undefined && !(Array.isArray(value.actions) && value.actions.every((a) => typeof a === 'string'))) {
				throw new Error('"actions" must be a list of action names');
			}
		// falls through: a rate and a seed, as the other random modes
		case 'flaky':
		case 'throttleStorm':
			if (typeof value.rate !== 'number' || !(value.rate >= 0 && value.rate <= 1)) throw new Error('"rate" must be from 0 to 1');
			if (value.seed !== undefined) requireNumber(value, 'seed');
			break;
		case 'shiftingPages':
			if (value.afterRequests !== undefined && !(Number.isInteger(value.afterRequests) && (value.afterRequests as number) >= 0)) {
				throw new Error('"afterRequests" must be a non-negative integer');
			}
			break;
		default:
			throw new Error('mode must be flaky, throttleStorm, shiftingPages or lostAnswers');
	}
	return value as unknown as FaultMode;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(object: Record<string, unknown>, key: string): void {
	if (typeof object[key] !== 'string') throw new Error(`"${key}" must be a string`);
}

function optionalString(object: Record<string, unknown>, key: string): void {
	if (object[key] !== undefined) requireString(object, key);
}

function requireNumber(object: Record<string, unknown>, key: string): void {
	if (typeof object[key] !== 'number' || !Number.isFinite(object[key])) throw new Error(`"${key}" must be a number`);
}
