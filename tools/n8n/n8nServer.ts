// `n8n start` on 127.0.0.1 and a free port, with the owner account created through its REST API.
import type { Toolchain } from './toolchain';
import { freePort } from './freePort';
import { n8nEnv } from './n8nEnv';
import { delay, spawnGroup, type RunningProcess } from './processes';

export interface N8nServer {
	url: string;
	process: RunningProcess;
	/** Everything n8n printed so far (for error messages). */
	output(): string;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

const READY_TIMEOUT_MS = 180_000;

export async function startN8nServer(
	toolchain: Toolchain,
	userFolder: string,
	options: { port?: number; onOutput?: (text: string) => void; env?: NodeJS.ProcessEnv; stopGraceMs?: number } = {},
): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const proc = spawnGroup('n8n start', toolchain.nodeBin, [toolchain.n8nBin, 'start'], {
		env: await n8nEnv(toolchain, userFolder, {
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_EDITOR_BASE_URL: url,
			WEBHOOK_URL: `${url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			...options.env,
		}),
		onOutput: (text) => {
			output += text;
			options.onOutput?.(text);
		},
		stopGraceMs: options.stopGraceMs,
	});
	const server: N8nServer = { url, process: proc, output: () => output };
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exitCode: number | string | undefined;
	void proc.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`n8n start exited (${exitCode}):\n${output.slice(-3000)}`);
		if (await isReady(url)) return server;
		await delay(500);
	}
	throw new Error(`n8n did not serve ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`);
}

async function isReady(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
		if (!response.ok) return false;
		// The editor's settings come last, once the REST API is mounted.
		return (await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2_000) })).ok;
	} catch {
		return false;
	}
}

export async function setUpOwner(server: N8nServer, owner: Owner): Promise<void> {
	const response = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`POST /rest/owner/setup: ${response.status} ${await response.text()}`);
}

/** Whether this instance already has its owner (a user folder reused by `npm run dev`). */
export async function hasOwner(server: N8nServer): Promise<boolean> {
	const response = await fetch(`${server.url}/rest/settings`);
	const settings = (await response.json()) as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } };
	return settings.data?.userManagement?.showSetupOnFirstLoad === false;
}
