/**
 * How long a throttled answer asks us to wait, in milliseconds, from any of the headers Alibaba
 * uses for it: `x-acs-retry-after` (a number of ms, honoured by Alibaba's CLI), and the
 * `x-ratelimit-user-api` / `x-ratelimit-user` pair that Alibaba's newer SDK cores read
 * (darabonba-openapi `getThrottlingTimeLeft`: `Limit:10,Remain:0,TimeLeft:2000,Reset:1234`, the
 * `TimeLeft` field in ms). The largest wait wins; undefined when no header carries one.
 */
export function throttleWaitMs(headerOf: (name: string) => string | undefined): number | undefined {
	const waits = [
		plainMilliseconds(headerOf('x-acs-retry-after')),
		timeLeftOf(headerOf('x-ratelimit-user-api')),
		timeLeftOf(headerOf('x-ratelimit-user')),
	].filter((wait): wait is number => wait !== undefined);
	return waits.length === 0 ? undefined : Math.max(...waits);
}

function plainMilliseconds(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	return asWait(Number(value));
}

/** `Key:Value` pairs separated by commas; only `TimeLeft` says how long to wait. */
function timeLeftOf(value: string | undefined): number | undefined {
	for (const pair of (value ?? '').split(',')) {
		const [key, text, ...rest] = pair.split(':');
		if (key.trim() !== 'TimeLeft' || rest.length > 0 || text === undefined || text.trim() === '') continue;
		return asWait(Number(text));
	}
	return undefined;
}

function asWait(milliseconds: number): number | undefined {
	return Number.isFinite(milliseconds) && milliseconds >= 0 ? Math.ceil(milliseconds) : undefined;
}
