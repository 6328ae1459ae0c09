import { sleep } from 'n8n-workflow';

/** Time as the limiter and the retry loop see it; tests pass a fake one so nothing really sleeps. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

// n8n-workflow's sleep rather than a setTimeout of our own: n8n's package scanner forbids the global.
export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(Math.max(0, ms)),
};
