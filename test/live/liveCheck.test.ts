// `npm run live` against the emulator (endpoint override), so the script cannot rot: every line
// agrees with the emulator's documented defaults, the order and spelling lines report what the
// emulator's other modes serve, a recording is served back by the emulator, and without
// credentials the CLI exits 2 with its sentence.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { formatLine, type LiveLine } from '../../scripts/live/assumptions';
import { runLiveCheck } from '../../scripts/live/check';
import { MISSING_CREDENTIALS_SENTENCE, type LiveConfig } from '../../scripts/live/config';
import { writeRecording } from '../../scripts/live/record';
import { EMULATOR_INSTANCE_ID, EMULATOR_KEYS, FIXTURE_FIRMWARES, FIXTURE_PRODUCTS, loadFixtureFile, type Emulator } from '../../tools/emulator';
import { credentialFor } from '../support/alibabaNode';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator();
const run = promisify(execFile);

const ASSUMPTIONS = [
	'credential Test',
	'ListOTAFirmware shape',
	'ListOTAJobByFirmware shape',
	'Data wrapping',
	'job field types',
	'Tags wrapping',
	'page size 200 accepted',
	'page arithmetic',
	'list order',
	'JobStatus spellings',
	'JobType spellings',
	'SelectionType spellings',
	'TargetSelection spellings',
	'unknown firmware code',
	"node output through n8n's engine",
	'trigger test event',
];

function configFor(target: Emulator, firmwareId?: string): LiveConfig {
	// The emulator enforces Alibaba's 10 per second: the check stays under it, as it does live at 2.
	return { credential: { ...credentialFor(target), maxRequestsPerSecond: 10 }, firmwareId };
}

function lineOf(lines: LiveLine[], assumption: string): string {
	const line = lines.find((candidate) => candidate.assumption === assumption);
	return line ? formatLine(line) : `${assumption}: missing`;
}

describe('the live check against the emulator', () => {
	it('prints every assumption, each one agreeing', async () => {
		const { lines } = await runLiveCheck(configFor(emulator, FIXTURE_FIRMWARES.pages));
		expect(lines.map((line) => line.assumption)).toEqual(ASSUMPTIONS);
		expect(lines.map(formatLine).filter((line) => !/^[^:]+: agrees/.test(line))).toEqual([]);
		expect(lineOf(lines, 'list order')).toMatch(/^list order: agrees \(newest first;/);
		expect(lineOf(lines, "node output through n8n's engine")).toMatch(/agrees \(450 jobs/);
		// Read-only actions only.
		expect(new Set(emulator.requests.map((request) => request.action))).toEqual(new Set(['ListOTAFirmware', 'ListOTAJobByFirmware']));
	});

	it('reports oldest first and the alternative spellings when the emulator serves them', async () => {
		emulator.setJobOrder('oldestFirst');
		emulator.setEnumSpelling('alternative');
		try {
			const { lines } = await runLiveCheck(configFor(emulator, FIXTURE_FIRMWARES.pages));
			expect(lineOf(lines, 'list order')).toMatch(/^list order: agrees \(oldest first;/);
			expect(lineOf(lines, 'JobStatus spellings')).toBe(
				'JobStatus spellings: differs: seen CANCELED, COMPLETE, IN_PROGRESS, PLANNED; COMPLETE (the node reads it as COMPLETED)',
			);
			expect(lineOf(lines, 'JobType spellings')).toMatch(/differs: .*VERFIY_FIRMWARE \(the node reads it as VERIFY_FIRMWARE\)/);
			expect(lineOf(lines, "node output through n8n's engine")).toMatch(/: agrees/);
		} finally {
			emulator.setJobOrder('newestFirst');
			emulator.setEnumSpelling('documented');
		}
	});

	it('says when the list is in neither order, and names undocumented values', async () => {
		const jobs = emulator.servedJobs(FIXTURE_FIRMWARES.demo).map((job) => ({ ...job, FirmwareId: 'FwShuffled000000000001' }));
		[jobs[0], jobs[3]] = [jobs[3], jobs[0]];
		jobs[1] = { ...jobs[1], JobStatus: 'PAUSED' };
		emulator.addFirmware({ firmwareId: 'FwShuffled000000000001', ...FIXTURE_PRODUCTS.meter, jobs, order: 'asGiven' });
		const { lines } = await runLiveCheck(configFor(emulator, 'FwShuffled000000000001'));
		expect(lineOf(lines, 'list order')).toMatch(/^list order: differs: neither newest nor oldest first/);
		expect(lineOf(lines, 'JobStatus spellings')).toMatch(/PAUSED \(not documented: passed on unchanged, passes every filter\)/);
	});

	it('checks an Enterprise instance given IOT_INSTANCE_ID, and says when the instance is wrong', async () => {
		const enterprise = await runLiveCheck({ ...configFor(emulator, FIXTURE_FIRMWARES.enterprise), iotInstanceId: EMULATOR_INSTANCE_ID });
		expect(enterprise.lines.map(formatLine).filter((line) => !/^[^:]+: agrees/.test(line))).toEqual([]);
		const wrong = await runLiveCheck({ ...configFor(emulator, FIXTURE_FIRMWARES.enterprise), iotInstanceId: 'iot-cn-nosuchinstance' });
		expect(lineOf(wrong.lines, 'unknown firmware code')).toBe(
			'unknown firmware code: not seen (iot.system.InstanceNotFound, HTTP 200: the instance was not found first; set IOT_INSTANCE_ID)',
		);
	});

	it('stops after the credential Test when it fails, saying why', async () => {
		const { lines } = await runLiveCheck({ credential: { ...credentialFor(emulator, 'ramDenied'), maxRequestsPerSecond: 10 } });
		expect(lines.map(formatLine)).toEqual([
			expect.stringMatching(/^credential Test: differs: Permission denied: Forbidden\.RAM: .*"iot:ListOTAFirmware"/),
			'everything else: not seen (the credential Test failed, so no other call was made)',
		]);
		expect(emulator.requests).toHaveLength(1);
	});

	it('records anonymised fixtures that the emulator serves back, and the check agrees with them', async () => {
		const config = configFor(emulator, FIXTURE_FIRMWARES.pages);
		const result = await runLiveCheck(config);
		const dir = mkdtempSync(join(tmpdir(), 'live-record-'));
		const [fixturesFile, answersFile] = writeRecording(dir, result, config.credential);
		const recorded = readFileSync(fixturesFile, 'utf8') + readFileSync(answersFile, 'utf8');
		const realIds = [
			FIXTURE_FIRMWARES.pages,
			FIXTURE_PRODUCTS.meter.productKey,
			FIXTURE_PRODUCTS.meter.productName,
			String(result.jobs[0].JobId),
			String(result.exchanges[0].answer!.RequestId),
			EMULATOR_KEYS.active.accessKeyId,
			EMULATOR_KEYS.active.accessKeySecret,
		];
		for (const real of realIds) expect(recorded).not.toContain(real);

		const fixtures = loadFixtureFile(fixturesFile);
		expect(fixtures).toHaveLength(1);
		expect(fixtures[0]).toMatchObject({ order: 'asGiven', jobs: expect.any(Array) });
		expect(fixtures[0].jobs).toHaveLength(450);
		await withEmulator({ seedFixtures: false, fixtures }, async (replay) => {
			const { lines } = await runLiveCheck(configFor(replay));
			expect(lines.map(formatLine).filter((line) => !/^[^:]+: agrees/.test(line))).toEqual([]);
			expect(lineOf(lines, "node output through n8n's engine")).toMatch(/agrees \(450 jobs/);
		});
	});
});

describe('npm run live (the CLI itself)', () => {
	/** The environment without any Alibaba Cloud variable of the machine running the tests. */
	function envWith(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !key.startsWith('ALIBABA_CLOUD_') && key !== 'IOT_INSTANCE_ID' && key !== 'FIRMWARE_ID'),
		);
		return { ...env, ...extra };
	}
	const cli = (env: NodeJS.ProcessEnv) =>
		run(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../scripts/live.ts')], { env: envWith(env) }).then(
			(output) => ({ code: 0, ...output }),
			(failure: { code: number; stdout: string; stderr: string }) => failure,
		);

	it('exits 2 without credentials, with one sentence naming the variables to set', async () => {
		const { code, stdout, stderr } = await cli({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-only-the-id' });
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(`${MISSING_CREDENTIALS_SENTENCE}\n`);
	}, 60_000);

	it('prints one line per assumption, all agreeing, against the emulator', async () => {
		const { code, stdout } = await cli({
			ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEYS.sts.accessKeyId,
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEYS.sts.accessKeySecret,
			ALIBABA_CLOUD_SECURITY_TOKEN: EMULATOR_KEYS.sts.securityToken,
			ALIBABA_CLOUD_REGION_ID: 'cn-shanghai',
			ALIBABA_CLOUD_IOT_ENDPOINT: emulator.url,
			FIRMWARE_ID: FIXTURE_FIRMWARES.demo,
		});
		const [header, ...lines] = stdout.trimEnd().split('\n');
		expect(header).toBe(`Live check of n8n-nodes-alibabacloud-iot against ${emulator.url}:`);
		expect(lines.map((line) => line.slice(0, line.indexOf(':')))).toEqual(ASSUMPTIONS);
		// The demo firmware has 7 jobs: enough for every check but the last page of 200.
		expect(lines.filter((line) => !/^[^:]+: agrees/.test(line))).toEqual([]);
		expect(code).toBe(0);
		// At most 2 requests per second of each action (Alibaba's quota is per action: 10 or more), as
		// against the live service.
		const peaks = Object.entries(emulator.statsSummary().byAction).map(([action, figures]) => [
			action,
			Math.max(...Object.values(figures.peakPerSecondByAccount)),
		]);
		expect(peaks.filter(([, peak]) => Number(peak) > 2)).toEqual([]);
		expect(peaks.length).toBeGreaterThan(0);
		expect(stdout).not.toContain(EMULATOR_KEYS.sts.securityToken);
	}, 120_000);
});
