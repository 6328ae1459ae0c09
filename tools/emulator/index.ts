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
export type { JobSpec, JobTaskSummary } from './jobSpec';
export { BAD_GATEWAY_HTML } from './faults';
export { percentEncode, canonicalQuery, stringToSign, signStringToSign } from './signature';
export { RAM_DENIALS } from './ramDenials';
export { UNKNOWN_ENUM_VALUES } from './unknownEnumValues';
export { ALTERNATIVE_SPELLINGS } from './wireModes';
export { ECHO_HEADER } from './echoProxy';
export { rateLimitHeaderValue, throttleHintHeaders } from './throttleHints';
export { parseFixtures, loadFixtureFile } from './recordedFixtures';
export {
	ECHO_FORMATS,
	ENUM_SPELLINGS,
	INSTANCE_NOT_FOUND_CODES,
	JOB_ORDERS,
	THROTTLE_HINT_STYLES,
} from './servingModes';
// Every serving mode's type (what a test or the CLI may switch), without listing them again.
export type * from './servingModes';
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
	JobPatch,
	OtaJob,
	OtaTag,
	RecordedRequest,
} from './types';
