/**
 * The pure arithmetic of the shared quota: one sliding window of reserved slots per quota group and
 * action, the local limiter's rule (at most `limit` requests in any QUOTA_WINDOW_MS) made common to
 * every process. A lone process may still send its first `limit` requests at once, as it may without
 * Redis; many processes together never exceed the window, whatever their number.
 * The Lua script (sharedQuotaScript.ts) does exactly this on Redis's TIME; keeping it here lets
 * fake-clock tests prove the reservation and penalty rules without Redis.
 */
import { QUOTA_WINDOW_MS } from './quotaWindow';

export interface SharedQuotaState {
	/** The last `limit` reserved slots (ms), oldest first. */
	slots: number[];
	/** Nobody starts before this ms (a pause after a process comes back from sending on its own). */
	holdUntil: number;
	/** Until this ms the window is `penaltyFactor` times longer, because a worker was throttled. */
	penaltyUntil: number;
	penaltyFactor: number;
}

export const EMPTY_STATE: SharedQuotaState = { slots: [], holdUntil: 0, penaltyUntil: 0, penaltyFactor: 1 };

/** Keys of unused groups vanish this long after their last slot, hold or penalty ends. */
export const IDLE_EXPIRY_MS = 60_000;

export interface Reservation {
	state: SharedQuotaState;
	/** How long the caller waits before sending: 0 when a slot is free now. */
	waitMs: number;
	/** PEXPIRE for the key so unused keys disappear. */
	ttlMs: number;
}

export interface Penalty {
	/** The window is this many times longer (>= 1) ... */
	factor: number;
	/** ... for this long. */
	durationMs: number;
	/** Nobody starts before now + pauseMs. */
	pauseMs?: number;
}

/** Requests per window: the action's documented quota, lowered by the credential's Max Requests per Second. */
export function ceilingPerSecond(actionQuota: number, credentialMax: number | undefined): number {
	const usable = [actionQuota, credentialMax].filter(
		(value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0,
	);
	return usable.length === 0 ? 1 : Math.max(1, Math.floor(Math.min(...usable)));
}

function ttl(state: SharedQuotaState, now: number): number {
	return Math.max(state.slots.at(-1) ?? 0, state.holdUntil, state.penaltyUntil, now) - now + IDLE_EXPIRY_MS;
}

/**
 * First come first served: the next slot is never before the last one reserved, nor within a window
 * of the slot `limit` places back, nor in a hold; however far ahead that is, the caller waits for it.
 */
export function reserve(previous: SharedQuotaState, now: number, limit: number): Reservation {
	const penalised = now < previous.penaltyUntil;
	const windowMs = Math.ceil(QUOTA_WINDOW_MS * (penalised ? previous.penaltyFactor : 1));
	const { slots } = previous;
	let start = Math.max(now, previous.holdUntil, slots.at(-1) ?? 0);
	if (slots.length >= limit) start = Math.max(start, slots[slots.length - limit] + windowMs);
	const state: SharedQuotaState = {
		slots: [...slots, start].slice(-limit),
		holdUntil: previous.holdUntil,
		penaltyUntil: penalised ? previous.penaltyUntil : 0,
		penaltyFactor: penalised ? previous.penaltyFactor : 1,
	};
	return { state, waitMs: start - now, ttlMs: ttl(state, now) };
}

/** A worker saw a throttle (or came back from sending on its own): every worker slows down. Never shortens one in force. */
export function penalise(previous: SharedQuotaState, now: number, penalty: Penalty): { state: SharedQuotaState; ttlMs: number } {
	const active = now < previous.penaltyUntil;
	const state: SharedQuotaState = {
		slots: previous.slots,
		holdUntil: Math.max(previous.holdUntil, now + (penalty.pauseMs ?? 0)),
		penaltyUntil: Math.max(active ? previous.penaltyUntil : 0, now + penalty.durationMs),
		penaltyFactor: Math.max(active ? previous.penaltyFactor : 1, penalty.factor, 1),
	};
	return { state, ttlMs: ttl(state, now) };
}
