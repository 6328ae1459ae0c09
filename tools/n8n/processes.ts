// Child processes for the e2e run: each in its own process group, so stopping one also stops
// what it started (n8n's task runner, tsx's worker), and all of them stopped on exit or Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
	name: string;
	child: ChildProcess;
	/** Resolves with the exit code (or the signal's name) once the process has ended. */
	exited: Promise<number | string>;
	stop(): Promise<void>;
}

export interface SpawnOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Called with every chunk the process writes to stdout or stderr. */
	onOutput?: (text: string) => void;
	/** Run as this user and group (Postgres refuses to run as root). */
	uid?: number;
	gid?: number;
	/** The signal `stop()` sends first; default SIGTERM (Postgres shuts down fast on SIGINT). */
	stopSignal?: NodeJS.Signals;
	/** How long `stop()` waits after that signal before SIGKILL; default 5 s. */
	stopGraceMs?: number;
}

const running = new Set<RunningProcess>();
const GRACE_MS = 5_000;

/** Starts `command` as the leader of a new process group and remembers it for cleanup. */
export function spawnGroup(name: string, command: string, args: string[], options: SpawnOptions = {}): RunningProcess {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		uid: options.uid,
		gid: options.gid,
	});
	const exited = new Promise<number | string>((resolve) => {
		child.once('error', () => resolve('spawn-error'));
		child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
	});
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (text: string) => options.onOutput?.(text));
	}
	const handle: RunningProcess = {
		name,
		child,
		exited,
		stop: async () => {
			signalGroup(child, options.stopSignal ?? 'SIGTERM');
			const ended = await Promise.race([exited.then(() => true), delay(options.stopGraceMs ?? GRACE_MS).then(() => false)]);
			if (!ended) signalGroup(child, 'SIGKILL');
			await exited;
			// The leader may be gone while the group lives on (a runner it forked): end the rest too.
			signalGroup(child, 'SIGKILL');
			running.delete(handle);
		},
	};
	running.add(handle);
	return handle;
}

export interface CommandResult {
	code: number | string;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** Runs a command to its end (or kills it after `timeoutMs`) and collects its output. */
export async function runCommand(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<CommandResult> {
	const startedAt = Date.now();
	let stdout = '';
	let stderr = '';
	const proc = spawnGroup(name, command, args, options);
	proc.child.stdout?.on('data', (text: string) => (stdout += text));
	proc.child.stderr?.on('data', (text: string) => (stderr += text));
	const timeoutMs = options.timeoutMs ?? 120_000;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void proc.stop();
	}, timeoutMs);
	const code = await proc.exited;
	clearTimeout(timer);
	// 'exit' can come before the last chunk of output is read ("Unexpected end of JSON input" from
	// `tar -xzOf … package.json`): wait for both pipes to end, bounded in case a grandchild holds one.
	await Promise.race([outputEnded(proc.child), delay(STREAM_DRAIN_MS)]);
	await proc.stop();
	if (timedOut) throw new Error(`${name} timed out after ${timeoutMs / 1000} s`);
	return { code, stdout, stderr, durationMs: Date.now() - startedAt };
}

const STREAM_DRAIN_MS = 5_000;

function outputEnded(child: ChildProcess): Promise<unknown> {
	return Promise.all(
		[child.stdout, child.stderr].map(
			(stream) => new Promise<void>((resolve) => (!stream || stream.closed ? resolve() : stream.once('close', () => resolve()))),
		),
	);
}

/** Like runCommand, but throws with the output's tail when the command does not exit 0. */
export async function runOrThrow(name: string, command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<CommandResult> {
	const result = await runCommand(name, command, args, options);
	if (result.code !== 0) {
		const tail = (result.stdout + result.stderr).trim().split('\n').slice(-30).join('\n');
		throw new Error(`${name} failed (exit ${result.code}):\n${tail}`);
	}
	return result;
}

export async function stopAll(): Promise<void> {
	await Promise.all([...running].reverse().map((proc) => proc.stop()));
}

let handlersInstalled = false;
let signalled = false;
const signalCleanups = new Set<() => unknown>();

/** True once Ctrl-C or SIGTERM started the shutdown: children ending now is expected. */
export function isShuttingDown(): boolean {
	return signalled;
}

/**
 * Runs `cleanup` (closing the browser, removing temporary folders) when Ctrl-C or SIGTERM ends
 * the run, after the child processes are stopped. Returns a function that unregisters it.
 */
export function onSignalCleanup(cleanup: () => unknown): () => void {
	signalCleanups.add(cleanup);
	return () => signalCleanups.delete(cleanup);
}

/** Ctrl-C or SIGTERM: stop every child, run the cleanups, exit 130/143. A plain exit still kills what is left. */
export function installCleanupHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
		// `on`, not `once`: a library that exits when it sees no other listener (Playwright does) must keep seeing this one.
		process.on(signal, () => {
			if (signalled) return;
			signalled = true;
			process.stderr.write(`\n${signal}: stopping ${running.size} child process(es)...\n`);
			void (async () => {
				await stopAll();
				for (const cleanup of signalCleanups) {
					try {
						await cleanup();
					} catch {
						// Best effort: the run is ending anyway.
					}
				}
				process.exit(code);
			})();
		});
	}
	process.once('exit', () => {
		for (const proc of running) signalGroup(proc.child, 'SIGKILL');
	});
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a rejection with `message` after `ms`; the timer does not outlive it. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
