// GenerateOTAUploadURL: a one-minute OSS PostObject policy for a new object of the OTA bucket.
import { illegalRequest } from '../otaErrors';
import { SUFFIXES } from '../oss/uploadStore';
import { success, type Outcome } from '../responses';
import { readInstance } from './instance';
import type { ActionContext } from './registry';

export function generateOtaUploadUrl(params: Record<string, string>, context: ActionContext): Outcome {
	const instance = readInstance(params);
	if (!instance.ok) return instance.outcome;
	const suffix = params.FileSuffix || 'bin';
	if (!(SUFFIXES as readonly string[]).includes(suffix)) {
		return illegalRequest(`FileSuffix must be one of ${SUFFIXES.join(', ')}.`);
	}
	return success({ Success: true, Data: context.uploads.grant(suffix) });
}
