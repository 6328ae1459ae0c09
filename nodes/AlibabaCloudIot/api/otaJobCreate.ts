import type { IotCaller } from '../transport/iotCaller';
import type { IotParams } from '../transport/popRequest';
import { listOtaJobsByFirmware, type OtaJob, type OtaTag } from './otaJobs';
import { hasRequestToken, newRequestToken, REQUEST_TAG_KEY, tagParams } from './otaJobTags';
import { writeOnce } from './writeOnce';

export type OtaJobCreateAction = 'CreateOTAVerifyJob' | 'CreateOTAStaticUpgradeJob' | 'CreateOTADynamicUpgradeJob';

export interface OtaJobCreateRequest {
	action: OtaJobCreateAction;
	firmwareId: string;
	productKey: string;
	iotInstanceId?: string;
	/** The action's own parameters, with Alibaba's names (tags excluded). */
	params: IotParams;
	/** The user's tags, as given; the request token's tag is added to them. */
	tags: OtaTag[];
}

/** What a create gives back: Alibaba's answer (`Data{JobId, UtcCreate}`) and what was asked. */
export interface CreatedOtaJob {
	JobId: string;
	UtcCreate?: string;
	FirmwareId: string;
	ProductKey: string;
	Tags: OtaTag[];
	/** The value of the request token's tag (key `n8n.createId`): how this job is found again. */
	RequestToken: string;
	RequestId?: string;
	/** True when the answer was lost and the job was found by its request token instead. */
	Recovered?: true;
}

/**
 * Creates an upgrade or verify job once at most. The job carries a tag with a token unique to this
 * request; after a lost answer the firmware's jobs are read and the token decides: found (the job
 * was created: recovered), absent (sent once more), or the read failed (nothing more is sent).
 */
export async function createOtaJob(call: IotCaller, request: OtaJobCreateRequest): Promise<CreatedOtaJob> {
	const token = newRequestToken();
	const tags = [...request.tags, { Key: REQUEST_TAG_KEY, Value: token }];
	const created = { FirmwareId: request.firmwareId, ProductKey: request.productKey, Tags: tags, RequestToken: token };
	const result = await writeOnce<OtaJob>(call, {
		action: request.action,
		params: {
			...request.params,
			FirmwareId: request.firmwareId,
			ProductKey: request.productKey,
			IotInstanceId: request.iotInstanceId,
			...tagParams(request.tags, token),
		},
		prove: async () => {
			const [job] = await listOtaJobsByFirmware(call, {
				firmwareId: request.firmwareId,
				iotInstanceId: request.iotInstanceId,
				limit: 1,
				keep: (candidate) => hasRequestToken(candidate.Tags, token),
			});
			return job ? { found: job } : { absent: true as const };
		},
		mayHaveHappened: `The job (${request.action}) may or may not have been created`,
		toCheck: `list the jobs of firmware ${request.firmwareId} and look for the tag ${REQUEST_TAG_KEY}=${token}`,
	});
	if ('recovered' in result) {
		const job = result.recovered;
		return { JobId: job.JobId, UtcCreate: job.UtcCreate, ...created, Recovered: true };
	}
	const data = (result.answer.Data ?? {}) as Record<string, unknown>;
	return {
		JobId: String(data.JobId ?? ''),
		...(data.UtcCreate !== undefined && { UtcCreate: String(data.UtcCreate) }),
		...created,
		RequestId: typeof result.answer.RequestId === 'string' ? result.answer.RequestId : undefined,
	};
}
