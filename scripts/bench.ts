/**
 * `npm run bench [-- --latency 300 --qps 10]`: Return All against the emulator, through n8n-core's
 * engine, compared with the ideal and with a one-page-after-another pager. Prints a table.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { ScenarioResult, ScenarioSpec } from './bench/scenario';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const latencyMs = flag('--latency', 300);
const qps = flag('--qps', 10);

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

async function runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
	const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
	const { stdout } = await promisify(execFile)(tsx, [join(__dirname, 'bench', 'scenario.ts'), JSON.stringify(spec)], {
		maxBuffer: 16 * 1024 * 1024,
	});
	return JSON.parse(stdout.trim().split('\n').pop()!) as ScenarioResult;
}

function idealMs(spec: ScenarioSpec, result: ScenarioResult): number | undefined {
	if (spec.qps === 0) return undefined;
	return (result.requests / spec.qps) * 1000 + spec.latencyMs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
	const rows: string[][] = [
		['scenario', 'jobs', 'requests', 'wall', 'ideal', 'ratio', 'jobs/s', 'CPU', 'peak RSS', 'max req in 1 s', 'throttled', 'sequential pager', 'speed-up'],
	];
	let failed = false;
	for (const spec of scenarios) {
		const result = await runScenario(spec);
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
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log(line(rows[0]));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const row of rows.slice(1)) console.log(line(row));
	// Issue 11's toolbox goals (Get Progress, List by Job), in a process of their own.
	const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
	const toolbox = await promisify(execFile)(tsx, [join(__dirname, 'bench', 'toolboxScenarios.ts'), String(latencyMs)]).catch(
		(error: { stdout?: string; message?: string }) => {
			process.exitCode = 1;
			return { stdout: error.stdout || String(error.message) };
		},
	);
	console.log(toolbox.stdout);
	if (failed) {
		console.error('\nSome scenario did not return every job exactly once.');
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
