import {
	ceilingPerSecond,
	EMPTY_STATE,
	IDLE_EXPIRY_MS,
	penalise,
	reserve,
	type SharedQuotaState,
} from '../../nodes/AlibabaCloudIot/transport/sharedQuotaState';

/**
 * Reserves a slot for each arrival time, carrying the state like the Lua script does; returns the
 * start times. `clients` names who asks each time (cycled): one name is a process on its own.
 */
function reserveAll(arrivals: number[], limit: number, start: SharedQuotaState = EMPTY_STATE, clients = ['p1']) {
	let state = start;
	const starts = arrivals.map((now, index) => {
		const reservation = reserve(state, now, limit, clients[index % clients.length]);
		state = reservation.state;
		return now + reservation.waitMs;
	});
	return { starts, state };
}

/** The most starts within any 1000 ms (Alibaba's window): never above the limit. */
function busiestSecond(starts: number[]): number {
	return Math.max(...starts.map((from) => starts.filter((at) => at >= from && at < from + 1_000).length));
}

describe('shared quota state (a sliding window of reserved slots)', () => {
	it('the ceiling is the lower of the action quota and the credential maximum, in whole requests', () => {
		expect(ceilingPerSecond(10, undefined)).toBe(10);
		expect(ceilingPerSecond(10, 4)).toBe(4);
		expect(ceilingPerSecond(10, 50)).toBe(10);
		expect(ceilingPerSecond(10, 0)).toBe(10);
		expect(ceilingPerSecond(Infinity, undefined)).toBe(1);
	});

	it('up to the limit at once, as a lone client may; the next ones one window (1,050 ms) later', () => {
		const { starts } = reserveAll(new Array<number>(25).fill(1_000), 10);
		expect(starts.slice(0, 10)).toEqual(new Array(10).fill(1_000));
		expect(starts.slice(10, 20)).toEqual(new Array(10).fill(2_050));
		expect(starts.slice(20)).toEqual(new Array(5).fill(3_100));
	});

	it('however many workers ask, in whatever pattern, no 1,000 ms holds more than the limit', () => {
		// Eight workers, each asking at its own rhythm.
		const arrivals = Array.from({ length: 400 }, (_, index) => (index % 8) * 37 + Math.floor(index / 8) * 90).sort((a, b) => a - b);
		for (const clients of [['p1'], ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']]) {
			expect(busiestSecond(reserveAll(arrivals, 10, EMPTY_STATE, clients).starts)).toBeLessThanOrEqual(10);
		}
	});

	it('while several processes share the quota, slots are spaced a tenth of the window apart; alone again, bursts again', () => {
		const { starts, state } = reserveAll(new Array<number>(4).fill(1_000), 10, EMPTY_STATE, ['p1', 'p2']);
		expect(starts).toEqual([1_000, 1_105, 1_210, 1_315]);
		// Long after the last other process asked, one process has it to itself.
		expect(reserveAll(new Array<number>(3).fill(10_000), 10, state, ['p2']).starts).toEqual([10_000, 10_000, 10_000]);
	});

	it('each reservation says how many processes share the quota: its share should Redis go away', () => {
		let state = EMPTY_STATE;
		const sharers = ['p1', 'p2', 'p3', 'p1', 'p2'].map((client, index) => {
			const reservation = reserve(state, index * 100, 10, client);
			state = reservation.state;
			return reservation.sharers;
		});
		expect(sharers).toEqual([1, 2, 3, 3, 3]);
		// p2 and p3 gone quiet for longer than the spell: p1 has it to itself again.
		expect(reserve(state, 5_000, 10, 'p1').sharers).toBe(1);
	});

	it('first come first served: a later arrival never starts before an earlier one', () => {
		const { starts } = reserveAll([0, 0, 0, 50, 60, 400, 1_000, 1_000, 1_200, 5_000], 3);
		for (let index = 1; index < starts.length; index++) expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1]);
		expect(busiestSecond(starts)).toBeLessThanOrEqual(3);
		expect(starts.at(-1)).toBe(5_000);
	});

	it('a penalty lengthens the window for every later reservation, and ends on time', () => {
		const { state } = penalise(EMPTY_STATE, 0, { factor: 2, durationMs: 5_000 });
		expect(reserveAll(new Array<number>(4).fill(0), 2, state).starts).toEqual([0, 0, 2_100, 2_100]);
		// After the penalty: the plain window again.
		const after = reserveAll([6_000, 6_000, 6_000], 2, state).starts;
		expect(after).toEqual([6_000, 6_000, 7_050]);
	});

	it('a pause holds every slot until it ends; a milder penalty never shortens one in force', () => {
		const first = penalise(EMPTY_STATE, 0, { factor: 3, durationMs: 5_000, pauseMs: 700 }).state;
		expect(reserve(first, 100, 10, 'p1').waitMs).toBe(600);
		const milder = penalise(first, 1_000, { factor: 1.5, durationMs: 500 }).state;
		expect(milder.penaltyFactor).toBe(3);
		expect(milder.penaltyUntil).toBe(5_000);
		expect(milder.holdUntil).toBeGreaterThanOrEqual(700);
	});

	it('keeps only the last `limit` slots, and keys expire after the idle time past the last slot or penalty', () => {
		const { state } = reserveAll(new Array<number>(30).fill(0), 10);
		expect(state.slots).toHaveLength(10);
		expect(reserve(EMPTY_STATE, 0, 10, 'p1').ttlMs).toBe(IDLE_EXPIRY_MS);
		expect(reserve(state, 0, 10, 'p1').ttlMs).toBe(3_150 + IDLE_EXPIRY_MS);
		expect(penalise(EMPTY_STATE, 0, { factor: 2, durationMs: 3_000 }).ttlMs).toBe(3_000 + IDLE_EXPIRY_MS);
	});
});
