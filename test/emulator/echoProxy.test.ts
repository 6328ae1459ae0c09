import { ECHO_HEADER, EMULATOR_KEYS, FIXTURE_FIRMWARES } from '../../tools/emulator/index';
import { listJobs, percentEncodeParams, sendSigned, signedParams } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

const SECRETS_IN_QUERY = [/Signature=[^&]+/, /SecurityToken=emu-sts-token-valid-0001/, /AccessKeyId=STS\.EmulatorTempKey001/];

/** A GET signed with the STS key, sent by hand so the test knows the exact URL the proxy saw. */
async function sendStsGet(baseUrl: string): Promise<{ url: string; response: Response; text: string }> {
	const url = `${baseUrl}/?${percentEncodeParams(signedParams({ credentials: EMULATOR_KEYS.sts, params: listJobs(FIXTURE_FIRMWARES.demo) }))}`;
	const response = await fetch(url);
	return { url, response, text: await response.text() };
}

describe('an echoing proxy, injected', () => {
	it('answers an HTML page whose title and body hold the full URL with its query string', async () => {
		emulator.inject({ respond: { kind: 'echo', format: 'html' } });
		const { url, response, text } = await sendStsGet(emulator.url);
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html');
		const title = /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? '';
		expect(title).toContain(url);
		expect(text.slice(text.indexOf('<body>'))).toContain(url);
		for (const secret of SECRETS_IN_QUERY) expect(title).toMatch(secret);
		expect(response.headers.get(ECHO_HEADER)).toBe(url);
		expect(emulator.requests.at(-1)).toMatchObject({ httpStatus: 403, fault: 'echo' });
	});

	it('answers plain text starting with the URL, with the status asked for', async () => {
		emulator.inject({ respond: { kind: 'echo', format: 'text', httpStatus: 502 } });
		const { url, response, text } = await sendStsGet(emulator.url);
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toBe('text/plain');
		expect(text.startsWith(url)).toBe(true);
		expect(response.headers.get(ECHO_HEADER)).toBe(url);
	});

	it("answers JSON that is not Alibaba's, its Message echoing the query string", async () => {
		emulator.inject({ respond: { kind: 'echo', format: 'json' } });
		const { url, response, text } = await sendStsGet(emulator.url);
		const body = JSON.parse(text) as Record<string, unknown>;
		expect(body).not.toHaveProperty('RequestId');
		expect(body).not.toHaveProperty('Code');
		expect(String(body.Message)).toContain(url.slice(url.indexOf('?') + 1));
		for (const secret of SECRETS_IN_QUERY) expect(String(body.Message)).toMatch(secret);
		expect(response.headers.get(ECHO_HEADER)).toBe(url);
	});

	it("echoes a POST's form body too", async () => {
		emulator.inject({ respond: { kind: 'echo', format: 'text' } });
		const answer = await sendSigned(emulator.url, { method: 'POST', credentials: EMULATOR_KEYS.sts, params: listJobs(FIXTURE_FIRMWARES.demo) });
		for (const secret of SECRETS_IN_QUERY) expect(answer.text).toMatch(secret);
	});

	it('rejects an unknown format', () => {
		expect(() => emulator.inject({ respond: { kind: 'echo', format: 'xml' as never } })).toThrow(/html, text, json/);
	});
});

describe('an echoing proxy for a whole run', () => {
	it('answers every request, signed or not, until turned off', async () => {
		emulator.setEchoProxy({ format: 'html', httpStatus: 400 });
		const signed = await sendStsGet(emulator.url);
		expect(signed.response.status).toBe(400);
		expect(signed.text).toContain(signed.url);
		const unsigned = await fetch(`${emulator.url}/?Action=ListOTAFirmware&SecurityToken=abc`);
		expect(unsigned.status).toBe(400);
		expect(await unsigned.text()).toContain('SecurityToken=abc');
		expect(emulator.requests.at(-1)).toMatchObject({ fault: 'echoProxy', httpStatus: 400 });
		emulator.setEchoProxy(undefined);
		expect((await sendStsGet(emulator.url)).response.status).toBe(200);
	});

	it('is set by the option and the control route', async () => {
		await withEmulator({ qps: 0, echoProxy: { format: 'text' } }, async (other) => {
			const first = await sendStsGet(other.url);
			expect(first.response.status).toBe(403);
			expect(first.text.startsWith(first.url)).toBe(true);
			const set = async (body: unknown) =>
				(await fetch(`${other.url}/__emulator/echo-proxy`, { method: 'POST', body: JSON.stringify(body) })).status;
			expect(await set(null)).toBe(200);
			expect((await sendStsGet(other.url)).response.status).toBe(200);
			expect(await set({ format: 'json', httpStatus: 200 })).toBe(200);
			const echoed = await sendStsGet(other.url);
			expect(echoed.response.status).toBe(200);
			expect(echoed.response.headers.get('content-type')).toBe('application/json');
			expect(await set({ format: 'pdf' })).toBe(400);
			expect(await set({ format: 'html', httpStatus: 99 })).toBe(400);
		});
	});
});
