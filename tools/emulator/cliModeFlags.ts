// The CLI flags for the serving modes and recorded fixtures, turned into EmulatorOptions.
import { loadFixtureFile } from './recordedFixtures';
import {
	validateEchoProxy,
	validateEnumSpelling,
	validateInstanceNotFoundCode,
	validateJobOrder,
	validateThrottleHint,
} from './servingModes';
import type { EmulatorOptions } from './types';

function flagValue(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	if (index === -1) return undefined;
	const value = args[index + 1];
	if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
	return value;
}

function checked<T>(args: string[], name: string, validate: (value: unknown) => T): T | undefined {
	const value = flagValue(args, name);
	if (value === undefined) return undefined;
	try {
		return validate(value);
	} catch (error) {
		throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/**
 * `--job-order newestFirst|oldestFirst`, `--enum-spelling documented|alternative`,
 * `--instance-not-found-code iot.system.InstanceNotFound|iot.Sre.IotInstanceNotFound`,
 * `--throttle-hint retryAfter|ratelimitUserApi|ratelimitUser|none`, `--echo-proxy html|text|json`
 * (with `--echo-status N`, default 403), `--fixtures FILE`, and `--no-seed` to serve only those fixtures.
 */
export function modeOptions(args: string[]): EmulatorOptions {
	const echoFormat = flagValue(args, '--echo-proxy');
	const echoStatus = flagValue(args, '--echo-status');
	const options: EmulatorOptions = {
		jobOrder: checked(args, '--job-order', validateJobOrder),
		enumSpelling: checked(args, '--enum-spelling', validateEnumSpelling),
		instanceNotFoundCode: checked(args, '--instance-not-found-code', validateInstanceNotFoundCode),
		throttleHint: checked(args, '--throttle-hint', validateThrottleHint),
		echoProxy:
			echoFormat === undefined
				? undefined
				: validateEchoProxy({ format: echoFormat, ...(echoStatus !== undefined && { httpStatus: Number(echoStatus) }) }),
	};
	if (args.includes('--no-seed')) options.seedFixtures = false;
	const fixturesFile = flagValue(args, '--fixtures');
	if (fixturesFile !== undefined) options.fixtures = loadFixtureFile(fixturesFile);
	return options;
}
