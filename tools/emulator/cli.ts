// Runs the emulator on its own:
// `npx tsx tools/emulator/cli.ts [--port N] [--qps N] [--latency MS] [--fleet-tick MS] [--quota-scope account|key]`,
// plus the serving-mode flags, `--fixtures FILE` and `--no-seed` of cliModeFlags.ts.
// Prints one JSON line (where it listens and how to sign in), then serves until SIGINT or SIGTERM.
import { modeOptions } from './cliModeFlags';
import { EMULATOR_INSTANCE_ID, EMULATOR_KEYS, FIXTURE_FIRMWARES, startEmulator } from './index';
import { checkQuotaScope, type QuotaScope } from './quotas';

function numericFlag(args: string[], name: string): number | undefined {
	const index = args.indexOf(name);
	if (index === -1) return undefined;
	const value = Number(args[index + 1]);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a non-negative number`);
	return value;
}

function quotaScopeFlag(args: string[]): QuotaScope | undefined {
	const index = args.indexOf('--quota-scope');
	return index === -1 ? undefined : checkQuotaScope(args[index + 1]);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const emulator = await startEmulator({
		port: numericFlag(args, '--port'),
		qps: numericFlag(args, '--qps'),
		latencyMs: numericFlag(args, '--latency'),
		fleetTickMs: numericFlag(args, '--fleet-tick'),
		...modeOptions(args),
		quotaScope: quotaScopeFlag(args),
	});
	process.stdout.write(
		JSON.stringify({
			url: emulator.url,
			accessKeyId: EMULATOR_KEYS.active.accessKeyId,
			accessKeySecret: EMULATOR_KEYS.active.accessKeySecret,
			/** A second RAM user of the same account: it shares the account's quotas. */
			sameAccount: EMULATOR_KEYS.sameAccount,
			iotInstanceId: EMULATOR_INSTANCE_ID,
			firmwareIds: FIXTURE_FIRMWARES,
		}) + '\n',
	);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
