// CreateOTADynamicUpgradeJob: a policy that keeps upgrading devices on the source versions; one
// running dynamic job per firmware (docs/alibaba-api.md).
import { businessError, type Outcome } from '../responses';
import { checkInteger, createJob, FLEET_SIZE, readCreateTarget, unverified } from './jobCreation';
import { checkUpgradeSettings } from './createOtaStaticUpgradeJob';
import type { ActionContext } from './registry';

export function createOtaDynamicUpgradeJob(params: Record<string, string>, context: ActionContext): Outcome {
	const read = readCreateTarget(params, context);
	if (!read.ok) return read.outcome;
	const { fixture } = read.target;
	const refused =
		unverified(fixture) ?? checkUpgradeSettings(params) ?? checkInteger(params, 'DynamicMode', (value) => value === 1 || value === 2);
	if (refused) return refused;
	// A GUESS at the Code: "Each firmware can have only one dynamic update task that is in the running state."
	if (fixture.jobs.some((job) => job.SelectionType === 'DYNAMIC' && job.JobStatus === 'IN_PROGRESS')) {
		return businessError('iot.ota.DynamicJobAlreadyExists', 'The firmware already has a running dynamic upgrade job.');
	}
	return createJob(context, read.target, params, { JobType: 'UPGRADE_FIRMWARE', SelectionType: 'DYNAMIC', TargetSelection: params.GroupId ? 'GROUP' : 'ALL' }, Math.floor(FLEET_SIZE / 10));
}
