import type { IPollFunctions } from 'n8n-workflow';

import { systemClock, type Clock } from '../transport/clock';
import type { IotCaller } from '../transport/iotCaller';

/**
 * Kept back from the budget for the requests already under way (one may take its whole timeout)
 * and for handing the items to n8n.
 */
const RESERVE_MS = 10_000;

/** Thrown instead of starting a request once the poll's budget is nearly spent. */
export class PollBudgetSpent extends Error {
	constructor() {
		super('The poll budget is nearly spent');
		this.name = 'PollBudgetSpent';
	}
}

export interface PollDeadline {
	passed(): boolean;
	/** `call`, refusing to start a request once the deadline has passed. */
	guard(call: IotCaller): IotCaller;
}

/**
 * When this poll should stop starting requests. n8n's durable scheduler gives each poll a budget
 * (`getPollBudgetMs`, ≈36 s by default; n8n-core's PollContext says 5 minutes when the scheduler
 * gives none); an n8n without the method gets no deadline.
 */
export function pollDeadline(context: IPollFunctions, clock: Clock = systemClock): PollDeadline {
	const startedAt = clock.now();
	const getBudget = (context as Partial<IPollFunctions>).getPollBudgetMs;
	const budget = typeof getBudget === 'function' ? Number(getBudget.call(context)) : NaN;
	const deadline = Number.isFinite(budget) ? startedAt + budget - Math.min(RESERVE_MS, Math.max(budget, 0) / 4) : Infinity;
	const passed = () => clock.now() >= deadline;
	return {
		passed,
		// Settings pass on whole: a write's method and its no-retry-after-a-lost-answer rule.
		guard: (call) => async (action, params, settings) => {
			if (passed()) throw new PollBudgetSpent();
			return await call(action, params, settings);
		},
	};
}
