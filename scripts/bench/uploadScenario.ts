/**
 * (u) Firmware Upload of a package from n8n's filesystem binary-data store to the emulator's OSS
 * endpoint, side by side with `curl -F` posting the same form to the same endpoint, for 256 MiB and
 * 1 MiB. Time: the node's GenerateOTAUploadURL-to-CreateOTAFirmware span (the upload and its
 * hashing) against curl's wall time (goal: at most 1.3x). Memory: the upload's own share of the
 * process's peak RSS, a run that stores and uploads the file minus one that only stores it (goal:
 * at most 64 MiB, for 256 MiB as for 1 MiB). Each run is a process of its own (uploadChild.ts).
 * `tsx scripts/bench/uploadScenario.ts` prints the table.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createOtaCaller } from '../../nodes/AlibabaCloudIot/api/otaCaller';
import { resolveIotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import { EmulatorProcess } from './emulatorProcess';

const MiB = 1024 * 1024;
const run = promisify(execFile);
const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

function writePackage(path: string, bytes: number): void {
	const chunk = Buffer.alloc(MiB);
	for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 131 + 17) & 0xff;
	const fd = openSync(path, 'w');
	for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
	closeSync(fd);
}

async function child(spec: object): Promise<{ wallMs: number; maxRssBytes: number; item?: Record<string, unknown> }> {
	const { stdout } = await run(tsx, [join(__dirname, 'uploadChild.ts'), JSON.stringify(spec)], { maxBuffer: 16 * MiB });
	return JSON.parse(stdout.trim().split('\n').pop()!) as { wallMs: number; maxRssBytes: number };
}

async function curlMs(emulator: EmulatorProcess, file: string): Promise<number> {
	const call = createOtaCaller(resolveIotCredentials({ accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, endpoint: emulator.url, maxRequestsPerSecond: 0 }));
	const grant = (await call('GenerateOTAUploadURL', { FileSuffix: 'bin' }, { method: 'POST' })).Data as Record<string, string>;
	const form = ['key', grant.Key, 'policy', grant.Policy, 'OSSAccessKeyId', grant.OSSAccessKeyId, 'signature', grant.Signature, 'success_action_status', '200'];
	const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}'];
	for (let i = 0; i < form.length; i += 2) args.push('-F', `${form[i]}=${form[i + 1]}`);
	args.push('-F', `file=@${file};type=application/octet-stream`, grant.Host);
	const { stdout } = await run('curl', args);
	const [status, seconds] = stdout.trim().split(' ');
	if (status !== '200') throw new Error(`curl got HTTP ${status}`);
	return Number(seconds) * 1000;
}

async function uploadSpanMs(emulator: EmulatorProcess, firmwareName: string): Promise<number> {
	const requests = (await emulator.control('GET', 'requests?limit=100')) as { at: number; action?: string; params: Record<string, string> }[];
	const created = requests.filter((request) => request.action === 'CreateOTAFirmware' && request.params.FirmwareName === firmwareName).pop();
	const granted = requests.filter((request) => request.action === 'GenerateOTAUploadURL' && created && request.at <= created.at).pop();
	if (!created || !granted) throw new Error('the upload left no GenerateOTAUploadURL/CreateOTAFirmware pair');
	return created.at - granted.at;
}

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'upload-bench-'));
	const emulator = await EmulatorProcess.start({ qps: 0, latencyMs: 0 });
	const rows: string[] = [];
	let ok = true;
	try {
		for (const size of [256 * MiB, 1 * MiB]) {
			const file = join(work, `package-${size}.bin`);
			writePackage(file, size);
			const base = { file, url: emulator.url, accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
			const read = await child({ ...base, mode: 'read', storage: mkdtempSync(join(work, 'store-')) });
			const name = `bench-upload-${size}-${Date.now()}`;
			const upload = await child({ ...base, mode: 'upload', storage: mkdtempSync(join(work, 'store-')), firmwareName: name });
			if (upload.item?.FirmwareSize !== size) throw new Error(`the upload created a firmware of ${String(upload.item?.FirmwareSize)} bytes, not ${size}`);
			const nodeMs = await uploadSpanMs(emulator, name);
			const curl = await curlMs(emulator, file);
			const shareMiB = (upload.maxRssBytes - read.maxRssBytes) / MiB;
			const ratio = nodeMs / curl;
			const met = ratio <= 1.3 && shareMiB <= 64;
			ok &&= met;
			rows.push(
				`| ${size / MiB} MiB | ${(nodeMs / 1000).toFixed(2)} s | ${(curl / 1000).toFixed(2)} s | ${ratio.toFixed(2)}x | ${(read.maxRssBytes / MiB).toFixed(0)} MiB | ${(upload.maxRssBytes / MiB).toFixed(0)} MiB | ${shareMiB.toFixed(1)} MiB | ${met ? 'yes' : 'NO'} |`,
			);
			rmSync(file);
		}
	} finally {
		await emulator.stop();
		rmSync(work, { recursive: true, force: true });
	}
	console.log('\n| package | node: upload span | curl -F | ratio (goal <= 1.3x) | peak RSS, store only | peak RSS, store + upload | upload share (goal <= 64 MiB) | met |');
	console.log('|---|---|---|---|---|---|---|---|');
	for (const row of rows) console.log(row);
	if (!ok) process.exitCode = 1;
}

void writeFileSync;
void main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
