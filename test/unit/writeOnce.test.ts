// The exactly-once rule's decisions, with a scripted caller (the engine tests run it against the emulator).
import { writeOnce, type WriteProof } from '../../nodes/AlibabaCloudIot/api/writeOnce';
import { AlibabaApiError } from '../../nodes/AlibabaCloudIot/transport/errors';
import type { IotCaller, IotCallSettings } from '../../nodes/AlibabaCloudIot/transport/iotCaller';

const lost = () => new AlibabaApiError({ kind: 'timeout', code: 'RequestTimeout', apiMessage: 'No answer within 10000 ms' });
const refused = () => new AlibabaApiError({ kind: 'business', code: 'iot.ota.Refused', apiMessage: 'no' });

function scriptedCaller(outcomes: Array<Error | Record<string, unknown>>) {
	const sent: IotCallSettings[] = [];
	const call: IotCaller = async (_action, _params, settings = {}) => {
		sent.push(settings);
		const next = outcomes.shift();
		if (!next) throw new Error('unexpected request');
		if (next instanceof Error) throw next;
		return next;
	};
	return { call, sent };
}

const request = (proofs: Array<WriteProof<string>>) => ({
	action: 'CreateOTAStaticUpgradeJob',
	params: { FirmwareId: 'f' },
	prove: async () => proofs.shift() ?? { unknown: 'no more proofs' },
	mayHaveHappened: 'The upgrade job may have been created',
	toCheck: "check the firmware's jobs",
});

describe('writeOnce', () => {
	it('sends once as POST, never retried by the transport after a lost answer', async () => {
		const { call, sent } = scriptedCaller([{ Success: true, Data: { JobId: 'j1' } }]);
		expect(await writeOnce(call, request([]))).toEqual({ answer: { Success: true, Data: { JobId: 'j1' } } });
		expect(sent).toEqual([{ method: 'POST', retryUnknownOutcome: false }]);
	});

	it('a lost answer, then found: recovered, nothing re-sent', async () => {
		const { call, sent } = scriptedCaller([lost()]);
		expect(await writeOnce(call, request([{ found: 'j1' }]))).toEqual({ recovered: 'j1' });
		expect(sent).toHaveLength(1);
	});

	it('a lost answer, proved absent: sent again, once', async () => {
		const { call, sent } = scriptedCaller([lost(), { Success: true }]);
		expect(await writeOnce(call, request([{ absent: true }]))).toEqual({ answer: { Success: true } });
		expect(sent).toHaveLength(2);
	});

	it('a lost answer and a read that cannot tell: fails, saying what may have happened, nothing re-sent', async () => {
		const { call, sent } = scriptedCaller([lost()]);
		const failure = writeOnce(call, request([{ unknown: 'the job list could not be read' }]));
		await expect(failure).rejects.toThrow(
			"RequestTimeout: No answer within 10000 ms. The upgrade job may have been created, and the job list could not be read, so it was not sent again: check the firmware's jobs before running this again",
		);
		await expect(failure).rejects.toMatchObject({ outcomeUnknown: true });
		expect(sent).toHaveLength(1);
	});

	it('a read that throws counts as unknown', async () => {
		const { call } = scriptedCaller([lost()]);
		const proving = { ...request([]), prove: async () => Promise.reject(refused()) };
		await expect(writeOnce(call, proving)).rejects.toThrow('the read that would tell failed (iot.ota.Refused: no)');
	});

	it('two lost answers: a second read decides; absent again means fail, never a third send', async () => {
		const twiceLost = scriptedCaller([lost(), lost()]);
		expect(await writeOnce(twiceLost.call, request([{ absent: true }, { found: 'j2' }]))).toEqual({ recovered: 'j2' });
		const stillAbsent = scriptedCaller([lost(), lost()]);
		await expect(writeOnce(stillAbsent.call, request([{ absent: true }, { absent: true }]))).rejects.toMatchObject({ outcomeUnknown: true });
		expect(stillAbsent.sent).toHaveLength(2);
	});

	it('an answer that proves refusal is passed on as it is, with no read', async () => {
		const refusal = refused();
		const { call } = scriptedCaller([refusal]);
		const proving = { ...request([]), prove: jest.fn() };
		await expect(writeOnce(call, proving)).rejects.toBe(refusal);
		expect(proving.prove).not.toHaveBeenCalled();
	});
});
