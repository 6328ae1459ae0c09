import RPCClient from '@alicloud/pop-core';

import { BAD_GATEWAY_HTML, EMULATOR_KEYS, FIXTURE_FIRMWARES, startEmulator, type OtaJob } from '../../tools/emulator/index';
import { listJobs, percentEncodeParams, sendSigned, signedParams, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

const demo = listJobs(FIXTURE_FIRMWARES.demo);
const listDemo = async (): Promise<RpcAnswer> => await sendSigned(emulator.url, { params: demo });

/** What a client sees: a status and Code, or that the connection broke. */
async function observe(): Promise<string> {
	try {
		const answer = await listDemo();
		return `${answer.status} ${String(answer.body.Code ?? (answer.headers.get('content-type')?.startsWith('text/html') ? 'html' : 'ok'))}`;
	} catch {
		return 'broken';
	}
}

describe('injected faults', () => {
	it('answer a gateway error once (default times), with extra headers', async () => {
		emulator.inject({
			respond: { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'try later', headers: { 'retry-after': '1' } },
		});
		const first = await listDemo();
		expect(first.status).toBe(503);
		expect(first.headers.get('retry-after')).toBe('1');
		expect(first.body).toMatchObject({ Code: 'ServiceUnavailable', Message: 'try later', HostId: 'iot.cn-shanghai.aliyuncs.com' });
		expect(emulator.requests.at(-1)).toMatchObject({ httpStatus: 503, code: 'ServiceUnavailable', fault: 'gateway' });
		expect((await listDemo()).status).toBe(200);
	});

	it('answer a business error as HTTP 200 with Success false', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'iot.system.SystemException', errorMessage: '系统异常' } });
		const answer = await listDemo();
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ Success: false, Code: 'iot.system.SystemException', ErrorMessage: '系统异常' });
	});

	it('answer a raw body, such as an HTML 502 page', async () => {
		emulator.inject({ respond: { kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML } });
		const answer = await listDemo();
		expect(answer.status).toBe(502);
		expect(answer.headers.get('content-type')).toBe('text/html');
		expect(answer.text).toBe(BAD_GATEWAY_HTML);
	});

	it('destroy the socket mid-body, which pop-core and fetch both report as an error', async () => {
		emulator.inject({ times: 2, respond: { kind: 'destroy' } });
		await expect(listDemo()).rejects.toThrow();
		const client = new RPCClient({ ...EMULATOR_KEYS.active, endpoint: emulator.url, apiVersion: '2018-01-20' });
		await expect(client.request('ListOTAJobByFirmware', { FirmwareId: FIXTURE_FIRMWARES.demo, CurrentPage: 1, PageSize: 10 })).rejects.toThrow();
		expect(emulator.requests.at(-1)).toMatchObject({ httpStatus: 0, fault: 'destroy' });
		expect((await listDemo()).status).toBe(200);
	});

	it('hang until the client gives up', async () => {
		emulator.inject({ respond: { kind: 'hang' } });
		const started = Date.now();
		await expect(fetch(`${emulator.url}/?${percentEncodeParams(signedParams({ params: demo }))}`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect((await listDemo()).status).toBe(200);
	});

	it('match on action and AccessKeyId', async () => {
		emulator.inject({ action: 'ListOTAFirmware', respond: { kind: 'business', code: 'x.firmware', errorMessage: 'm' } });
		emulator.inject({ accessKeyId: EMULATOR_KEYS.sts.accessKeyId, respond: { kind: 'business', code: 'x.sts', errorMessage: 'm' } });
		expect((await listDemo()).body.Success).toBe(true);
		const firmwares = await sendSigned(emulator.url, { params: { Action: 'ListOTAFirmware', CurrentPage: '1', PageSize: '10' } });
		expect(firmwares.body.Code).toBe('x.firmware');
		expect((await sendSigned(emulator.url, { credentials: EMULATOR_KEYS.sts, params: demo })).body.Code).toBe('x.sts');
	});

	it('fire `times` times, or until cleared for Infinity', async () => {
		emulator.inject({ times: 2, respond: { kind: 'business', code: 'x.twice', errorMessage: 'm' } });
		expect([await observe(), await observe(), await observe()]).toEqual(['200 x.twice', '200 x.twice', '200 ok']);
		emulator.inject({ times: Infinity, respond: { kind: 'business', code: 'x.always', errorMessage: 'm' } });
		for (let i = 0; i < 5; i++) expect(await observe()).toBe('200 x.always');
		emulator.clearFaults();
		expect(await observe()).toBe('200 ok');
	});

	it('apply only after authentication: a badly signed request neither gets nor uses up a fault', async () => {
		emulator.inject({ respond: { kind: 'business', code: 'x.once', errorMessage: 'm' } });
		expect((await sendSigned(emulator.url, { params: demo, signature: 'bad' })).body.Code).toBe('SignatureDoesNotMatch');
		expect(await observe()).toBe('200 x.once');
	});

	it('refuse a malformed fault instead of silently never firing', () => {
		expect(() => emulator.inject({ respond: { kind: 'teapot' } } as never)).toThrow(/kind/);
		expect(() => emulator.inject({ times: 0, respond: { kind: 'hang' } })).toThrow(/times/);
	});
});

describe('fault modes', () => {
	it('flaky at rate 1 rotates 503, 500, HTML 502 and a destroyed socket', async () => {
		emulator.setFaultMode({ mode: 'flaky', rate: 1 });
		const seen = [];
		for (let i = 0; i < 5; i++) seen.push(await observe());
		expect(seen).toEqual(['503 ServiceUnavailable', '500 InternalError', '502 html', 'broken', '503 ServiceUnavailable']);
		expect(emulator.requests.at(-1)?.fault).toBe('flaky');
	});

	it('flaky at a partial rate fails that share, the same way on every activation', async () => {
		const run = async () => {
			emulator.setFaultMode({ mode: 'flaky', rate: 0.5 });
			const outcomes = [];
			for (let i = 0; i < 20; i++) outcomes.push(await observe());
			return outcomes;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		const failures = first.filter((outcome) => outcome !== '200 ok').length;
		expect(failures).toBeGreaterThan(4);
		expect(failures).toBeLessThan(16);
	});

	it('throttleStorm answers Throttling.User with x-acs-retry-after, whatever the rate limit', async () => {
		emulator.setFaultMode({ mode: 'throttleStorm', rate: 1 });
		const answer = await listDemo();
		expect([answer.status, answer.body.Code]).toEqual([400, 'Throttling.User']);
		expect(Number(answer.headers.get('x-acs-retry-after'))).toBeGreaterThan(0);
		emulator.setFaultMode(undefined);
		expect((await listDemo()).status).toBe(200);
	});

	it('shiftingPages inserts one new job at the head after the first listing, once per firmware', async () => {
		const firmwareId = 'FwShifting000000000001';
		emulator.addFirmware({ firmwareId, jobCount: 12, seed: 3 });
		emulator.setFaultMode({ mode: 'shiftingPages' });
		const page = async (n: number) => await sendSigned(emulator.url, { params: listJobs(firmwareId, n, 5) });
		const jobs = (answer: RpcAnswer) => (answer.body.Data as { SimpleOTAJobInfo: OtaJob[] }).SimpleOTAJobInfo;

		const first = await page(1);
		const second = await page(2);
		expect([first.body.Total, second.body.Total]).toEqual([12, 13]);
		// A client paging by CurrentPage sees the last job of page 1 again at the top of page 2.
		expect(jobs(second)[0].JobId).toBe(jobs(first)[4].JobId);
		const [head] = emulator.firmware(firmwareId)?.jobs ?? [];
		expect(head.UtcCreate > jobs(first)[0].UtcCreate).toBe(true);
		expect(head.JobStatus).toBe('IN_PROGRESS');
		expect((await page(3)).body.Total).toBe(13);

		emulator.setFaultMode({ mode: 'shiftingPages', afterRequests: 2 });
		expect([(await page(1)).body.Total, (await page(1)).body.Total, (await page(1)).body.Total]).toEqual([13, 13, 14]);
	});

	it('latency delays every answer', async () => {
		emulator.setLatency(120);
		const started = Date.now();
		expect((await listDemo()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(115);
	});
});

describe('close()', () => {
	it('returns promptly even with a hanging request and a pending latency timer', async () => {
		const closing = await startEmulator();
		closing.inject({ respond: { kind: 'hang' } });
		const hanging = fetch(`${closing.url}/?${percentEncodeParams(signedParams({ params: demo }))}`).catch(() => 'aborted');
		closing.setLatency(10_000);
		const delayed = fetch(`${closing.url}/?${percentEncodeParams(signedParams({ params: demo }))}`).catch(() => 'aborted');
		await new Promise((resolve) => setTimeout(resolve, 50));
		const started = Date.now();
		await closing.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await hanging).toBe('aborted');
		expect(await delayed).toBe('aborted');
	});
});
