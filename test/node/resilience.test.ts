import { BAD_GATEWAY_HTML, EMULATOR_KEYS, type InjectedResponse } from '../emulator';
import { credentialFor, firmware, runListByFirmware } from '../support/alibabaNode';
import { useEmulator } from '../support/useEmulator';

const BIG = 'FwResilience0000002400';

const emulator = useEmulator((seeded) => {
	seeded.addFirmware({ firmwareId: BIG, jobCount: 2400, seed: 24 });
});

const allJobs = { ...firmware(BIG), returnAll: true };
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
	])('retries %s and then succeeds', async (_label, respond) => {
		emulator.inject({ respond });
		const result = await runListByFirmware({ credential: credentialFor(emulator), parameters: demo });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(emulator.firmware('FwDemo0000000000000001')!.jobs.length);
		expect(emulator.requests).toHaveLength(2);
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
