import { BAD_GATEWAY_HTML, EMULATOR_KEYS, type InjectedResponse } from '../../../tools/emulator';
import { credentialFor, firmware, runListByFirmware } from '../../support/alibabaNode';
import { useEmulator } from '../../support/useEmulator';

const BIG = 'FwResilience0000002400';

const emulator = useEmulator((seeded) => {
	seeded.addFirmware({ firmwareId: BIG, jobCount: 2400, seed: 24 });
});

const allJobs = { ...firmware(BIG), returnAll: true };

function throttled(headers: Record<string, string>): InjectedResponse {
	return { kind: 'gateway', httpStatus: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.', headers };
}
const demo = { ...firmware('FwDemo0000000000000001'), returnAll: true };

async function listBig() {
	const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: allJobs });
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json.JobId as string);
}

function expectEveryJobOnce(jobIds: string[]) {
	const expected = emulator.firmware(BIG)!.jobs.map((job) => job.JobId);
	expect(new Set(jobIds).size).toBe(jobIds.length);
	expect([...jobIds].sort()).toEqual([...expected].sort());
}

describe('Return All under faults', () => {
	it('lists every job exactly once while the service is flaky', async () => {
		emulator.setFaultMode({ mode: 'flaky', rate: 0.25, seed: 7 });
		const jobIds = await listBig();
		expectEveryJobOnce(jobIds);
		expect(jobIds).toEqual(emulator.firmware(BIG)!.jobs.map((job) => job.JobId));
		expect(emulator.requests.filter((request) => request.fault).length).toBeGreaterThan(0);
	});

	it('lists every job exactly once through a throttle storm', async () => {
		emulator.setFaultMode({ mode: 'throttleStorm', rate: 0.3, seed: 3 });
		expectEveryJobOnce(await listBig());
		expect(emulator.requests.filter((request) => request.code === 'Throttling.User').length).toBeGreaterThan(0);
	});

	it('returns no duplicates when a job is created mid-listing', async () => {
		emulator.setFaultMode({ mode: 'shiftingPages', afterRequests: 1 });
		const jobIds = await listBig();
		expect(new Set(jobIds).size).toBe(jobIds.length);
		// Every job that existed when the listing started is there.
		const stored = emulator.firmware(BIG)!.jobs.map((job) => job.JobId);
		for (const jobId of stored.slice(1)) expect(jobIds).toContain(jobId);
	});

	it('never sends more than 10 requests in any second with one AccessKey', async () => {
		await listBig();
		expect(emulator.peakRequestsPerSecond(EMULATOR_KEYS.active.accessKeyId)).toBeLessThanOrEqual(10);
		expect(emulator.requests.some((request) => request.code?.startsWith('Throttling'))).toBe(false);
	});
});

describe('what is retried', () => {
	it.each<[string, InjectedResponse]>([
		['503 ServiceUnavailable', { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' }],
		['500 InternalError', { kind: 'gateway', httpStatus: 500, code: 'InternalError', message: 'The request processing has failed due to some unknown error.' }],
		['Throttling.User', { kind: 'gateway', httpStatus: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.', headers: { 'x-acs-retry-after': '150' } }],
		['an HTML 502 page', { kind: 'raw', httpStatus: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML }],
		['a connection dropped mid-answer', { kind: 'destroy' }],
		['HTTP 429 with a code of its own', { kind: 'gateway', httpStatus: 429, code: 'TooManyRequests', message: 'Too many requests.' }],
	])('retries %s and then succeeds', async (_label, respond) => {
		emulator.inject({ respond });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(emulator.firmware('FwDemo0000000000000001')!.jobs.length);
		expect(emulator.requests).toHaveLength(2);
		// The retry is the same request, and it is the one that got the jobs.
		const [failed, retried] = emulator.requests;
		const { Signature, SignatureNonce, Timestamp } = retried.params;
		expect(retried.params).toEqual({ ...failed.params, Signature, SignatureNonce, Timestamp });
		expect(retried.httpStatus).toBe(200);
		expect(retried.code).toBeUndefined();
	});

	it('keeps retrying throttled requests within Max Retry Time, beyond Max Attempts, and then lists every job once', async () => {
		emulator.inject({ times: 6, action: 'ListOTAJobByFirmware', respond: throttled({ 'x-acs-retry-after': '100' }) });
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...allJobs, options: { maxAttempts: 2, maxRetrySeconds: 60 } },
		});
		expect(result.error).toBeUndefined();
		expectEveryJobOnce(result.items.map((item) => item.json.JobId as string));
		// Page 1 was refused six times, then answered: the seventh request for it got the 200.
		const firstPage = emulator.requests.filter((request) => request.params.CurrentPage === '1');
		expect(firstPage.map((request) => request.code ?? request.httpStatus)).toEqual([...Array(6).fill('Throttling.User'), 200]);
	});

	it.each<[string, InjectedResponse]>([
		['a plain-text 429 page', { kind: 'raw', httpStatus: 429, contentType: 'text/plain', body: 'Too Many Requests' }],
		['JSON 429 without an Alibaba code', { kind: 'raw', httpStatus: 429, contentType: 'application/json', body: '{"message":"rate limit exceeded"}' }],
	])('takes %s for a throttle: retried beyond Max Attempts, within Max Retry Time', async (_label, respond) => {
		emulator.inject({ times: 3, respond });
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { maxAttempts: 1, maxRetrySeconds: 60 } },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.httpStatus)).toEqual([429, 429, 429, 200]);
	});

	it('says what answered when a 429 page outlasts Max Retry Time', async () => {
		emulator.inject({ times: Infinity, respond: { kind: 'raw', httpStatus: 429, contentType: 'text/plain', body: 'Too Many Requests' } });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: { ...demo, options: { maxRetrySeconds: 1 } } });
		expect(String(result.error!.message)).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+ answered HTTP 429 with something that is not Alibaba Cloud JSON .*Too Many Requests.* \(gave up after \d+ attempts in \d\.\d s\)$/,
		);
	});

	it('gives up on throttling once Max Retry Time has run out, and says so', async () => {
		emulator.inject({ times: Infinity, respond: throttled({ 'x-acs-retry-after': '400' }) });
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { maxRetrySeconds: 1 } },
		});
		const gaveUp = /^Throttling\.User: Request was denied due to user flow control\. \(gave up after (\d+) attempts in (\d+\.\d) s\)$/.exec(
			String(result.error!.message),
		);
		expect(gaveUp).not.toBeNull();
		// Each wait is at least the 400 ms hint, and no retry starts past the 1 s budget.
		expect(Number(gaveUp![1])).toBeGreaterThanOrEqual(2);
		expect(Number(gaveUp![1])).toBeLessThanOrEqual(3);
		expect(emulator.requests).toHaveLength(Number(gaveUp![1]));
	});

	it.each([
		['x-ratelimit-user-api', { 'x-ratelimit-user-api': 'Limit:10,Remain:0,TimeLeft:600,Reset:600' }, 600],
		['x-ratelimit-user', { 'x-ratelimit-user': 'Limit:10,Remain:0,TimeLeft:600,Reset:600' }, 600],
		['the largest of several hints', { 'x-acs-retry-after': '200', 'x-ratelimit-user': 'Limit:10,Remain:0,TimeLeft:700,Reset:700' }, 700],
	])('honours %s', async (_label, headers, waitMs) => {
		emulator.inject({ respond: throttled(headers) });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error).toBeUndefined();
		const [first, retried] = emulator.requests;
		expect(retried.at - first.at).toBeGreaterThanOrEqual(waitMs);
		expect(retried.httpStatus).toBe(200);
	});

	it('honours x-acs-retry-after', async () => {
		emulator.inject({
			respond: { kind: 'gateway', httpStatus: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.', headers: { 'x-acs-retry-after': '600' } },
		});
		await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		const [throttled, retried] = emulator.requests;
		expect(retried.at - throttled.at).toBeGreaterThanOrEqual(600);
	});

	it('retries a timeout', async () => {
		emulator.inject({ respond: { kind: 'hang' } });
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { timeout: 300 } },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests).toHaveLength(2);
	});

	it.each<[string, InjectedResponse]>([
		['iot.ota.FirmwareNotFound', { kind: 'business', code: 'iot.ota.FirmwareNotFound', errorMessage: 'The firmware does not exist.' }],
		['iot.common.InvalidPageParams', { kind: 'business', code: 'iot.common.InvalidPageParams', errorMessage: 'The page parameters are invalid.' }],
		['Forbidden.RAM', { kind: 'gateway', httpStatus: 403, code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.' }],
		['InvalidAccessKeyId.Inactive', { kind: 'gateway', httpStatus: 400, code: 'InvalidAccessKeyId.Inactive', message: 'Specified access key is disabled.' }],
	])('does not retry %s', async (code, respond) => {
		emulator.inject({ respond });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error!.message).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')}: `));
		expect(emulator.requests).toHaveLength(1);
	});

	it('does not retry a bad signature', async () => {
		const credential = credentialFor(emulator, 'active', { accessKeySecret: 'wrong-secret' });
		await runListByFirmware({ credential, parameters: demo });
		expect(emulator.requests).toHaveLength(1);
	});

	it('ends with a clear error when the retry budget runs out', async () => {
		emulator.inject({
			times: Infinity,
			respond: { kind: 'gateway', httpStatus: 503, code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' },
		});
		const result = await runListByFirmware({
			credential: credentialFor(emulator),
			parameters: { ...demo, options: { maxAttempts: 3 } },
		});
		expect(result.error!.message).toBe(
			'ServiceUnavailable: The request has failed due to a temporary failure of the server. (gave up after 3 attempts)',
		);
		expect(result.error!.description).toContain('Attempts: 3');
		expect(emulator.requests).toHaveLength(3);
	});
});
