// Pure logic of the OTA toolbox: the paging cap, the retry rule for actions that change the fleet,
// and the flags Cancel by Job sends.
import { cancelOtaTasksByJob } from '../../nodes/AlibabaCloudIot/api/otaTaskCancel';
import { collectPages, PagingCapError } from '../../nodes/AlibabaCloudIot/api/paging';
import { AlibabaApiError, type AlibabaErrorKind } from '../../nodes/AlibabaCloudIot/transport/errors';
import type { IotCaller } from '../../nodes/AlibabaCloudIot/transport/iotCaller';
import { withRetries, type RetryPolicy } from '../../nodes/AlibabaCloudIot/transport/retry';
import { FakeClock } from '../support/fakeClock';

/** A list of `length` records served with CurrentPage/PageSize arithmetic, refusing pages past `cap`. */
function cappedList(length: number, cap: number) {
	const pages: string[] = [];
	const fetchPage = async ({ currentPage, pageSize }: { currentPage: number; pageSize: number }) => {
		pages.push(`${currentPage}:${pageSize}`);
		if (currentPage * pageSize > cap) throw new Error(`page ${currentPage}:${pageSize} is past the cap`);
		const start = (currentPage - 1) * pageSize;
		return { records: Array.from({ length: Math.max(0, Math.min(pageSize, length - start)) }, (_, i) => `r${start + i}`), total: length };
	};
	return { fetchPage, pages };
}

const collect = (list: ReturnType<typeof cappedList>, limit?: number) =>
	collectPages({ maxPageSize: 100, maxReadable: 1000, fetchPage: list.fetchPage, idOf: (record) => record, limit });

describe('collectPages with a cap on CurrentPage × PageSize', () => {
	it('reads a whole list that fits, up to the cap exactly', async () => {
		const list = cappedList(1000, 1000);
		expect(await collect(list)).toHaveLength(1000);
		expect(list.pages).toHaveLength(10);
	});

	it('stops Return All on a longer list after the first page, with the cap and the total', async () => {
		const list = cappedList(1001, 1000);
		const failure = collect(list);
		await expect(failure).rejects.toBeInstanceOf(PagingCapError);
		await expect(failure).rejects.toMatchObject({ cap: 1000, total: 1001 });
		expect(list.pages).toEqual(['1:100']);
	});

	it.each([999, 1000])('reads a limit of %i within the cap on a longer list', async (limit) => {
		const list = cappedList(5000, 1000);
		const records = await collect(list, limit);
		expect(records).toHaveLength(limit);
		expect(records[limit - 1]).toBe(`r${limit - 1}`);
	});

	it('stops a limit past the cap on a list that long', async () => {
		await expect(collect(cappedList(5000, 1000), 1001)).rejects.toBeInstanceOf(PagingCapError);
		expect(await collect(cappedList(700, 1000), 5000)).toHaveLength(700);
	});
});

describe('withRetries for an action that changes the fleet (retryUnknownOutcome: false)', () => {
	const policy: RetryPolicy = { maxAttempts: 5, maxElapsedMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000, retryUnknownOutcome: false };
	const error = (kind: AlibabaErrorKind, code: string, outcomeUnknown?: boolean) =>
		new AlibabaApiError({ kind, code, apiMessage: `${code} happened`, outcomeUnknown });

	async function attempts(first: AlibabaApiError): Promise<number> {
		let calls = 0;
		const clock = new FakeClock();
		const attempt = async () => {
			calls++;
			if (calls === 1) throw first;
			return 'ok';
		};
		await clock.runUntilSettled(withRetries(attempt, policy, clock, () => 0.5)).catch(() => undefined);
		return calls;
	}

	it.each<[AlibabaErrorKind, string, boolean | undefined]>([
		['timeout', 'RequestTimeout', undefined],
		['network', 'NetworkError', undefined],
		['invalidResponse', 'InvalidResponse', undefined],
		['server', 'InternalError', undefined],
		['server', 'iot.system.SystemException', undefined],
	])('does not retry %s (%s): the request may have been carried out', async (kind, code, unknown) => {
		expect(error(kind, code, unknown).outcomeUnknown).toBe(true);
		expect(await attempts(error(kind, code, unknown))).toBe(1);
	});

	it.each<[AlibabaErrorKind, string, boolean | undefined]>([
		['throttling', 'Throttling.User', undefined],
		['server', 'ServiceUnavailable', undefined],
		['server', 'SignatureNonceUsed', undefined],
		['network', 'NetworkError', false],
	])('retries %s (%s): it proves nothing was done', async (kind, code, unknown) => {
		expect(error(kind, code, unknown).outcomeUnknown).toBe(false);
		expect(await attempts(error(kind, code, unknown))).toBe(2);
	});

	it('leaves every other action retrying as before', async () => {
		let calls = 0;
		const clock = new FakeClock();
		const attempt = async () => {
			if (++calls < 3) throw error('timeout', 'RequestTimeout');
			return 'ok';
		};
		await clock.runUntilSettled(withRetries(attempt, { ...policy, retryUnknownOutcome: undefined }, clock, () => 0.5));
		expect(calls).toBe(3);
	});
});

describe('cancelOtaTasksByJob', () => {
	function recordingCaller(answer: Record<string, unknown> | Error) {
		const calls: Array<{ action: string; params: Record<string, unknown>; settings: unknown }> = [];
		const call: IotCaller = async (action, params, settings) => {
			calls.push({ action, params, settings });
			if (answer instanceof Error) throw answer;
			return answer;
		};
		return { call, calls };
	}

	it('sends every flag, with CancelUnconfirmedTask false unless CONFIRM is chosen, and never retries on unknown outcome', async () => {
		const { call, calls } = recordingCaller({ RequestId: 'R-1', Success: true });
		const result = await cancelOtaTasksByJob(call, { jobId: 'J1', states: ['NOTIFIED', 'QUEUED'] });
		expect(calls).toEqual([
			{
				action: 'CancelOTATaskByJob',
				params: {
					JobId: 'J1',
					IotInstanceId: undefined,
					CancelUnconfirmedTask: false,
					CancelQueuedTask: true,
					CancelNotifiedTask: true,
					CancelInProgressTask: false,
					CancelScheduledTask: false,
				},
				settings: { retryUnknownOutcome: false, method: 'POST' },
			},
		]);
		// States come back in a fixed order, whatever order they were chosen in.
		expect(result).toMatchObject({ JobId: 'J1', CanceledStates: ['QUEUED', 'NOTIFIED'], RequestId: 'R-1', Success: true });
	});

	it('refuses no states without calling', async () => {
		const { call, calls } = recordingCaller({ Success: true });
		await expect(cancelOtaTasksByJob(call, { jobId: 'J1', states: [] })).rejects.toThrow('at least one task state');
		expect(calls).toHaveLength(0);
	});

	it('says the outcome is unknown when it is, and passes other errors on unchanged', async () => {
		const timeout = new AlibabaApiError({ kind: 'timeout', code: 'RequestTimeout', apiMessage: 'No answer within 300 ms' });
		await expect(cancelOtaTasksByJob(recordingCaller(timeout).call, { jobId: 'J1', states: ['QUEUED'] })).rejects.toMatchObject({
			code: 'RequestTimeout',
			outcomeUnknown: true,
			apiMessage: expect.stringMatching(/^No answer within 300 ms\. The cancel may or may not have been carried out, so it was not retried/),
		});
		const refused = new AlibabaApiError({ kind: 'auth', code: 'Forbidden.RAM', apiMessage: 'not allowed' });
		await expect(cancelOtaTasksByJob(recordingCaller(refused).call, { jobId: 'J1', states: ['QUEUED'] })).rejects.toBe(refused);
	});
});
