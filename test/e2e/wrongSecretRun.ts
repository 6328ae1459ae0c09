// A run with a wrong AccessKey Secret: it must fail with Alibaba's code, and the secret must not
// leak into the CLI's output or n8n's log file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

import type { Checks } from './checks';
import type { N8nCli } from '../../tools/n8n/n8nCli';
import { n8nLogFile } from '../../tools/n8n/n8nEnv';
import type { CliRun } from './runData';

export function readN8nLog(userFolder: string): string {
	const file = n8nLogFile(userFolder);
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export async function runWrongSecretWorkflow(
	checks: Checks,
	cli: N8nCli,
	workflowId: string,
	secrets: { wrong: string; working: string },
): Promise<void> {
	checks.section('Wrong AccessKey Secret');
	const failed = await cli.execute(workflowId);
	const output = failed.stdout + failed.stderr;
	await checks.check('n8n execute exits 1', () => assert.equal(failed.code, 1, output.slice(-2000)));
	await checks.check('the output shows the Alibaba code SignatureDoesNotMatch', () => {
		assert.match(output, /SignatureDoesNotMatch/);
		const message = (failed.run as CliRun | undefined)?.data?.resultData?.error?.message ?? '';
		assert.match(message, /SignatureDoesNotMatch/, `run error message: ${message}`);
	});
	await checks.check('the wrong secret appears nowhere in stdout or stderr', () => {
		assert.ok(!output.includes(secrets.wrong), 'the secret is in the CLI output');
	});
	await checks.check("the wrong secret appears nowhere in n8n's log file", () => {
		const log = readN8nLog(cli.userFolder);
		assert.ok(log.includes('SignatureDoesNotMatch'), 'the log file does not cover the failed run');
		assert.ok(!log.includes(secrets.wrong), 'the secret is in the log file');
	});
	await checks.check('the working secret appears nowhere in the log file either', () => {
		assert.ok(!readN8nLog(cli.userFolder).includes(secrets.working));
	});
}
