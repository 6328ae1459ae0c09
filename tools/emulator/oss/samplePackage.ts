// `GET /__emulator/sample-package?bytes=N`: N deterministic bytes streamed as a firmware file, for the
// example pipeline's download step (its CI posts where the build's artifact lies).
import type { ServerResponse } from 'node:http';

export const SAMPLE_PACKAGE_PATH = '/__emulator/sample-package';
const CHUNK = 64 * 1024;
const MAX_BYTES = 1000 * 1024 * 1024;

export function sendSamplePackage(res: ServerResponse, url: URL): void {
	const bytes = Number(url.searchParams.get('bytes') ?? 1024 * 1024);
	if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BYTES) {
		res.writeHead(400, { 'content-type': 'text/plain' }).end(`bytes must be a whole number from 0 to ${MAX_BYTES}`);
		return;
	}
	const chunk = Buffer.alloc(CHUNK);
	for (let i = 0; i < CHUNK; i++) chunk[i] = (i * 31 + 7) & 0xff;
	res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes), 'content-disposition': 'attachment; filename="firmware.bin"' });
	let sent = 0;
	const pump = () => {
		while (sent < bytes) {
			const size = Math.min(CHUNK, bytes - sent);
			sent += size;
			if (!res.write(size === CHUNK ? chunk : chunk.subarray(0, size))) return void res.once('drain', pump);
		}
		res.end();
	};
	pump();
}
