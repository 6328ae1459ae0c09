// Unsigned routes under /__emulator/ for driving an emulator that runs in another process
// (next to a real n8n, say). They bypass latency, faults and flow control, and are not recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { jobRoute, modeRoutes } from './controlModeRoutes';
import { validateFaultMode, validateInjectedFault } from './faultValidation';
import { readBody } from './httpRequest';
import { quotaRoutes } from './quotaControlRoutes';
import { taskRoutes } from './taskControlRoutes';
import type { StatsSummary } from './stats';
import type { Emulator, FirmwareSpec } from './types';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlTarget extends Emulator {
	statsSummary(): StatsSummary;
}

type Route = (body: unknown, url: URL) => unknown;

function routes(emulator: ControlTarget): Record<string, Route> {
	return {
		'GET stats': () => emulator.statsSummary(),
		/** The last `limit` (default 100) recorded requests. */
		'GET requests': (_body, url) => emulator.requests.slice(-Number(url.searchParams.get('limit') ?? 100)),
		'POST reset': () => {
			emulator.resetStats();
			emulator.clearFaults();
			emulator.setFaultMode(undefined);
			return { ok: true };
		},
		'POST faults': (body) => {
			emulator.inject(validateInjectedFault(body));
			return { ok: true };
		},
		'DELETE faults': () => {
			emulator.clearFaults();
			return { ok: true };
		},
		'POST mode': (body) => {
			emulator.setFaultMode(body === null ? undefined : validateFaultMode(body));
			return { ok: true };
		},
		'POST firmwares': (body) => {
			const fixture = emulator.addFirmware(body as FirmwareSpec);
			return {
				firmwareId: fixture.firmwareId,
				productKey: fixture.productKey,
				iotInstanceId: fixture.iotInstanceId,
				jobCount: fixture.jobs.length,
			};
		},
		/** `?firmwareId=...`: the firmware and its jobs are gone (as DeleteOTAFirmware does). */
		'DELETE firmwares': (_body, url) => {
			emulator.deleteFirmware(url.searchParams.get('firmwareId') ?? '');
			return { ok: true };
		},
		/** `{qps: N}` overrides every action's quota (0 = no limit); `{qps: null}` restores the documented ones. */
		'POST qps': (body) => {
			const qps = (body as Record<string, unknown> | undefined)?.qps;
			emulator.setQps(qps === null ? undefined : numberField(body, 'qps'));
			return { ok: true };
		},
		...quotaRoutes(emulator),
		...taskRoutes(emulator),
		'POST latency': (body) => {
			emulator.setLatency(numberField(body, 'ms'));
			return { ok: true };
		},
		...modeRoutes(emulator),
	};
}

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, url: URL, emulator: ControlTarget): Promise<void> {
	const path = url.pathname.slice(CONTROL_PREFIX.length);
	const route = routes(emulator)[`${req.method} ${path}`] ?? jobRoute(emulator, req.method, path);
	if (!route) return sendJson(res, 404, { error: `no control route ${req.method} ${url.pathname}` });
	try {
		const text = await readBody(req);
		const body: unknown = text.trim() === '' ? undefined : JSON.parse(text);
		sendJson(res, 200, route(body, url) ?? { ok: true });
	} catch (error) {
		sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
	}
}

function numberField(body: unknown, key: string): number {
	const value = (body as Record<string, unknown> | undefined)?.[key];
	if (typeof value !== 'number' || !(value >= 0)) throw new Error(`"${key}" must be a non-negative number`);
	return value;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
	const body = Buffer.from(JSON.stringify(value));
	res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': String(body.length) });
	res.end(body);
}
