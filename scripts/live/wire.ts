import type { IDataObject } from 'n8n-workflow';

import { AlibabaApiError } from '../../nodes/AlibabaCloudIot/transport/errors';
import { createOtaCaller } from '../../nodes/AlibabaCloudIot/api/otaCaller';
import type { IotCaller } from '../../nodes/AlibabaCloudIot/transport/iotCaller';
import { resolveIotCredentials } from '../../nodes/AlibabaCloudIot/transport/iotCredentials';
import type { IotAnswer, IotParams } from '../../nodes/AlibabaCloudIot/transport/popRequest';
import { DEFAULT_RETRY_POLICY } from '../../nodes/AlibabaCloudIot/transport/retry';

/** One raw call as it went: what was asked, and the answer or the error the transport made of it. */
export interface WireExchange {
	action: string;
	params: IotParams;
	answer?: IotAnswer;
	error?: { code: string; kind: string; httpStatus?: number; message: string; attempts: number };
}

/**
 * Signed calls through the package's own transport (pop-core, limiter, retries, redaction), for
 * the few checks that must look at the wire shape the node never shows. Read-only actions only.
 */
export class Wire {
	readonly exchanges: WireExchange[] = [];
	private readonly call: IotCaller;

	constructor(credential: IDataObject) {
		this.call = createOtaCaller(resolveIotCredentials(credential), {
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxElapsedMs: 20_000 },
		});
	}

	async send(action: 'ListOTAFirmware' | 'ListOTAJobByFirmware', params: IotParams): Promise<WireExchange> {
		const exchange: WireExchange = { action, params };
		try {
			exchange.answer = await this.call(action, params);
		} catch (error) {
			if (!(error instanceof AlibabaApiError)) throw error;
			exchange.error = {
				code: error.code,
				kind: error.kind,
				httpStatus: error.httpStatus,
				message: error.message,
				attempts: error.attempts,
			};
		}
		this.exchanges.push(exchange);
		return exchange;
	}
}

/** `Data.SimpleOTAJobInfo[]` as sent, or [] (the checks say separately whether the wrapping agrees). */
export function wireJobs(answer: IotAnswer | undefined): IDataObject[] {
	const list = (answer?.Data as IDataObject | undefined)?.SimpleOTAJobInfo;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}
