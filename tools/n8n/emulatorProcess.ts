// The IoT Platform emulator in its own process (tools/emulator/cli.ts), on a free port it picks itself,
// plus its unsigned control API for adding firmwares and reading what it received.
import { join } from 'node:path';

import type { FirmwareSpec, OtaJob, RecordedRequest } from '../emulator';
import type { QuotaReport } from '../emulator/quotaReport';
import type { StatsSummary } from '../emulator/stats';
import type { JobPatch } from '../emulator/types';
import { cleanEnv } from './childEnv';
import { REPO_ROOT } from './paths';
import { spawnGroup, withTimeout, type RunningProcess } from './processes';

export interface EmulatorInfo {
	url: string;
	accessKeyId: string;
	accessKeySecret: string;
	firmwareIds: Record<string, string>;
}

export interface EmulatorProcess extends EmulatorInfo {
	process: RunningProcess;
	addFirmware(spec: FirmwareSpec): Promise<{ firmwareId: string; jobCount: number }>;
	/** What addFirmware added so far: later parts list every firmware (the picker), not only their own. */
	readonly addedFirmwares: readonly FirmwareSpec[];
	/** The last `limit` (default 1000) requests the emulator received, oldest first. */
	requests(limit?: number): Promise<RecordedRequest[]>;
	/** GET /__emulator/stats. */
	stats(): Promise<StatsSummary>;
	/** Clears the recorded requests and figures (and any injected fault). */
	resetStats(): Promise<void>;
	/** GET /__emulator/quotas: each action's quota and whether it is counted per account or per key. */
	quotas(): Promise<QuotaReport>;
	/** A new job of the firmware, created now unless the patch says otherwise; answers the job. */
	addJob(firmwareId: string, patch?: JobPatch): Promise<OtaJob>;
	/** Changes a job's JobStatus (and UtcModified, UtcEndTime); answers the job. */
	setJobStatus(jobId: string, status: string): Promise<OtaJob>;
	/** Any other control route (`/__emulator/<route>`): the fleet clock, deleting firmwares. */
	control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
}

/** One unsigned control route of an emulator at `url` (`/__emulator/<route>`), answered as JSON. */
export async function emulatorControl<T = unknown>(url: string, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/__emulator/${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`emulator control ${method} ${route}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

const START_TIMEOUT_MS = 30_000;

/** `args`: more flags for tools/emulator/cli.ts (`--quota-scope account`, say). */
export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
	let output = '';
	let announce: (info: EmulatorInfo) => void = () => undefined;
	const announced = new Promise<EmulatorInfo>((resolve) => (announce = resolve));
	const proc = spawnGroup(
		'emulator',
		process.execPath,
		[require.resolve('tsx/cli'), join(REPO_ROOT, 'tools', 'emulator', 'cli.ts'), '--port', '0', ...args],
		{
			cwd: REPO_ROOT,
			env: cleanEnv(),
			onOutput: (text) => {
				output += text;
				const line = output.split('\n').find((candidate) => candidate.startsWith('{"url"'));
				if (line) announce(JSON.parse(line) as EmulatorInfo);
			},
		},
	);
	const exitedEarly = proc.exited.then((code) => Promise.reject(new Error(`the emulator exited (${code}): ${output}`)));
	const info = await withTimeout(
		Promise.race([announced, exitedEarly]),
		START_TIMEOUT_MS,
		`the emulator did not start in ${START_TIMEOUT_MS / 1000} s`,
	);
	const control = async <T>(method: string, route: string, body?: unknown) => await emulatorControl<T>(info.url, method, route, body);
	const addedFirmwares: FirmwareSpec[] = [];
	return {
		...info,
		process: proc,
		addFirmware: async (spec) => {
			const added = await control<{ firmwareId: string; jobCount: number }>('POST', 'firmwares', spec);
			addedFirmwares.push(spec);
			return added;
		},
		addedFirmwares,
		requests: async (limit = 1000) => await control('GET', `requests?limit=${limit}`),
		stats: async () => await control('GET', 'stats'),
		resetStats: async () => {
			await control('POST', 'reset');
		},
		quotas: async () => await control('GET', 'quotas'),
		addJob: async (firmwareId, patch = {}) => await control('POST', `firmwares/${encodeURIComponent(firmwareId)}/jobs`, patch),
		setJobStatus: async (jobId, status) => await control('POST', `jobs/${encodeURIComponent(jobId)}`, { JobStatus: status }),
		control,
	};
}
