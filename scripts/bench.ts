/**
 * `npm run bench [-- --latency 300 --qps 10 --only a,b,c,toolbox,w,l,u,d,e,t]`: Return All against the emulator,
 * through n8n-core's engine, compared with the ideal and with a one-page-after-another pager;
 * the toolbox goals (Get Progress, List by Job); (w) Confirm of 1,000 task IDs, (l) 200 creates with lost answers; (d) several
 * n8n processes sharing one account's quota; (e) the same with the shared quota limiter on Redis; (t) the trigger's requests per poll; (u, alias `upload`) Firmware
 * Upload beside `curl -F`, and its share of peak RSS.
 * Prints a table per part.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { ScenarioResult, ScenarioSpec } from './bench/scenario';
import type { SharedQuotaResult, SharedQuotaSpec } from './bench/sharedQuotaScenario';
import type { TriggerResult, TriggerSpec } from './bench/triggerScenario';
import { uploadBench } from './bench/uploadBench';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const latencyMs = flag('--latency', 300);
const qps = flag('--qps', 10);
const onlyIndex = process.argv.indexOf('--only');
const parts = new Set((onlyIndex === -1 ? 'a,b,c,toolbox,w,l,u,d,e,t' : process.argv[onlyIndex + 1]).split(','));

const scenarios: ScenarioSpec[] = [
	{ name: 'a', firmwares: 1, jobsPerFirmware: 10_000, qps, latencyMs },
	{ name: 'b', firmwares: 60, jobsPerFirmware: 150, qps, latencyMs },
	{ name: 'c', firmwares: 1, jobsPerFirmware: 100_000, qps: 0, latencyMs: 0 },
];

const DESCRIPTIONS: Record<string, string> = {
	a: `(a) 1 firmware x 10,000 jobs, ${qps} QPS, ${latencyMs} ms`,
	b: `(b) 60 items x 150 jobs, ${qps} QPS, ${latencyMs} ms`,
	c: '(c) 1 firmware x 100,000 jobs, no limit, 0 ms',
};

/** Each scenario runs in a process of its own and prints its result as its last line. */
async function runInProcess<T>(script: string, spec: object): Promise<T> {
	const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
	const { stdout } = await promisify(execFile)(tsx, [join(__dirname, 'bench', script), JSON.stringify(spec)], {
		maxBuffer: 16 * 1024 * 1024,
	});
	return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

function idealMs(spec: ScenarioSpec, result: ScenarioResult): number | undefined {
	if (spec.qps === 0) return undefined;
	return (result.requests / spec.qps) * 1000 + spec.latencyMs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printTable(rows: string[][]): void {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log(line(rows[0]));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
	console.log('');
}

/** (a)-(c): one process. Returns false when a scenario did not return every job exactly once. */
async function singleProcess(): Promise<boolean> {
	const rows: string[][] = [
		['scenario', 'jobs', 'requests', 'wall', 'ideal', 'ratio', 'jobs/s', 'CPU', 'peak RSS', 'max req in 1 s', 'throttled', 'sequential pager', 'speed-up'],
	];
	let failed = false;
	for (const spec of scenarios.filter((scenario) => parts.has(scenario.name))) {
		const result = await runInProcess<ScenarioResult>('scenario.ts', spec);
		const ideal = idealMs(spec, result);
		const exactlyOnce = result.jobs === result.expectedJobs && result.uniqueJobs === result.jobs;
		if (!exactlyOnce) failed = true;
		rows.push([
			DESCRIPTIONS[spec.name],
			`${result.jobs}${exactlyOnce ? '' : ` (expected ${result.expectedJobs}, ${result.uniqueJobs} unique)`}`,
			String(result.requests),
			seconds(result.wallMs),
			ideal === undefined ? '-' : seconds(ideal),
			ideal === undefined ? '-' : `${(result.wallMs / ideal).toFixed(3)}x`,
			Math.round(result.jobs / (result.wallMs / 1000)).toLocaleString('en-US'),
			seconds(result.cpuMs),
			`${result.peakRssMb.toFixed(0)} MB`,
			String(result.peakRequestsPerSecond),
			String(result.throttled),
			seconds(result.sequentialWallMs),
			`${(result.sequentialWallMs / result.wallMs).toFixed(2)}x`,
		]);
	}
	if (rows.length > 1) printTable(rows);
	return !failed;
}

const percent = (part: number, whole: number) => `${part} (${whole === 0 ? '0.0' : ((part / whole) * 100).toFixed(1)}%)`;

/**
 * (d): 2, 3 and 4 n8n processes on one account, each listing 6,000 jobs, started together and 1 s apart.
 * (e): the same with the shared quota limiter on Redis, for 2, 4 and 8 processes, then 8 processes
 * with Redis stopped 5 s into the run and started again 5 s later.
 */
async function sharedQuota(part: 'd' | 'e'): Promise<boolean> {
	const rows: string[][] = [
		[`(${part}) processes`, 'started', 'failed executions', 'every job once', 'requests', 'throttled', 'busy period', 'ideal', 'ratio', 'max accepted in 1 s'],
	];
	const outageRows = [['(e) Redis stopped at 5 s for 5 s, 8 processes', 'failed executions', 'every job once', 'throttled, whole run', 'throttled from the restart on', 'throttled once every process has rejoined']];
	const runs: SharedQuotaSpec[] = [];
	for (const apartMs of [0, 1000]) {
		for (const processes of part === 'd' ? [2, 3, 4] : [2, 4, 8]) {
			runs.push({ processes, jobsPerFirmware: 6000, qps, latencyMs, apartMs, sharedQuota: part === 'e' ? {} : undefined });
		}
	}
	if (part === 'e') runs.push({ processes: 8, jobsPerFirmware: 6000, qps, latencyMs, apartMs: 0, sharedQuota: { downAfterMs: 5000, downForMs: 5000 } });
	let ok = true;
	for (const spec of runs) {
		const result = await runInProcess<SharedQuotaResult>('sharedQuotaScenario.ts', spec);
		// The ideal: every accepted request at the quota, back to back.
		const idealMs = (result.accepted / qps) * 1000;
		if (result.failedExecutions > 0 || !result.everyJobOnce) ok = false;
		const failed = result.failedExecutions === 0 ? '0' : `${result.failedExecutions}: ${result.errors.join('; ')}`;
		if (result.afterOutage) {
			const { fromReturn, fromRejoin } = result.afterOutage;
			outageRows.push([
				`busy ${seconds(result.busyPeriodMs)}, ideal ${seconds(idealMs)}`,
				failed,
				result.everyJobOnce ? 'yes' : 'NO',
				`${percent(result.throttled, result.requests)} of ${result.requests}`,
				`${percent(fromReturn.throttled, fromReturn.requests)} of ${fromReturn.requests}`,
				`${percent(fromRejoin.throttled, fromRejoin.requests)} of ${fromRejoin.requests}`,
			]);
			continue;
		}
		rows.push([
			String(spec.processes),
			spec.apartMs === 0 ? 'together' : `${spec.apartMs / 1000} s apart`,
			failed,
			result.everyJobOnce ? 'yes' : 'NO',
			String(result.requests),
			percent(result.throttled, result.requests),
			seconds(result.busyPeriodMs),
			seconds(idealMs),
			`${(result.busyPeriodMs / idealMs).toFixed(2)}x`,
			String(result.peakAcceptedPerSecond),
		]);
	}
	printTable(rows);
	if (outageRows.length > 1) printTable(outageRows);
	if (part === 'e') ok = (await singleProcessWithSharedQuota()) && ok;
	return ok;
}

/** (e): (a) and (b) with the shared quota limiter off and on, one after the other. */
async function singleProcessWithSharedQuota(): Promise<boolean> {
	const rows = [['(e) one process', 'limiter off', 'shared limiter on', 'on / off (goal within 3%)', 'throttled off / on']];
	let ok = true;
	for (const spec of scenarios.filter((scenario) => scenario.name === 'a' || scenario.name === 'b')) {
		const off = await runInProcess<ScenarioResult>('scenario.ts', spec);
		const on = await runInProcess<ScenarioResult>('scenario.ts', { ...spec, sharedQuota: true });
		for (const result of [off, on]) if (result.jobs !== result.expectedJobs || result.uniqueJobs !== result.jobs) ok = false;
		rows.push([DESCRIPTIONS[spec.name], seconds(off.wallMs), seconds(on.wallMs), `${(on.wallMs / off.wallMs).toFixed(3)}x`, `${off.throttled} / ${on.throttled}`]);
	}
	printTable(rows);
	return ok;
}

/** (t): the trigger's requests per poll, 20 firmwares x 10,000 jobs, open jobs on one page, in both list orders. */
async function triggerCost(): Promise<void> {
	const rows = [['(t) trigger', 'first poll', 'later polls', 'items of the last poll']];
	for (const [order, where] of [
		['newestFirst', 'newest first, open jobs on page 1'],
		['oldestFirst', 'oldest first, open jobs on the last page'],
	] as const) {
		const spec: TriggerSpec = { firmwares: 20, jobsPerFirmware: 10_000, order };
		const result = await runInProcess<TriggerResult>('triggerScenario.ts', spec);
		const [first, ...later] = result.requestsPerPoll;
		rows.push([`20 firmwares x 10,000 jobs, ${where}`, `${first} requests`, later.map((count) => `${count} requests`).join(', '), String(result.lastPollItems)]);
	}
	printTable(rows);
}

/** The toolbox's goals (Get Progress, List by Job), in a process of their own; prints its own tables. */
async function toolboxGoals(): Promise<boolean> {
	const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
	let ok = true;
	const toolbox = await promisify(execFile)(tsx, [join(__dirname, 'bench', 'toolboxScenarios.ts'), String(latencyMs)]).catch(
		(error: { stdout?: string; message?: string }) => {
			ok = false;
			return { stdout: error.stdout || String(error.message) };
		},
	);
	console.log(toolbox.stdout);
	return ok;
}

/** (u): 1 MiB and 256 MiB packages from n8n's filesystem binary store, beside curl -F on the same endpoint. */
async function uploadGoals(): Promise<boolean> {
	// The time goal is the 256 MiB package's (a 1 MiB upload takes milliseconds, most of them the two
	// RPC round trips around it); the memory goal holds for both.
	const rows = [['(u) package', 'Upload node (best of 3)', 'curl -F (best of 3)', 'ratio (goal <= 1.3x at 256 MiB)', 'each round', 'peak RSS read only', 'peak RSS read + upload', 'upload share (goal <= 64 MiB)']];
	let ok = true;
	for (const row of await uploadBench(runInProcess)) {
		if ((row.sizeMiB >= 256 && row.ratio > 1.3) || row.shareMb > 64) ok = false;
		rows.push([
			`${row.sizeMiB} MiB`,
			`${row.nodeMs.toFixed(0)} ms`,
			`${row.curlMs.toFixed(0)} ms`,
			`${row.ratio.toFixed(2)}x`,
			row.roundRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(', '),
			`${row.readOnlyRssMb.toFixed(0)} MiB`,
			`${row.uploadRssMb.toFixed(0)} MiB`,
			`${row.shareMb.toFixed(0)} MiB`,
		]);
	}
	printTable(rows);
	return ok;
}

/** The write side's goals (Confirm of 1,000 task IDs, lost answers), in a process of their own. */
async function writeGoals(): Promise<boolean> {
	return await benchScript('writeScenarios.ts', [String(latencyMs), ['w', 'l'].filter((part) => parts.has(part)).join(',')]);
}

/** A bench script that prints its own tables; false when it exits non-zero (a goal not met). */
async function benchScript(script: string, args: string[]): Promise<boolean> {
	const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
	const run = await promisify(execFile)(tsx, [join(__dirname, 'bench', script), ...args], { maxBuffer: 16 * 1024 * 1024 }).then(
		(result) => ({ ...result, ok: true }),
		(error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', ok: false }),
	);
	console.log(run.stdout);
	if (run.stderr) console.error(run.stderr);
	return run.ok;
}

async function main(): Promise<void> {
	let ok = await singleProcess();
	if (parts.has('toolbox')) ok = (await toolboxGoals()) && ok;
	if (parts.has('w') || parts.has('l')) ok = (await writeGoals()) && ok;
	if (parts.has('d')) ok = (await sharedQuota('d')) && ok;
	if (parts.has('e')) ok = (await sharedQuota('e')) && ok;
	if (parts.has('t')) await triggerCost();
	if (parts.has('u') || parts.has('upload')) ok = (await uploadGoals()) && ok;
	if (!ok) {
		console.error('Some scenario failed an execution or did not return every job exactly once.');
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
