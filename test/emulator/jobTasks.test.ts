import { allocateStatuses, JobTasks } from '../../tools/emulator/jobTasks';
import { STATUS_CODE, TASK_STATUSES, type TaskStatus } from '../../tools/emulator/taskStates';

const CREATED = Date.UTC(2026, 0, 1);

function tasksOf(mix: Partial<Record<TaskStatus, number>>, size: number, failureRate = 0.1): JobTasks {
	return new JobTasks(42, CREATED, allocateStatuses(size, mix, 42), failureRate, false);
}

describe('allocateStatuses', () => {
	it('gives exact counts when the weights are counts, spread over the list the same way on every run', () => {
		const statuses = allocateStatuses(10, { QUEUED: 6, CONFIRM: 3, FAILED: 1 }, 7);
		const count = (status: TaskStatus) => statuses.filter((code) => code === STATUS_CODE[status]).length;
		expect([count('QUEUED'), count('CONFIRM'), count('FAILED')]).toEqual([6, 3, 1]);
		expect(allocateStatuses(10, { QUEUED: 6, CONFIRM: 3, FAILED: 1 }, 7)).toEqual(statuses);
		expect([...statuses]).not.toEqual([...statuses].sort());
	});

	it('shares out by weight with largest remainders', () => {
		const tasks = tasksOf({ SUCCEEDED: 1, FAILED: 1, CANCELED: 1 }, 10);
		expect(tasks.countsByStatus()).toMatchObject({ SUCCEEDED: 4, FAILED: 3, CANCELED: 3 });
	});

	it('refuses unknown states and negative weights, naming them', () => {
		expect(() => allocateStatuses(5, { DONE: 1 } as never, 1)).toThrow('statusMix: "DONE" is not a task status');
		expect(() => allocateStatuses(5, { QUEUED: -1 }, 1)).toThrow('statusMix.QUEUED must be a non-negative number');
		expect(() => allocateStatuses(5, {}, 1)).toThrow('statusMix needs at least one positive weight');
	});
});

describe('JobTasks', () => {
	it('moves tasks CONFIRM/QUEUED -> NOTIFIED -> IN_PROGRESS -> SUCCEEDED or FAILED, keeping counts', () => {
		const tasks = tasksOf({ CONFIRM: 100, QUEUED: 900 }, 1000, 0.2);
		expect(tasks.advance(1, CREATED + 1000)).toBe(1000);
		expect(tasks.countsByStatus()).toMatchObject({ CONFIRM: 0, QUEUED: 0, NOTIFIED: 1000 });
		tasks.advance(1, CREATED + 2000);
		expect(tasks.count('IN_PROGRESS')).toBe(1000);
		expect(tasks.allEnded()).toBe(false);
		tasks.advance(5, CREATED + 3000);
		const failed = tasks.count('FAILED');
		expect(failed + tasks.count('SUCCEEDED')).toBe(1000);
		expect(failed).toBeGreaterThan(150);
		expect(failed).toBeLessThan(250);
		expect(tasks.allEnded()).toBe(true);
		expect(tasks.advance(1, CREATED + 4000)).toBe(0);
		expect(tasks.modifiedMsOf(0)).toBe(CREATED + 3000);
	});

	it('cancels only the states asked for, and never an ended task', () => {
		const tasks = tasksOf({ QUEUED: 5, NOTIFIED: 5, IN_PROGRESS: 5, SUCCEEDED: 5 }, 20);
		expect(tasks.cancel(new Set<TaskStatus>(['QUEUED', 'IN_PROGRESS', 'SUCCEEDED']), CREATED + 1000)).toBe(10);
		expect(tasks.countsByStatus()).toEqual({ CONFIRM: 0, QUEUED: 0, NOTIFIED: 5, IN_PROGRESS: 0, SUCCEEDED: 5, FAILED: 0, CANCELED: 10 });
	});

	it('selects pages of all tasks, of one state, or of given indexes, in list order', () => {
		const tasks = tasksOf({ QUEUED: 50, FAILED: 50 }, 100);
		expect(tasks.select({}, 95, 10)).toEqual({ total: 100, indexes: [95, 96, 97, 98, 99] });
		const failed = tasks.select({ status: 'FAILED' }, 0, 100);
		expect(failed.total).toBe(50);
		expect(failed.indexes.every((index) => tasks.statusOf(index) === 'FAILED')).toBe(true);
		expect(tasks.select({ status: 'FAILED' }, 10, 5).indexes).toEqual(failed.indexes.slice(10, 15));
		expect(tasks.select({ status: 'FAILED' }, 60, 5)).toEqual({ total: 50, indexes: [] });
		const some = [failed.indexes[3], 1000, -1, failed.indexes[1], failed.indexes[1]];
		expect(tasks.select({ status: 'FAILED', indexes: some }, 0, 10)).toEqual({ total: 2, indexes: [failed.indexes[1], failed.indexes[3]] });
	});

	it('keeps 150,000 tasks in one byte of status and four of time each', () => {
		const tasks = tasksOf({ QUEUED: 1 }, 150_000);
		const arrays = Object.values(tasks).filter((value): value is Uint8Array | Uint32Array => ArrayBuffer.isView(value));
		expect(arrays.reduce((bytes, array) => bytes + array.byteLength, 0)).toBe(150_000 * 5);
		expect(TASK_STATUSES.map((status) => tasks.count(status)).reduce((a, b) => a + b)).toBe(150_000);
	});
});
