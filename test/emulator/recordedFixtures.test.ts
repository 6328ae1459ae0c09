import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { FIXTURE_FIRMWARES, parseFixtures, type FirmwareSpec, type OtaJob } from '../../tools/emulator/index';
import { listJobs, sendSigned } from '../../tools/emulator/handSignedRequest';
import { withEmulator } from '../support/useEmulator';

/** Jobs as a live service might have answered them: oldest first, both spellings, a job ended without UtcEndTime, an extra field. */
const RECORDED_JOBS = [
	{
		FirmwareId: 'FwLiveRecorded00000001',
		JobId: 'RecJobA000000000000000000200',
		JobStatus: 'COMPLETE',
		JobType: 'VERFIY_FIRMWARE',
		ProductKey: 'a1Recorded1',
		SelectionType: 'STATIC',
		TargetSelection: 'SPECIFIC',
		UtcCreate: '2025-03-01T08:00:00.000Z',
		UtcStartTime: '2025-03-01T08:00:05.000Z',
		UtcEndTime: '2025-03-02T08:00:00.000Z',
		UtcModified: '2025-03-02T08:00:00.000Z',
	},
	{
		FirmwareId: 'FwLiveRecorded00000001',
		JobId: 'RecJobB000000000000000000200',
		JobStatus: 'COMPLETED',
		JobType: 'UPGRADE_FIRMWARE',
		ProductKey: 'a1Recorded1',
		SelectionType: 'DYNAMIC',
		TargetSelection: 'ALL',
		Tags: { OtaTagDTO: [{ Key: 'env', Value: 'prod' }] },
		UtcCreate: '2025-04-01T08:00:00Z',
		UtcStartTime: '2025-04-01T08:00:00Z',
		UtcModified: '2025-04-01T09:00:00Z',
		DeviceCount: 12,
	},
] as unknown as OtaJob[];

const RECORDED: FirmwareSpec[] = [
	{ firmwareId: 'FwLiveRecorded00000001', productKey: 'a1Recorded1', destVersion: '9.9.9', order: 'asGiven', jobs: RECORDED_JOBS },
	{ firmwareId: 'FwLiveRecordedEmpty001', productKey: 'a1Recorded1', destVersion: '9.9.8', order: 'asGiven', jobs: [], emptyShape: 'emptyArray' },
];

async function listAll(url: string, firmwareId: string) {
	return (await sendSigned(url, { params: listJobs(firmwareId, 1, 200) })).body;
}

describe('recorded fixtures', () => {
	it('the fixtures option serves recorded jobs verbatim, in the recorded order, beside the seeded firmwares', async () => {
		await withEmulator({ qps: 0, fixtures: RECORDED }, async (emulator) => {
			const body = await listAll(emulator.url, 'FwLiveRecorded00000001');
			expect(body).toMatchObject({ Success: true, Total: 2 });
			expect((body.Data as { SimpleOTAJobInfo: unknown[] }).SimpleOTAJobInfo).toEqual(RECORDED_JOBS);
			expect((await listAll(emulator.url, 'FwLiveRecordedEmpty001')).Data).toEqual({ SimpleOTAJobInfo: [] });
			expect((await listAll(emulator.url, FIXTURE_FIRMWARES.demo)).Total).toBe(7);
		});
	});

	it('parseFixtures takes an array or {firmwares}, and names what is wrong', () => {
		expect(parseFixtures(JSON.stringify(RECORDED))).toEqual(RECORDED);
		expect(parseFixtures(JSON.stringify({ firmwares: RECORDED }))).toEqual(RECORDED);
		expect(() => parseFixtures('{', 'live.json')).toThrow(/live\.json is not JSON/);
		expect(() => parseFixtures('{"jobs": []}', 'live.json')).toThrow(/live\.json must be an array of firmwares/);
		expect(() => parseFixtures('[{"jobs": []}]', 'live.json')).toThrow(/live\.json entry 0: "firmwareId"/);
		expect(() => parseFixtures('[{"firmwareId": "F", "jobs": {}}]', 'live.json')).toThrow(/entry 0: "jobs" must be an array/);
	});
});

describe('cli.ts serving-mode flags', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'emu-fixtures-'));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	async function runCli(args: string[], check: (url: string) => Promise<void>): Promise<void> {
		const tsx = join(__dirname, '../../node_modules/.bin/tsx');
		const child = spawn(tsx, [join(__dirname, '../../tools/emulator/cli.ts'), '--qps', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
			await check((JSON.parse(line) as { url: string }).url);
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(code).toBe(0);
	}

	it('serves --fixtures FILE verbatim (and only those with --no-seed) with --job-order, --enum-spelling and --throttle-hint', async () => {
		const file = join(dir, 'recorded.json');
		writeFileSync(file, JSON.stringify({ firmwares: [...RECORDED, { firmwareId: 'FwCliGenerated00000020', jobCount: 20, seed: 20 }] }));
		const args = ['--fixtures', file, '--no-seed', '--job-order', 'oldestFirst', '--enum-spelling', 'alternative', '--throttle-hint', 'ratelimitUser'];
		await runCli(args, async (url) => {
			const recorded = await listAll(url, 'FwLiveRecorded00000001');
			expect((recorded.Data as { SimpleOTAJobInfo: unknown[] }).SimpleOTAJobInfo).toEqual(RECORDED_JOBS);
			const generated = (await listAll(url, 'FwCliGenerated00000020')).Data as { SimpleOTAJobInfo: OtaJob[] };
			const times = generated.SimpleOTAJobInfo.map((job) => Date.parse(job.UtcCreate));
			expect(times).toEqual([...times].sort((a, b) => a - b));
			expect(generated.SimpleOTAJobInfo.some((job) => job.JobStatus === 'COMPLETE')).toBe(true);
			expect((await listAll(url, FIXTURE_FIRMWARES.demo)).Code).toBe('iot.ota.FirmwareNotFound');
			const hint = await fetch(`${url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ respond: { kind: 'throttle', waitMs: 42 } }) });
			expect(hint.status).toBe(200);
			const throttled = await sendSigned(url, { params: listJobs('FwCliGenerated00000020') });
			expect(throttled.headers.get('x-ratelimit-user')).toBe('Limit:10,Remain:0,TimeLeft:42,Reset:42');
		});
	});

	it('serves --echo-proxy FORMAT with --echo-status and --instance-not-found-code', async () => {
		await runCli(['--echo-proxy', 'text', '--echo-status', '418', '--instance-not-found-code', 'iot.Sre.IotInstanceNotFound'], async (url) => {
			const answer = await sendSigned(url, { params: listJobs(FIXTURE_FIRMWARES.demo) });
			expect(answer.status).toBe(418);
			expect(answer.text.startsWith(`${url}/?`)).toBe(true);
			await fetch(`${url}/__emulator/echo-proxy`, { method: 'POST', body: 'null' });
			const missing = await sendSigned(url, { params: listJobs(FIXTURE_FIRMWARES.demo, 1, 10, { IotInstanceId: 'iot-x' }) });
			expect(missing.body.Code).toBe('iot.Sre.IotInstanceNotFound');
		});
	});

	it('exits 1 naming a bad flag value', async () => {
		const tsx = join(__dirname, '../../node_modules/.bin/tsx');
		const child = spawn(tsx, [join(__dirname, '../../tools/emulator/cli.ts'), '--job-order', 'sideways'], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(code).toBe(1);
		expect(stderr).toMatch(/--job-order: job order must be one of newestFirst, oldestFirst/);
	});
});
