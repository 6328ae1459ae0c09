/**
 * The pure arithmetic of the shared quota: one sliding window of reserved slots per quota group and
 * action, the local limiter's rule (at most `limit` requests in any QUOTA_WINDOW_MS) made common to
 * every process. A process that has the quota to itself may still send `limit` requests at once, as
 * it may without Redis; while several share it, slots are also spaced `QUOTA_WINDOW_MS / limit`
 * apart: bursts sent from many processes reach Alibaba with more spread (CPU, sockets) than one
 * process's, and a late request of one burst meets the next burst in Alibaba's window.
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
	/** When each process that reserved within the last SHARED_SPELL_MS last did so. */
	clients: Record<string, number>;
}

export const EMPTY_STATE: SharedQuotaState = { slots: [], holdUntil: 0, penaltyUntil: 0, penaltyFactor: 1, clients: {} };

/** Processes that reserved within this long of each other share the quota: slots are spaced. */
export const SHARED_SPELL_MS = 2_000;

/** Keys of unused groups vanish this long after their last slot, hold or penalty ends. */
export const IDLE_EXPIRY_MS = 60_000;

export interface Reservation {
	state: SharedQuotaState;
	/** How long the caller waits before sending: 0 when a slot is free now. */
	waitMs: number;
	/** How many processes share the quota now (this one included): each one's share if Redis goes away. */
	sharers: number;
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
export function reserve(previous: SharedQuotaState, now: number, limit: number, client: string): Reservation {
	const penalised = now < previous.penaltyUntil;
	const windowMs = Math.ceil(QUOTA_WINDOW_MS * (penalised ? previous.penaltyFactor : 1));
	const others = Object.entries(previous.clients).filter(([name, at]) => name !== client && at > now - SHARED_SPELL_MS);
	const { slots } = previous;
	const last = slots.at(-1) ?? 0;
	let start = Math.max(now, previous.holdUntil, last);
	if (slots.length >= limit) start = Math.max(start, slots[slots.length - limit] + windowMs);
	if (others.length > 0 && slots.length > 0) start = Math.max(start, last + Math.ceil(windowMs / limit));
	const state: SharedQuotaState = {
		slots: [...slots, start].slice(-limit),
		holdUntil: previous.holdUntil,
		penaltyUntil: penalised ? previous.penaltyUntil : 0,
		penaltyFactor: penalised ? previous.penaltyFactor : 1,
		clients: { ...Object.fromEntries(others), [client]: now },
	};
	return { state, waitMs: start - now, sharers: others.length + 1, ttlMs: ttl(state, now) };
}

/** A worker saw a throttle (or came back from sending on its own): every worker slows down. Never shortens one in force. */
export function penalise(previous: SharedQuotaState, now: number, penalty: Penalty): { state: SharedQuotaState; ttlMs: number } {
	const active = now < previous.penaltyUntil;
	const state: SharedQuotaState = {
		...previous,
		holdUntil: Math.max(previous.holdUntil, now + (penalty.pauseMs ?? 0)),
		penaltyUntil: Math.max(active ? previous.penaltyUntil : 0, now + penalty.durationMs),
		penaltyFactor: Math.max(active ? previous.penaltyFactor : 1, penalty.factor, 1),
	};
	return { state, ttlMs: ttl(state, now) };
}
