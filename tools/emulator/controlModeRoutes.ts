// Control routes for the serving modes and for changing jobs, for an emulator in another process
// (the real-n8n e2e). Same conventions as controlApi.ts: JSON in, JSON out, 400 with a message on bad input.
import type { Emulator, JobPatch } from './types';

type Route = (body: unknown) => unknown;

function field(body: unknown, key: string): unknown {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`body must be an object with "${key}"`);
	return (body as Record<string, unknown>)[key];
}

/** The emulator validates each value, so a typo answers 400 naming the allowed ones. */
export function modeRoutes(emulator: Emulator): Record<string, Route> {
	return {
		'POST job-order': (body) => {
			emulator.setJobOrder(field(body, 'order') as never);
			return { ok: true };
		},
		'POST enum-spelling': (body) => {
			emulator.setEnumSpelling(field(body, 'spelling') as never);
			return { ok: true };
		},
		'POST instance-not-found-code': (body) => {
			emulator.setInstanceNotFoundCode(field(body, 'code') as never);
			return { ok: true };
		},
		'POST throttle-hint': (body) => {
			emulator.setThrottleHint(field(body, 'hint') as never);
			return { ok: true };
		},
		/** `{format, httpStatus?}` turns the echoing proxy on; `null` turns it off. */
		'POST echo-proxy': (body) => {
			emulator.setEchoProxy(body === null ? undefined : (body as never));
			return { ok: true };
		},
	};
}

const FIRMWARE_JOBS = /^firmwares\/([^/]+)\/jobs$/;
const JOB = /^jobs\/([^/]+)$/;

/** `POST firmwares/<firmwareId>/jobs` (body: optional job fields) answers the new job;
 * `GET firmwares/<firmwareId>/jobs` answers all its jobs as the next listing serves them (order, spelling);
 * `POST jobs/<jobId>` (body: {JobStatus}) answers the changed job. */
export function jobRoute(emulator: Emulator, method: string | undefined, route: string): Route | undefined {
	const firmware = FIRMWARE_JOBS.exec(route);
	if (firmware) {
		const firmwareId = decodeURIComponent(firmware[1]);
		if (method === 'GET') return () => emulator.servedJobs(firmwareId);
		if (method === 'POST') return (body) => emulator.addJob(firmwareId, (body ?? {}) as JobPatch);
		return undefined;
	}
	if (method !== 'POST') return undefined;
	const job = JOB.exec(route);
	if (job) {
		const jobId = decodeURIComponent(job[1]);
		return (body) => emulator.setJobStatus(jobId, field(body, 'JobStatus') as string);
	}
	return undefined;
}
