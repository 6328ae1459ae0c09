// The emulator's unsigned control routes (`/__emulator/...`), as the e2e runs drive them.
import type { EmulatorProcess } from '../../tools/n8n/emulatorProcess';

export async function control<T = unknown>(emulator: EmulatorProcess, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${emulator.url}/__emulator/${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`emulator control ${method} ${route}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}
