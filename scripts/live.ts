/**
 * `npm run live [-- --record DIR]`: checks, against your own Alibaba Cloud account, every assumption
 * this package makes about the IoT Platform API where Alibaba's docs are silent or ambiguous, and
 * prints one line per assumption: `agrees`, `differs: <what was seen>` or `not seen`.
 * Read-only calls (ListOTAFirmware, ListOTAJobByFirmware), at most 2 per second. Exit code 0 when
 * nothing differs, 1 when something does, 2 without credentials.
 */
import { formatLine } from './live/assumptions';
import { runLiveCheck } from './live/check';
import { MISSING_CREDENTIALS_SENTENCE, readLiveConfig } from './live/config';
import { writeRecording } from './live/record';

async function main(): Promise<number> {
	const config = readLiveConfig(process.env, process.argv.slice(2));
	if (!config) {
		console.error(MISSING_CREDENTIALS_SENTENCE);
		return 2;
	}
	const endpoint = String(config.credential.endpoint || `the ${String(config.credential.regionId)} endpoint`);
	console.log(`Live check of n8n-nodes-alibabacloud-iot against ${endpoint}:`);
	const result = await runLiveCheck(config);
	for (const line of result.lines) console.log(formatLine(line));
	if (config.recordDir) {
		const files = writeRecording(config.recordDir, result, config.credential);
		console.log(`Recorded (anonymised): ${files.join(', ')}`);
	}
	return result.lines.some((line) => line.verdict === 'differs') ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exitCode = 1;
	},
);
