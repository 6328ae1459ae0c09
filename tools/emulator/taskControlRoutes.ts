// Control routes for jobs and their device tasks (see controlApi.ts).
import type { JobSpec } from './jobSpec';
import type { Emulator } from './types';

type Route = (body: unknown, url: URL) => unknown;

export function taskRoutes(emulator: Emulator): Record<string, Route> {
	return {
		/** Body: JobSpec. Answers the new job's JobTaskSummary. */
		'POST jobs-with-tasks': (body) => emulator.addJobWithTasks((body ?? {}) as JobSpec),
		/** Body: `{jobId, steps?}`. Answers the job's JobTaskSummary after the move. */
		'POST advance-tasks': (body) => {
			const { jobId, steps } = (body ?? {}) as { jobId?: string; steps?: number };
			return emulator.advanceTasks(String(jobId), steps);
		},
		/** Body: `{ms}`: the fleet clock's tick (0 stops it). */
		'POST fleet-tick': (body) => {
			emulator.setFleetTick(Number((body as { ms?: unknown } | undefined)?.ms ?? 0));
			return { ok: true };
		},
		/** `?jobId=...`: the job's JobTaskSummary. */
		'GET task-summary': (_body, url) => emulator.taskSummary(url.searchParams.get('jobId') ?? ''),
	};
}
