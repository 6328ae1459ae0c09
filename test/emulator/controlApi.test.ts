import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { EMULATOR_KEYS, FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { listJobs, sendSigned } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

async function control(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${emulator.url}/__emulator/${route}`, {
		method,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const observeDemo = async (credentials: { accessKeyId: string; accessKeySecret: string } = EMULATOR_KEYS.active) => {
	const answer = await sendSigned(emulator.url, { credentials, params: listJobs(FIXTURE_FIRMWARES.demo) });
	return String(answer.body.Code ?? answer.status);
};

describe('control API', () => {
	beforeEach(async () => {
		await control('POST', 'reset');
	});

	it('reports stats: request count, busiest second per key, answers by Code', async () => {
		await control('POST', 'qps', { qps: 5 });
		try {
			await Promise.all([1, 2, 3, 4, 5, 6].map(() => observeDemo(EMULATOR_KEYS.sts)));
		} finally {
			await control('POST', 'qps', { qps: 0 });
		}
		const { status, json } = await control('GET', 'stats');
		expect(status).toBe(200);
		expect(json).toMatchObject({
			requestCount: 6,
			peakRequestsPerSecond: 6,
			peakRequestsPerSecondByAccessKeyId: { [EMULATOR_KEYS.sts.accessKeyId]: 6 },
			outcomes: { '200': 5, 'Throttling.User': 1 },
		});
		const traffic = { requests: 6, accepted: 5, throttled: 1, throttledShare: 1 / 6 };
		expect(json.overall).toMatchObject(traffic);
		expect((json.byAction as Record<string, unknown>).ListOTAJobByFirmware).toMatchObject(traffic);
	});

	it('sets and reports quotas: override, documented figures, scope', async () => {
		await control('POST', 'qps', { qps: 7 });
		expect((await control('GET', 'quotas')).json).toMatchObject({ qpsOverride: 7, qpsByAction: { CancelOTATaskByJob: 7 } });
		await control('POST', 'qps', { qps: null });
		expect((await control('GET', 'quotas')).json).toMatchObject({
			scope: 'account',
			qpsOverride: null,
			qpsByAction: { ListOTAJobByFirmware: 10, QueryOTAFirmware: 20, CancelOTATaskByJob: 5 },
		});
		expect((await control('POST', 'quota-scope', { scope: 'key' })).json).toMatchObject({ scope: 'key' });
		const refused = await control('POST', 'quota-scope', { scope: 'user' });
		expect(refused).toEqual({ status: 400, json: { error: 'quota scope must be one of account, key' } });
		await control('POST', 'quota-scope', { scope: 'account' });
		await control('POST', 'qps', { qps: 0 });
	});

	it('is neither recorded nor rate limited', async () => {
		for (let i = 0; i < 10; i++) expect((await control('GET', 'stats')).status).toBe(200);
		expect(emulator.requests).toHaveLength(0);
	});

	it('injects faults, with times "Infinity", until DELETE or reset', async () => {
		const fault = { times: 'Infinity', respond: { kind: 'business', code: 'x.control', errorMessage: 'm' } };
		expect((await control('POST', 'faults', fault)).status).toBe(200);
		expect([await observeDemo(), await observeDemo()]).toEqual(['x.control', 'x.control']);
		await control('DELETE', 'faults');
		expect(await observeDemo()).toBe('200');
		await control('POST', 'faults', fault);
		await control('POST', 'reset');
		expect(await observeDemo()).toBe('200');
	});

	it('sets and clears a fault mode', async () => {
		await control('POST', 'mode', { mode: 'throttleStorm', rate: 1 });
		expect(await observeDemo()).toBe('Throttling.User');
		await control('POST', 'mode', null);
		expect(await observeDemo()).toBe('200');
	});

	it('adds firmwares', async () => {
		const { json } = await control('POST', 'firmwares', { firmwareId: 'FwFromControl000000001', jobCount: 30, seed: 1 });
		expect(json).toMatchObject({ firmwareId: 'FwFromControl000000001', jobCount: 30 });
		const answer = await sendSigned(emulator.url, { params: listJobs('FwFromControl000000001', 2, 20) });
		expect(answer.body).toMatchObject({ Total: 30, PageCount: 2 });
	});

	it('sets latency, and lists recent requests', async () => {
		await control('POST', 'latency', { ms: 60 });
		const started = Date.now();
		const outcomes = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => observeDemo()));
		expect(outcomes.every((outcome) => outcome === '200')).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
		await control('POST', 'latency', { ms: 0 });
		const recent = await fetch(`${emulator.url}/__emulator/requests?limit=2`);
		const requests = (await recent.json()) as Array<{ action: string; httpStatus: number }>;
		expect(requests).toHaveLength(2);
		expect(requests[0]).toMatchObject({ action: 'ListOTAJobByFirmware', httpStatus: 200 });
	});

	it('answers bad input with 400 and unknown routes with 404', async () => {
		expect((await control('POST', 'faults', '{not json')).status).toBe(400);
		const invalid = await control('POST', 'faults', { respond: { kind: 'nope' } });
		expect(invalid.status).toBe(400);
		expect(invalid.json.error).toMatch(/kind/);
		expect((await control('POST', 'mode', { mode: 'flaky', rate: 2 })).status).toBe(400);
		expect((await control('GET', 'nothing-here')).status).toBe(404);
	});
});

describe('cli.ts', () => {
	it('prints one JSON line to connect with, serves, and exits cleanly on SIGTERM', async () => {
		const tsx = join(__dirname, '../../node_modules/.bin/tsx');
		const child = spawn(tsx, [join(__dirname, '../../tools/emulator/cli.ts'), '--qps', '2', '--quota-scope', 'key'], { stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
			const info = JSON.parse(line) as { url: string; accessKeyId: string; accessKeySecret: string; firmwareIds: object };
			expect(info).toMatchObject({ ...EMULATOR_KEYS.active, sameAccount: EMULATOR_KEYS.sameAccount, firmwareIds: FIXTURE_FIRMWARES });
			expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const answer = await sendSigned(info.url, { params: listJobs(FIXTURE_FIRMWARES.demo) });
			expect(answer.body.Total).toBe(7);
			const quotas = (await (await fetch(`${info.url}/__emulator/quotas`)).json()) as Record<string, unknown>;
			expect(quotas).toMatchObject({ scope: 'key', qpsOverride: 2 });
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = (await once(child, 'exit')) as [number | null];
		expect(code).toBe(0);
	});
});
