import { FIXTURE_FIRMWARES, THROTTLE_HINT_STYLES, type ThrottleHintStyle } from '../../tools/emulator/index';
import { listJobs, sendSigned, type RpcAnswer } from '../../tools/emulator/handSignedRequest';
import { useEmulator, withEmulator } from '../support/useEmulator';

const emulator = useEmulator({ qps: 0 });

const HINT_HEADERS = ['x-acs-retry-after', 'x-ratelimit-user-api', 'x-ratelimit-user'];
const RATE_LIMIT_VALUE = /^Limit:10,Remain:0,TimeLeft:(\d+),Reset:(\d+)$/;

const listDemo = async (): Promise<RpcAnswer> => await sendSigned(emulator.url, { params: listJobs(FIXTURE_FIRMWARES.demo) });

/** Read the way Alibaba's SDK core reads it (darabonba-openapi getTimeLeft): `Key:Value` pairs, TimeLeft only. */
function timeLeft(value: string | null): number | undefined {
	for (const pair of (value ?? '').split(',')) {
		const [key, text] = pair.split(':');
		if (key?.trim() === 'TimeLeft') return parseInt(text.trim(), 10);
	}
	return undefined;
}

/** Which hint headers the answer carries, and the wait each tells (ms). */
function hints(answer: RpcAnswer): Record<string, number> {
	const found: Record<string, number> = {};
	for (const name of HINT_HEADERS) {
		const value = answer.headers.get(name);
		if (value === null) continue;
		if (name === 'x-acs-retry-after') {
			expect(value).toMatch(/^\d+$/);
			found[name] = Number(value);
		} else {
			const match = RATE_LIMIT_VALUE.exec(value);
			expect(match).not.toBeNull();
			expect(match?.[2]).toBe(match?.[1]);
			found[name] = timeLeft(value) ?? NaN;
		}
	}
	return found;
}

const EXPECTED_HEADER: Record<ThrottleHintStyle, string | undefined> = {
	retryAfter: 'x-acs-retry-after',
	ratelimitUserApi: 'x-ratelimit-user-api',
	ratelimitUser: 'x-ratelimit-user',
	none: undefined,
};

describe('throttle hints', () => {
	it.each(THROTTLE_HINT_STYLES)("the rate limiter's Throttling.User tells its wait as %s", async (style) => {
		// A fresh emulator: the limiter's window must not hold requests of the other cases.
		const answers = await withEmulator({ qps: 1 }, async (limited) => {
			limited.setThrottleHint(style);
			const send = async () => await sendSigned(limited.url, { params: listJobs(FIXTURE_FIRMWARES.demo) });
			return await Promise.all([send(), send()]);
		});
		const throttled = answers.filter((answer) => answer.status !== 200);
		expect(throttled).toHaveLength(1);
		expect(throttled[0].body.Code).toBe('Throttling.User');
		const found = hints(throttled[0]);
		const header = EXPECTED_HEADER[style];
		expect(Object.keys(found)).toEqual(header ? [header] : []);
		if (header) {
			expect(found[header]).toBeGreaterThanOrEqual(1);
			expect(found[header]).toBeLessThanOrEqual(1000);
		}
		const ok = answers.find((answer) => answer.status === 200);
		expect(ok && hints(ok)).toEqual({});
	});

	it.each(THROTTLE_HINT_STYLES)('throttleStorm answers tell their wait as %s', async (style) => {
		emulator.setThrottleHint(style);
		emulator.setFaultMode({ mode: 'throttleStorm', rate: 1 });
		const found = hints(await listDemo());
		const header = EXPECTED_HEADER[style];
		expect(Object.keys(found)).toEqual(header ? [header] : []);
		if (header) {
			expect(found[header]).toBeGreaterThanOrEqual(50);
			expect(found[header]).toBeLessThanOrEqual(200);
		}
	});

	it('injected throttles take the emulator-wide style, or their own', async () => {
		emulator.setThrottleHint('ratelimitUser');
		emulator.inject({ respond: { kind: 'throttle', waitMs: 1234 } });
		emulator.inject({ respond: { kind: 'throttle', waitMs: 2500, hint: 'ratelimitUserApi' } });
		emulator.inject({ respond: { kind: 'throttle', waitMs: 700, hint: 'retryAfter' } });
		const answers = [await listDemo(), await listDemo(), await listDemo()];
		expect(answers.map((answer) => [answer.status, answer.body.Code])).toEqual(Array(3).fill([400, 'Throttling.User']));
		expect(answers.map(hints)).toEqual([{ 'x-ratelimit-user': 1234 }, { 'x-ratelimit-user-api': 2500 }, { 'x-acs-retry-after': 700 }]);
		expect(answers[0].headers.get('x-ratelimit-user')).toBe('Limit:10,Remain:0,TimeLeft:1234,Reset:1234');
		expect(answers[1].headers.get('x-ratelimit-user-api')).toBe('Limit:10,Remain:0,TimeLeft:2500,Reset:2500');
		expect(answers[2].headers.get('x-acs-retry-after')).toBe('700');
		expect(emulator.requests.at(-1)).toMatchObject({ code: 'Throttling.User', fault: 'throttle' });
	});

	it('a gateway fault may still carry any headers it is given (several hints at once, say)', async () => {
		emulator.inject({
			respond: {
				kind: 'gateway',
				httpStatus: 400,
				code: 'Throttling.User',
				message: 'Request was denied due to user flow control.',
				headers: { 'x-acs-retry-after': '300', 'x-ratelimit-user': 'Limit:10,Remain:0,TimeLeft:900,Reset:900' },
			},
		});
		expect(hints(await listDemo())).toEqual({ 'x-acs-retry-after': 300, 'x-ratelimit-user': 900 });
	});

	it('is set by the option and control route, and rejects unknown styles', async () => {
		await withEmulator({ qps: 1, throttleHint: 'ratelimitUserApi' }, async (other) => {
			const send = async () => await sendSigned(other.url, { params: listJobs(FIXTURE_FIRMWARES.demo) });
			const [first, second] = await Promise.all([send(), send()]);
			expect(Object.keys(hints(first.status === 200 ? second : first))).toEqual(['x-ratelimit-user-api']);
			const set = async (hint: string) =>
				(await fetch(`${other.url}/__emulator/throttle-hint`, { method: 'POST', body: JSON.stringify({ hint }) })).status;
			expect(await set('none')).toBe(200);
			expect(await set('Retry-After')).toBe(400);
		});
		expect(() => emulator.inject({ respond: { kind: 'throttle', waitMs: -1 } })).toThrow(/waitMs/);
		expect(() => emulator.inject({ respond: { kind: 'throttle', waitMs: Infinity } })).toThrow(/waitMs/);
		expect(() => emulator.inject({ respond: { kind: 'throttle', waitMs: 1, hint: 'soon' as never } })).toThrow(/throttle hint/);
	});
});
