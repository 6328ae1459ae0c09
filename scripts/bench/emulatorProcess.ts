import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { StatsSummary } from '../../tools/emulator';
import { emulatorControl } from '../../tools/n8n/emulatorProcess';

/**
 * The emulator in a child process of its own, so the benchmark's CPU and memory numbers are the
 * node's alone. Driven through its unsigned control API.
 */
export class EmulatorProcess {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly accessKeyId: string,
		readonly accessKeySecret: string,
	) {}

	static async start(options: { qps: number; latencyMs: number }): Promise<EmulatorProcess> {
		const cli = join(__dirname, '..', '..', 'tools', 'emulator', 'cli.ts');
		const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
		const child = spawn(tsx, [cli, '--qps', String(options.qps), '--latency', String(options.latencyMs)], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
		const started = JSON.parse(line) as { url: string; accessKeyId: string; accessKeySecret: string };
		return new EmulatorProcess(child, started.url, started.accessKeyId, started.accessKeySecret);
	}

	async addFirmware(firmwareId: string, jobCount: number, seed: number): Promise<number> {
		const added = (await this.control('POST', 'firmwares', { firmwareId, jobCount, seed })) as { jobCount: number };
		return added.jobCount;
	}

	async resetStats(): Promise<void> {
		await this.control('POST', 'reset');
	}

	async stats(): Promise<StatsSummary> {
		return (await this.control('GET', 'stats')) as StatsSummary;
	}

	async stop(): Promise<void> {
		this.child.kill('SIGTERM');
		if (this.child.exitCode === null) await once(this.child, 'exit');
	}

	/** A control route of the emulator (`/__emulator/...`), unsigned. */
	async control(method: string, route: string, body?: unknown): Promise<unknown> {
		return await emulatorControl(this.url, method, route, body);
	}
}
