import type { IDataObject } from 'n8n-workflow';

/** What the live check needs, from Alibaba's standard environment variables and the command line. */
export interface LiveConfig {
	/** Credential data exactly as a user saves it in n8n. */
	credential: IDataObject;
	iotInstanceId?: string;
	firmwareId?: string;
	/** `--record DIR`: write the answers seen, anonymised, as emulator fixtures. */
	recordDir?: string;
}

export const MISSING_CREDENTIALS_SENTENCE =
	'Set ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_REGION_ID (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials, and optionally IOT_INSTANCE_ID, FIRMWARE_ID and ALIBABA_CLOUD_IOT_ENDPOINT) to run the live check.';

/** Two per second: a fifth of the documented 10 per account, so the check never crowds out real traffic. */
export const LIVE_MAX_REQUESTS_PER_SECOND = 2;

const text = (value: string | undefined) => value?.trim() || undefined;

/** The config, or undefined when the credentials are missing (the caller prints the sentence). */
export function readLiveConfig(env: NodeJS.ProcessEnv, args: string[]): LiveConfig | undefined {
	const accessKeyId = text(env.ALIBABA_CLOUD_ACCESS_KEY_ID);
	const accessKeySecret = text(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
	const regionId = text(env.ALIBABA_CLOUD_REGION_ID);
	if (!accessKeyId || !accessKeySecret || !regionId) return undefined;
	const recordAt = args.indexOf('--record');
	const recordDir = recordAt === -1 ? undefined : args[recordAt + 1];
	if (recordAt !== -1 && (!recordDir || recordDir.startsWith('--'))) {
		throw new Error('--record needs a directory: npm run live -- --record DIR');
	}
	return {
		credential: {
			accessKeyId,
			accessKeySecret,
			securityToken: text(env.ALIBABA_CLOUD_SECURITY_TOKEN) ?? '',
			regionId,
			endpoint: text(env.ALIBABA_CLOUD_IOT_ENDPOINT) ?? '',
			// Every call of the check, the node's included, shares this AccessKey's limiter.
			maxRequestsPerSecond: LIVE_MAX_REQUESTS_PER_SECOND,
		},
		iotInstanceId: text(env.IOT_INSTANCE_ID),
		firmwareId: text(env.FIRMWARE_ID),
		recordDir,
	};
}
