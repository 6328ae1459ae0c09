/**
 * The pure arithmetic of the shared quota: GCRA on one state per quota group + action.
 * The Lua script (sharedQuotaScript.ts) does exactly this with Redis's TIME as `now`; keeping it here lets
 * fake-clock tests prove the reservation and penalty rules without Redis.
 */
import { QUOTA_WINDOW_MS } from './quotaWindow';

export interface SharedQuotaState {
	/** Theoretical arrival time: the earliest ms at which the next request may start. */
	tat: number;
	/** Until this ms every worker spaces requests wider, because one of them was throttled. */
	penaltyUntil: number;
	/** Interval multiplier while the penalty lasts (>= 1). */
	penaltyFactor: number;
}

export const EMPTY_STATE: SharedQuotaState = { tat: 0, penaltyUntil: 0, penaltyFactor: 1 };

/** Keys of unused groups vanish this long after their last reservation or penalty ends. */
export const IDLE_EXPIRY_MS = 60_000;

export interface Reservation {
	state: SharedQuotaState;
	/** How long the caller waits before sending: 0 when the slot is free now. */
	waitMs: number;
	/** PEXPIRE for the key so unused keys disappear. */
	ttlMs: number;
}

/** The ceiling: the action's documented quota, lowered by the credential's Max Requests per Second. */
export function ceilingPerSecond(actionQuota: number, credentialMax: number | undefined): number {
	const usable = [actionQuota, credentialMax].filter(
		(value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0,
	);
	return usable.length === 0 ? 1 : Math.min(...usable);
}

function ttl(state: SharedQuotaState, now: number): number {
	return Math.max(state.tat, state.penaltyUntil, now) - now + IDLE_EXPIRY_MS;
}

/** Slots of one quota are this far apart: no bursts, since many workers' bursts add up. */
export function slotIntervalMs(perSecond: number): number {
	return QUOTA_WINDOW_MS / perSecond;
}

/** First come first served: take the next free slot, however far ahead, and say how long to wait. */
export function reserve(previous: SharedQuotaState, now: number, perSecond: number): Reservation {
	const penalised = now < previous.penaltyUntil;
	const interval = slotIntervalMs(perSecond) * (penalised ? previous.penaltyFactor : 1);
	const start = Math.max(now, previous.tat);
	const state: SharedQuotaState = {
		tat: start + interval,
		penaltyUntil: penalised ? previous.penaltyUntil : 0,
		penaltyFactor: penalised ? previous.penaltyFactor : 1,
	};
	return { state, waitMs: start - now, ttlMs: ttl(state, now) };
}

/**
 * A worker saw a throttle: every worker's next slots are spaced `factor` times wider for `durationMs`,
 * and nobody starts before `now + pauseMs` (a server hint such as Retry-After). Penalties never shorten.
 */
export function penalise(
	previous: SharedQuotaState,
	now: number,
	penalty: { factor: number; durationMs: number; pauseMs?: number },
): { state: SharedQuotaState; ttlMs: number } {
	const active = now < previous.penaltyUntil;
	const state: SharedQuotaState = {
		tat: Math.max(previous.tat, now + (penalty.pauseMs ?? 0)),
		penaltyUntil: Math.max(active ? previous.penaltyUntil : 0, now + penalty.durationMs),
		penaltyFactor: Math.max(active ? previous.penaltyFactor : 1, penalty.factor, 1),
	};
	return { state, ttlMs: ttl(state, now) };
}
