// One job's device tasks, stored compactly so a job can have hundreds of thousands: a status byte and a
// modification time per task; everything else about a task is derived from the job and its index.
// Counts per status are kept up to date, so a `Total` per status costs nothing.
import { hashSeed, mulberry32 } from './prng';
import { nextCode, STATUS_CODE, TASK_STATUSES, TERMINAL_CODES, type StatusCode, type TaskCounts, type TaskStatus } from './taskStates';

/** Times are kept as whole seconds since this instant (fits a Uint32 until 2156). */
const TIME_BASE_MS = Date.UTC(2020, 0, 1);

export interface TaskSelection {
	/** Tasks matching the filters, in list order. */
	total: number;
	/** Indexes of the tasks on the requested slice. */
	indexes: number[];
}

export class JobTasks {
	readonly size: number;
	private readonly statuses: Uint8Array;
	private readonly modifiedSeconds: Uint32Array;
	private readonly counts: number[] = TASK_STATUSES.map(() => 0);

	/**
	 * `statuses` is taken over (one StatusCode per task). `failureRate`: the share of tasks that end FAILED
	 * rather than SUCCEEDED when they leave IN_PROGRESS, decided per task from `seed`.
	 */
	constructor(
		readonly seed: number,
		readonly createdMs: number,
		statuses: Uint8Array,
		readonly failureRate: number,
		readonly needConfirm: boolean,
		modifiedSpreadSeconds = 0,
	) {
		this.size = statuses.length;
		this.statuses = statuses;
		this.modifiedSeconds = new Uint32Array(this.size);
		const created = toSeconds(createdMs);
		for (let i = 0; i < this.size; i++) {
			this.counts[statuses[i]]++;
			const moved = statuses[i] !== STATUS_CODE.QUEUED && statuses[i] !== STATUS_CODE.CONFIRM;
			this.modifiedSeconds[i] = created + (moved && modifiedSpreadSeconds > 0 ? unitHash(seed, i) * modifiedSpreadSeconds : 0);
		}
	}

	statusOf(index: number): TaskStatus {
		return TASK_STATUSES[this.statuses[index]];
	}

	modifiedMsOf(index: number): number {
		return TIME_BASE_MS + this.modifiedSeconds[index] * 1000;
	}

	/** A per-task number in [0, 1), the same on every run. */
	unit(index: number, salt = 0): number {
		return unitHash(this.seed ^ salt, index);
	}

	count(status?: TaskStatus): number {
		return status === undefined ? this.size : this.counts[STATUS_CODE[status]];
	}

	countsByStatus(): TaskCounts {
		return Object.fromEntries(TASK_STATUSES.map((status, code) => [status, this.counts[code]])) as TaskCounts;
	}

	allEnded(): boolean {
		return [...TERMINAL_CODES].reduce((sum, code) => sum + this.counts[code], 0) === this.size;
	}

	/** The tasks matching `status` (and, when given, among `indexes`), in list order, from `offset`. */
	select(filter: { status?: TaskStatus; indexes?: readonly number[] }, offset: number, limit: number): TaskSelection {
		const code = filter.status === undefined ? undefined : STATUS_CODE[filter.status];
		if (filter.indexes) {
			const matching = [...new Set(filter.indexes)]
				.filter((index) => index >= 0 && index < this.size && (code === undefined || this.statuses[index] === code))
				.sort((a, b) => a - b);
			return { total: matching.length, indexes: matching.slice(offset, offset + limit) };
		}
		if (code === undefined) {
			const end = Math.min(this.size, offset + limit);
			return { total: this.size, indexes: Array.from({ length: Math.max(0, end - offset) }, (_, i) => offset + i) };
		}
		const total = this.counts[code];
		const indexes: number[] = [];
		if (offset >= total) return { total, indexes };
		// A scan of one byte per task: about a millisecond for 100,000 tasks.
		let seen = 0;
		for (let i = 0; i < this.size && indexes.length < limit; i++) {
			if (this.statuses[i] !== code) continue;
			if (seen++ >= offset) indexes.push(i);
		}
		return { total, indexes };
	}

	/** Moves every unfinished task `steps` states on; returns how many tasks changed state. */
	advance(steps: number, nowMs: number): number {
		const now = toSeconds(nowMs);
		let moved = 0;
		for (let i = 0; i < this.size; i++) {
			const from = this.statuses[i];
			if (TERMINAL_CODES.has(from)) continue;
			let to = from;
			for (let step = 0; step < steps; step++) to = nextCode(to, this.unit(i) < this.failureRate);
			if (to === from) continue;
			this.setStatus(i, to, now);
			moved++;
		}
		return moved;
	}

	/** Cancels every task now in one of `statuses`; returns how many were canceled. */
	cancel(statuses: ReadonlySet<TaskStatus>, nowMs: number): number {
		// An ended task stays as it ended.
		const codes = new Set([...statuses].map((status) => STATUS_CODE[status]).filter((code) => !TERMINAL_CODES.has(code)));
		const now = toSeconds(nowMs);
		let canceled = 0;
		for (let i = 0; i < this.size; i++) {
			if (!codes.has(this.statuses[i])) continue;
			this.setStatus(i, STATUS_CODE.CANCELED, now);
			canceled++;
		}
		return canceled;
	}

	/** One task moves to `status` (Confirm, Re-upgrade, Cancel by Device). */
	move(index: number, status: TaskStatus, nowMs: number): void {
		this.setStatus(index, STATUS_CODE[status], toSeconds(nowMs));
	}

	private setStatus(index: number, code: StatusCode, nowSeconds: number): void {
		this.counts[this.statuses[index]]--;
		this.counts[code]++;
		this.statuses[index] = code;
		this.modifiedSeconds[index] = Math.max(this.modifiedSeconds[index], nowSeconds);
	}
}

function toSeconds(ms: number): number {
	return Math.max(0, Math.floor((ms - TIME_BASE_MS) / 1000));
}

/** murmur3's finaliser over (seed, index): cheap, and well spread. */
function unitHash(seed: number, index: number): number {
	let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * `size` status codes in the proportions of `mix` (weights; counts that add up to `size` come out exact),
 * spread over the list in a seeded order.
 */
export function allocateStatuses(size: number, mix: Partial<Record<TaskStatus, number>>, seed: number): Uint8Array {
	for (const [status, weight] of Object.entries(mix)) {
		if (!(TASK_STATUSES as readonly string[]).includes(status)) throw new Error(`statusMix: "${status}" is not a task status (${TASK_STATUSES.join(', ')})`);
		if (typeof weight !== 'number' || !(weight >= 0)) throw new Error(`statusMix.${status} must be a non-negative number`);
	}
	const entries = TASK_STATUSES.map((status) => [STATUS_CODE[status], mix[status] ?? 0] as const).filter(([, weight]) => weight > 0);
	const weightSum = entries.reduce((sum, [, weight]) => sum + weight, 0);
	if (weightSum <= 0) throw new Error('statusMix needs at least one positive weight');
	// Largest remainder: floor every share, then hand the rest out by the largest fractions.
	const shares = entries.map(([code, weight]) => {
		const exact = (weight / weightSum) * size;
		return { code, count: Math.floor(exact), fraction: exact - Math.floor(exact) };
	});
	let rest = size - shares.reduce((sum, share) => sum + share.count, 0);
	for (const share of [...shares].sort((a, b) => b.fraction - a.fraction)) {
		if (rest-- <= 0) break;
		share.count++;
	}
	const statuses = new Uint8Array(size);
	let at = 0;
	for (const share of shares) {
		statuses.fill(share.code, at, at + share.count);
		at += share.count;
	}
	const random = mulberry32(hashSeed('taskOrder', seed));
	for (let i = size - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const swap = statuses[i];
		statuses[i] = statuses[j];
		statuses[j] = swap;
	}
	return statuses;
}
