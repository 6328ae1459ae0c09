/** Time as the limiter and the retry loop see it; tests pass a fake one so nothing really sleeps. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
