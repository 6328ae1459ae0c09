import { throttleWaitMs } from '../../nodes/AlibabaCloudIot/transport/throttleHints';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('throttleWaitMs', () => {
	it('reads x-acs-retry-after as milliseconds', () => {
		expect(throttleWaitMs(headers({ 'x-acs-retry-after': '750' }))).toBe(750);
	});

	it.each(['x-ratelimit-user-api', 'x-ratelimit-user'])("reads TimeLeft from %s, as Alibaba's SDK cores do", (name) => {
		expect(throttleWaitMs(headers({ [name]: 'Limit:10,Remain:0,TimeLeft:2000,Reset:1234' }))).toBe(2000);
		expect(throttleWaitMs(headers({ [name]: ' TimeLeft : 40 ' }))).toBe(40);
	});

	it('takes the largest wait when several headers carry one', () => {
		expect(
			throttleWaitMs(
				headers({
					'x-acs-retry-after': '300',
					'x-ratelimit-user-api': 'Limit:10,Remain:0,TimeLeft:900,Reset:900',
					'x-ratelimit-user': 'Limit:50,Remain:0,TimeLeft:1200,Reset:1200',
				}),
			),
		).toBe(1200);
		expect(throttleWaitMs(headers({ 'x-acs-retry-after': '1500', 'x-ratelimit-user': 'TimeLeft:20' }))).toBe(1500);
	});

	it.each([
		[{}],
		[{ 'x-acs-retry-after': '' }],
		[{ 'x-acs-retry-after': 'soon' }],
		[{ 'x-acs-retry-after': '-5' }],
		[{ 'x-ratelimit-user-api': 'Limit:10,Remain:0,Reset:1234' }],
		[{ 'x-ratelimit-user': 'TimeLeft:abc' }],
		[{ 'x-ratelimit-user': 'TimeLeft:' }],
	])('has no wait when no header carries a usable one (%p)', (values) => {
		expect(throttleWaitMs(headers(values))).toBeUndefined();
	});

	it('ignores an unusable header beside a usable one', () => {
		expect(throttleWaitMs(headers({ 'x-acs-retry-after': 'soon', 'x-ratelimit-user': 'Remain:0,TimeLeft:250' }))).toBe(250);
	});
});
