// GenerateOTAUploadURL: an upload policy for the emulator's OSS endpoint, valid one minute
// (docs/alibaba-api.md, "The write side"). FileSuffix: bin, apk, tar, gz, tar.gz, zip, gzip, dav; default bin.
import { illegalRequest } from '../otaErrors';
import { success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

const SUFFIXES = new Set(['bin', 'apk', 'tar', 'gz', 'tar.gz', 'zip', 'gzip', 'dav']);

export function generateOtaUploadUrl(params: Record<string, string>, context: ActionContext): Outcome {
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const suffix = params.FileSuffix || 'bin';
	if (!SUFFIXES.has(suffix)) return illegalRequest(`FileSuffix "${suffix}" is not one of ${[...SUFFIXES].join(', ')}.`);
	return success({ Success: true, Data: context.oss.grant(context.ossHost, suffix) });
}
