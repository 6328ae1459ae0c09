import type { Clock } from '../../nodes/AlibabaCloudIot/transport/clock';

/**
 * Virtual time for the limiter and retry tests: `sleep` parks a timer, and `runUntilSettled`
 * jumps from timer to timer, so tests are deterministic and take no real time.
 */
export class FakeClock implements Clock {
	private time = 0;
	private timers: Array<{ at: number; wake: () => void }> = [];
	readonly sleeps: number[] = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((wake) => this.timers.push({ at: this.time + Math.max(0, ms), wake }));
	}

	/** Runs every pending timer in time order until `done` settles. */
	async runUntilSettled<T>(done: Promise<T>): Promise<T> {
		let settled = false;
		const watched = done.finally(() => {
			settled = true;
		});
		watched.catch(() => undefined);
		for (;;) {
			await flushMicrotasks();
			if (settled) return await watched;
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers.shift();
			if (!next) throw new Error('FakeClock: nothing left to run, but the promise is still pending');
			this.time = Math.max(this.time, next.at);
			next.wake();
		}
	}
}

async function flushMicrotasks(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
