/**
 * (u) Firmware Upload against the local emulator, from n8n's filesystem binary store, beside `curl -F`
 * posting the same form to the same OSS endpoint; and the upload's own share of the process's peak
 * RSS: a run that reads the file and uploads it, minus a run that only reads it (the goals:
 * at most 1.3x curl's time, at most 64 MiB, for 256 MiB as for 1 MiB).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';

import { sendSigned } from '../../tools/emulator/handSignedRequest';
import { credentialFor } from './benchCredential';
import { EmulatorProcess } from './emulatorProcess';
import type { UploadResult, UploadSpec } from './uploadScenario';

/** Node and curl take turns this many times; the best of each is compared (the machine is shared). */
const ROUNDS = 3;

export interface UploadBenchRow {
	sizeMiB: number;
	/** Best of ROUNDS. */
	nodeMs: number;
	curlMs: number;
	ratio: number;
	/** Each round's node/curl ratio, for how noisy the machine was. */
	roundRatios: number[];
	readOnlyRssMb: number;
	uploadRssMb: number;
	shareMb: number;
}

async function writePackage(path: string, sizeMiB: number): Promise<void> {
	const out = createWriteStream(path);
	const chunk = randomBytes(1024 * 1024);
	for (let index = 0; index < sizeMiB; index++) if (!out.write(chunk)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
}

async function curlUpload(emulator: EmulatorProcess, path: string): Promise<number> {
	const grant = await sendSigned(emulator.url, {
		method: 'POST',
		credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
		params: { Action: 'GenerateOTAUploadURL', FileSuffix: 'bin' },
	});
	const data = grant.body.Data as Record<string, string>;
	const started = performance.now();
	const { stdout } = await promisify(execFile)('curl', [
		'-s', '-o', '/dev/null', '-w', '%{http_code}',
		'-F', `key=${data.Key}`, '-F', `policy=${data.Policy}`, '-F', `OSSAccessKeyId=${data.OSSAccessKeyId}`,
		'-F', `signature=${data.Signature}`, '-F', 'success_action_status=200', '-F', `file=@${path}`,
		data.Host,
	]);
	const elapsed = performance.now() - started;
	if (stdout.trim() !== '200') throw new Error(`curl upload answered HTTP ${stdout}`);
	return elapsed;
}

export async function uploadBench(runInProcess: <T>(script: string, spec: object) => Promise<T>, sizesMiB = [1, 256]): Promise<UploadBenchRow[]> {
	const emulator = await EmulatorProcess.start({ qps: 0, latencyMs: 0 });
	const dir = mkdtempSync(join(tmpdir(), 'bench-upload-'));
	const rows: UploadBenchRow[] = [];
	try {
		for (const sizeMiB of sizesMiB) {
			const path = join(dir, `package-${sizeMiB}.bin`);
			await writePackage(path, sizeMiB);
			const spec = (readOnly: boolean): UploadSpec => ({
				filePath: path,
				readOnly,
				firmwareName: `bench-${sizeMiB}-${Date.now()}`,
				credential: credentialFor(emulator, 0) as Record<string, string | number>,
			});
			const readOnly = await runInProcess<UploadResult>('uploadScenario.ts', spec(true));
			const nodeTimes: number[] = [];
			const curlTimes: number[] = [];
			let uploadRssMb = 0;
			for (let round = 0; round < ROUNDS; round++) {
				const uploaded = await runInProcess<UploadResult>('uploadScenario.ts', { ...spec(false), firmwareName: `bench-${sizeMiB}-${round}-${Date.now()}` });
				if (uploaded.error || uploaded.firmwareSize !== sizeMiB * 1024 * 1024) throw new Error(`upload of ${sizeMiB} MiB failed: ${uploaded.error ?? `size ${uploaded.firmwareSize}`}`);
				nodeTimes.push(uploaded.uploadMs ?? NaN);
				uploadRssMb = Math.max(uploadRssMb, uploaded.peakRssMb);
				curlTimes.push(await curlUpload(emulator, path));
			}
			const nodeMs = Math.min(...nodeTimes);
			const curlMs = Math.min(...curlTimes);
			rows.push({
				sizeMiB,
				nodeMs,
				curlMs,
				ratio: nodeMs / curlMs,
				roundRatios: nodeTimes.map((ms, round) => ms / curlTimes[round]),
				readOnlyRssMb: readOnly.peakRssMb,
				uploadRssMb,
				shareMb: uploadRssMb - readOnly.peakRssMb,
			});
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
		await emulator.stop();
	}
	return rows;
}
