// startEmulator: the HTTP server on 127.0.0.1, and the Emulator handle tests and the CLI drive it with.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { DEFAULT_TIMESTAMP_WINDOW_MS } from './auth';
import { CONTROL_PREFIX, handleControlRequest, type ControlTarget } from './controlApi';
import { FaultInjector } from './faults';
import { FirmwareStore } from './firmwareStore';
import { JobRegistry } from './jobRegistry';
import { seedFixtures } from './fixtures';
import { BodyTooLargeError, readBody, rpcParams } from './httpRequest';
import { isV3Request, readV3Request } from './signatureV3';
import { NonceRegistry } from './nonces';
import { decide, type ApiRequest, type EmulatorParts } from './pipeline';
import { RateLimiter } from './rateLimit';
import { outcomeStatus, writeOutcome, type Outcome } from './responses';
import { servingControls } from './servingControls';
import { initialServingModes } from './servingModes';
import { quotaReport } from './quotaReport';
import { handleOssPost } from './oss/ossPostObject';
import { SAMPLE_PACKAGE_PATH, sendSamplePackage } from './oss/samplePackage';
import { OSS_PATH, OssUploads } from './oss/ossUploads';
import { RequestStats } from './stats';
import type { Emulator, EmulatorOptions } from './types';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const firmwares = new FirmwareStore();
	if (options.seedFixtures !== false) seedFixtures(firmwares);
	for (const spec of options.fixtures ?? []) firmwares.add(spec);
	if (options.jobOrder !== undefined) firmwares.setJobOrder(options.jobOrder);
	const timestampWindowMs = options.timestampWindowMs ?? DEFAULT_TIMESTAMP_WINDOW_MS;
	const parts: EmulatorParts = {
		firmwares,
		jobs: new JobRegistry(firmwares),
		limiter: new RateLimiter(options.qps, options.quotaScope),
		faults: new FaultInjector(),
		nonces: new NonceRegistry(timestampWindowMs),
		oss: new OssUploads(),
		timestampWindowMs,
		modes: initialServingModes(options),
	};
	const stats = new RequestStats();
	let latencyMs = options.latencyMs ?? 0;
	const latencyTimers = new Set<NodeJS.Timeout>();
	let fleetClock: NodeJS.Timeout | undefined;
	const setFleetTick = (ms: number) => {
		if (fleetClock) clearInterval(fleetClock);
		fleetClock = ms > 0 ? setInterval(() => parts.jobs.advanceCreatedJobs(), ms) : undefined;
		fleetClock?.unref();
	};
	setFleetTick(options.fleetTickMs ?? 0);

	async function answerApiRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const body = req.method === 'POST' ? await readBody(req) : '';
		const formParams = rpcParams(url.searchParams, req.headers['content-type'], body);
		const v3 = isV3Request(req.headers) ? readV3Request(req.method ?? '', url, req.headers, body, formParams) : undefined;
		const params = v3 ? v3.params : formParams;
		const request: ApiRequest = {
			v3,
			method: req.method ?? '',
			path: url.pathname,
			params,
			url: `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`,
			body,
			receivedAt: Date.now(),
			receivedAtMonotonic: performance.now(),
		};
		const record = stats.record(
			{
				at: request.receivedAt,
				method: request.method,
				action: params.Action,
				accessKeyId: params.AccessKeyId,
				params,
				httpStatus: 0,
			},
			request.receivedAtMonotonic,
		);
		const { outcome, fault } = decide(request, parts);
		record.httpStatus = outcomeStatus(outcome);
		if (outcome.kind === 'json' && outcome.code) record.code = outcome.code;
		if (fault) record.fault = fault;
		stats.settle(record, request.admitted === true, request.receivedAtMonotonic);
		sendAfterLatency(res, outcome);
	}

	function sendAfterLatency(res: ServerResponse, outcome: Outcome): void {
		if (latencyMs <= 0) return writeOutcome(res, outcome);
		const timer = setTimeout(() => {
			latencyTimers.delete(timer);
			writeOutcome(res, outcome);
		}, latencyMs);
		latencyTimers.add(timer);
	}

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (req.method === 'GET' && url.pathname === SAMPLE_PACKAGE_PATH) return sendSamplePackage(res, url);
		const handling = url.pathname.startsWith(CONTROL_PREFIX)
			? handleControlRequest(req, res, url, emulator)
			: url.pathname === OSS_PATH || url.pathname === `${OSS_PATH}/`
				? handleOssPost(req, res, parts.oss)
				: answerApiRequest(req, res, url);
		handling.catch((error: unknown) => {
			if (res.headersSent) return void res.destroy();
			const status = error instanceof BodyTooLargeError ? 413 : 500;
			res.writeHead(status, { 'content-type': 'text/plain' }).end(String(error));
		});
	});
	// Keep-alive like the live endpoint, so clients that pool connections are exercised.
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;

	const emulator: ControlTarget = {
		url: `http://127.0.0.1:${port}`,
		port,
		requests: stats.requests,
		close: () =>
			new Promise<void>((resolve) => {
				setFleetTick(0);
				for (const timer of latencyTimers) clearTimeout(timer);
				latencyTimers.clear();
				server.close(() => resolve());
				// Hanging answers and idle keep-alive sockets would otherwise hold close() (and jest) open.
				server.closeAllConnections();
			}),
		addFirmware: (spec) => firmwares.add(spec),
		firmware: (firmwareId) => firmwares.get(firmwareId),
		deleteFirmware: (firmwareId) => firmwares.delete(firmwareId),
		addJobWithTasks: (spec) => parts.jobs.addJobWithTasks(spec),
		advanceTasks: (jobId, steps) => parts.jobs.advanceTasks(jobId, steps),
		taskSummary: (jobId) => parts.jobs.taskSummary(jobId),
		inject: (fault) => parts.faults.inject(fault),
		clearFaults: () => {
			parts.faults.clearFaults();
			parts.oss.failUploads(0);
		},
		failOssUploads: (count) => parts.oss.failUploads(count),
		setFleetTick,
		ossObjects: () => parts.oss.objectCount(),
		setFaultMode: (mode) => parts.faults.setMode(mode),
		setQps: (qps) => parts.limiter.setQps(qps),
		setQuotaScope: (scope) => parts.limiter.setScope(scope),
		quotas: () => quotaReport(parts.limiter),
		setLatency: (ms) => {
			latencyMs = ms;
		},
		...servingControls(firmwares, parts.modes),
		peakRequestsPerSecond: (accessKeyId) => stats.peak(accessKeyId),
		resetStats: () => stats.reset(),
		statsSummary: () => stats.summary(),
	};
	return emulator;
}
