// Facts kept in one place: the trigger's poll-budget guard passes a call's settings on (a write's
// method and its no-blind-retry rule), and the throttling hint names the action's own quota.
import type { IPollFunctions } from 'n8n-workflow';

import { hintFor } from '../../nodes/AlibabaCloudIot/helpers/errorHints';
import { AlibabaApiError } from '../../nodes/AlibabaCloudIot/transport/errors';
import type { IotCallSettings } from '../../nodes/AlibabaCloudIot/transport/iotCaller';
import { pollDeadline } from '../../nodes/AlibabaCloudIot/trigger/pollBudget';

describe("the poll budget's guard", () => {
	it('passes the settings of a call on unchanged', async () => {
		const seen: (IotCallSettings | undefined)[] = [];
		const context = { getPollBudgetMs: () => 36_000 } as unknown as IPollFunctions;
		const guarded = pollDeadline(context).guard(async (_action, _params, settings) => {
			seen.push(settings);
			return { RequestId: 'R', Success: true };
		});
		await guarded('CancelOTATaskByJob', { JobId: 'J' }, { method: 'POST', retryUnknownOutcome: false });
		await guarded('ListOTAJobByFirmware', { FirmwareId: 'F' });
		expect(seen).toEqual([{ method: 'POST', retryUnknownOutcome: false }, undefined]);
	});
});

describe('the throttling hint', () => {
	const throttled = (action?: string) =>
		hintFor(new AlibabaApiError({ kind: 'throttling', code: 'Throttling.User', apiMessage: 'Request was denied due to user flow control.', action }));

	it.each([
		['ListOTAJobByFirmware', '10 requests per second'],
		['CancelOTATaskByJob', '5 requests per second'],
		['QueryOTAFirmware', '20 requests per second'],
		['ConfirmOTATask', '20 requests per second'],
	])('names the quota of %s', (action, quota) => {
		expect(throttled(action)).toBe(`Alibaba Cloud allows ${quota} per account for ${action}, shared by all its RAM users.`);
	});

	it('says no number for an action without a documented quota', () => {
		expect(throttled('SomeOtherAction')).toContain('a number of requests per second per account for SomeOtherAction');
	});
});
