// The emulator's public surface: start one, and the fixed identities and fixtures it knows.
export { startEmulator } from './server';
export { generateJobs } from './jobGenerator';
export { EMULATOR_ACCOUNTS, EMULATOR_INSTANCE_ID, EMULATOR_KEYS, accountOf } from './accounts';
export { DEFAULT_QPS, DOCUMENTED_QPS } from './quotas';
export type { QuotaScope } from './quotas';
export type { QuotaReport } from './quotaReport';
export type { TrafficStats } from './trafficTally';
export { FIXTURE_FIRMWARES, FIXTURE_PRODUCTS, LISTING_ONLY_FIRMWARES } from './fixtures';
export { API_VERSION } from './auth';
export { LIST_OTA_JOB_MAX_PAGE_SIZE } from './actions/listOtaJobByFirmware';
export { LIST_OTA_FIRMWARE_MAX_PAGE_SIZE } from './actions/listOtaFirmware';
export { LIST_OTA_TASK_MAX_PAGE_SIZE, LIST_OTA_TASK_MAX_RECORDS, TASK_CAP_CODE } from './actions/listOtaTaskByJob';
export { CANCEL_FLAGS } from './actions/cancelOtaTaskByJob';
export { JOB_NOT_FOUND_CODE } from './otaErrors';
export { TASK_STATUSES } from './taskStates';
export type { TaskCounts, TaskStatus } from './taskStates';
export type { JobSpec, JobTaskSummary } from './jobRegistry';
export { BAD_GATEWAY_HTML } from './faults';
export { percentEncode, canonicalQuery, stringToSign, signStringToSign } from './signature';
export type { StatsSummary } from './stats';
export type {
	Emulator,
	EmulatorOptions,
	EmptyShape,
	FaultMode,
	FirmwareFixture,
	FirmwareSpec,
	InjectedFault,
	InjectedResponse,
	OtaJob,
	OtaTag,
	RecordedRequest,
} from './types';
