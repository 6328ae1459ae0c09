// CreateOTAVerifyJob: 1 to 10 test devices; a firmware being verified or verified cannot be verified again.
import { illegalRequest } from '../otaErrors';
import { businessError, missingParameter, type Outcome } from '../responses';
import { checkInteger, createJob, numberedList, readCreateTarget } from './jobCreation';
import type { ActionContext } from './registry';

export function createOtaVerifyJob(params: Record<string, string>, context: ActionContext): Outcome {
	const read = readCreateTarget(params, context);
	if (!read.ok) return read.outcome;
	const devices = numberedList(params, 'TargetDeviceName');
	if (devices.length === 0) return missingParameter('TargetDeviceName');
	if (devices.length > 10) return illegalRequest('At most 10 devices can verify a firmware.');
	const bad = checkInteger(params, 'TimeoutInMinutes', (value) => value >= 1 && value <= 1440);
	if (bad) return bad;
	const { fixture } = read.target;
	// A GUESS at the Code: the docs state the rule only.
	if (fixture.status === 1 || fixture.status === 2) return businessError('iot.ota.FirmwareAlreadyVerified', 'The firmware is being verified or has been verified.');
	fixture.status = 2;
	return createJob(context, read.target, params, { JobType: 'VERIFY_FIRMWARE', SelectionType: 'STATIC', TargetSelection: 'SPECIFIC' }, devices.length);
}
