import {
	ceilingPerSecond,
	EMPTY_STATE,
	IDLE_EXPIRY_MS,
	penalise,
	reserve,
	type SharedQuotaState,
} from '../../nodes/AlibabaCloudIot/transport/sharedQuotaState';

/** Reserves `count` slots arriving at the given times, carrying the state like the Lua script does. */
function reserveAll(arrivals: number[], perSecond: number, start: SharedQuotaState = EMPTY_STATE) {
	let state = start;
	return arrivals.map((now) => {
		const reservation = reserve(state, now, perSecond);
		state = reservation.state;
		return now + reservation.waitMs;
	});
}

describe('shared quota state (GCRA)', () => {
	it('the ceiling is the lower of the action quota and the credential maximum', () => {
		expect(ceilingPerSecond(10, undefined)).toBe(10);
		expect(ceilingPerSecond(10, 4)).toBe(4);
		expect(ceilingPerSecond(10, 50)).toBe(10);
		expect(ceilingPerSecond(10, 0)).toBe(10);
	});

	it('a free slot is granted at once', () => {
		expect(reserve(EMPTY_STATE, 5_000, 10).waitMs).toBe(0);
	});

	it('twenty requests arriving together (any number of workers) start 105 ms apart at 10/s (the window margin)', () => {
		const starts = reserveAll(new Array<number>(20).fill(1_000), 10);
		expect(starts).toEqual(Array.from({ length: 20 }, (_, index) => 1_000 + index * 105));
	});

	it('first come first served: a later arrival never overtakes an earlier reservation', () => {
		const starts = reserveAll([0, 0, 0, 50, 60, 400, 1_000], 10);
		for (let index = 1; index < starts.length; index++) {
			expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1] + 105);
		}
		expect(starts.at(-1)).toBe(1_000);
	});

	it('no burst credit builds up while idle', () => {
		const after = reserveAll([0, 10_000, 10_000], 10);
		expect(after).toEqual([0, 10_000, 10_105]);
	});

	it('a penalty slows every later reservation and ends on time', () => {
		const { state } = penalise(EMPTY_STATE, 0, { factor: 2, durationMs: 1_000 });
		const starts = reserveAll([0, 0, 0], 10, state);
		expect(starts).toEqual([0, 210, 420]);
		const later = reserve(reserve(state, 2_000, 10).state, 2_000, 10);
		expect(later.waitMs).toBe(105);
	});

	it('a pause hint holds every slot until it ends; penalties never shorten', () => {
		const first = penalise(EMPTY_STATE, 0, { factor: 3, durationMs: 5_000, pauseMs: 700 }).state;
		expect(reserve(first, 100, 10).waitMs).toBe(600);
		const milder = penalise(first, 1_000, { factor: 1.5, durationMs: 500 }).state;
		expect(milder.penaltyFactor).toBe(3);
		expect(milder.penaltyUntil).toBe(5_000);
	});

	it('keys expire after the idle time past the last slot or penalty', () => {
		const reservation = reserve(EMPTY_STATE, 0, 10);
		expect(reservation.ttlMs).toBe(105 + IDLE_EXPIRY_MS);
		expect(penalise(EMPTY_STATE, 0, { factor: 2, durationMs: 3_000 }).ttlMs).toBe(3_000 + IDLE_EXPIRY_MS);
	});
});
