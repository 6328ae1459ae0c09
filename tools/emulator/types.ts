// The emulator's public types. Job and firmware field names follow the API's JSON exactly.
import type {
	EchoFormat,
	EchoProxyMode,
	EnumSpelling,
	FirmwareJobOrder,
	InstanceNotFoundCode,
	JobOrder,
	ThrottleHintStyle,
} from './servingModes';
import type { JobSpec, JobTaskSummary } from './jobSpec';
import type { QuotaReport } from './quotaReport';
import type { QuotaScope } from './quotas';
import type { StatsSummary } from './statsSummary';

export interface OtaTag {
	Key: string;
	Value: string;
}

/** One element of `Data.SimpleOTAJobInfo[]`, exactly as ListOTAJobByFirmware answers it. */
export interface OtaJob {
	FirmwareId: string;
	JobId: string;
	/** PLANNED | IN_PROGRESS | COMPLETED | CANCELED; a string because the live service's spellings vary (docs/alibaba-api.md). */
	JobStatus: string;
	/** UPGRADE_FIRMWARE | VERIFY_FIRMWARE */
	JobType: string;
	ProductKey: string;
	/** STATIC | DYNAMIC */
	SelectionType: string;
	/** ALL | SPECIFIC | GRAY */
	TargetSelection: string;
	/** Absent (not empty) on untagged jobs. */
	Tags?: { OtaTagDTO: OtaTag[] };
	UtcCreate: string;
	UtcStartTime?: string;
	/** Only once the job has ended (COMPLETED / CANCELED). */
	UtcEndTime?: string;
	UtcModified: string;
}

/** How an answer with zero jobs looks: the live service is not documented, so clients must handle both. */
export type EmptyShape = 'noData' | 'emptyArray';

export interface FirmwareFixture {
	firmwareId: string;
	productKey: string;
	productName: string;
	/** Set for a firmware of an Enterprise instance: only found when the request names this instance. */
	iotInstanceId?: string;
	/** Stored newest first (UtcCreate descending); for order 'asGiven', exactly as given. */
	jobs: OtaJob[];
	/** Unset: the emulator-wide job order. */
	order?: FirmwareJobOrder;
	/** Shape of an answer when `jobs` is empty; 'noData' when not set. */
	emptyShape?: EmptyShape;
	name: string;
	/** Only differential packages (type 1) have a source version. */
	srcVersion?: string;
	destVersion: string;
	/** -1 no verification needed, 0 unverified, 1 verified, 2 verifying, 3 verification failed. */
	status: number;
	/** 0 full package, 1 differential package. */
	type: number;
	moduleName: string;
	description: string;
	utcCreate: string;
	utcModified: string;
	/** Set for a firmware made by CreateOTAFirmware: the uploaded package, as QueryOTAFirmware shows it. */
	uploaded?: { sign: string; signMethod: string; size: number; url: string; udi?: string };
}

/** What `addFirmware` (and `POST /__emulator/firmwares`) accepts. Unset fields are derived from `seed`. */
export interface FirmwareSpec {
	firmwareId: string;
	/** Number of jobs to generate; ignored when `jobs` is given. Default 0. */
	jobCount?: number;
	jobs?: OtaJob[];
	productKey?: string;
	productName?: string;
	iotInstanceId?: string;
	emptyShape?: EmptyShape;
	seed?: number;
	/** Unset: the emulator-wide order. 'asGiven' serves `jobs` in the given order with their fields unchanged,
	 * whatever the emulator-wide order and enum spelling (for recorded answers). */
	order?: FirmwareJobOrder;
	/** Every third job carries one value the docs do not list (unknownEnumValues.ts), chosen by the seed. */
	unknownEnumValues?: boolean;
	name?: string;
	srcVersion?: string;
	destVersion?: string;
	moduleName?: string;
}

export type InjectedResponse =
	| { kind: 'gateway'; httpStatus: number; code: string; message: string; headers?: Record<string, string> }
	| { kind: 'business'; code: string; errorMessage: string }
	| { kind: 'raw'; httpStatus: number; contentType: string; body: string }
	| { kind: 'destroy' }
	| { kind: 'hang' }
	/** A throttled answer telling its wait in `hint` (default: the emulator-wide throttle hint). */
	| { kind: 'throttle'; waitMs: number; hint?: ThrottleHintStyle }
	/** A proxy's page echoing the request back (echoProxy.ts); httpStatus default 403. */
	| { kind: 'echo'; format: EchoFormat; httpStatus?: number };

export interface InjectedFault {
	/** Default: any action. */
	action?: string;
	/** Default: any key. */
	accessKeyId?: string;
	/** Default 1; Infinity allowed. */
	times?: number;
	/**
	 * Carry the request out first, then answer with `respond` instead of the action's answer: a write
	 * whose answer is lost (respond `destroy`, `hang`, a 5xx or a proxy's page).
	 */
	afterCarryingOut?: boolean;
	respond: InjectedResponse;
}

export type FaultMode =
	| { mode: 'flaky'; rate: number; seed?: number }
	| { mode: 'throttleStorm'; rate: number; seed?: number }
	| { mode: 'shiftingPages'; afterRequests?: number }
	/**
	 * Carries out the request, then loses its answer at `rate` (a dropped connection, InternalError or a
	 * 502 page in turn), for `actions` (default: every action that is not a List or Query).
	 */
	| { mode: 'lostAnswers'; rate: number; seed?: number; actions?: string[] };

export interface RecordedRequest {
	/** Wall-clock arrival time (ms since epoch). */
	at: number;
	method: string;
	action?: string;
	accessKeyId?: string;
	/** Emptied for all but the last 10,000 requests, to cap memory. */
	params: Record<string, string>;
	/** 0 when no complete answer was sent (a destroyed socket or a hang). */
	httpStatus: number;
	/** The answer's `Code`, when it carried one. */
	code?: string;
	/** Set when an injected fault or a fault mode decided the answer: its kind ('gateway', 'destroy', 'flaky', ...). */
	fault?: string;
}

export interface EmulatorOptions {
	/** 0 (default): a random free port. The emulator always listens on 127.0.0.1. */
	port?: number;
	/**
	 * Overrides every action's quota: accepted requests per account (or key, see quotaScope) and action in
	 * any sliding second; 0 = no limit. Unset (default): each action's documented quota (quotas.ts).
	 */
	qps?: number;
	/** Whom quotas are counted for: 'account' (default, as Alibaba does: all its keys share) or each 'key'. */
	quotaScope?: QuotaScope;
	/** Added before every API answer; default 0. */
	latencyMs?: number;
	/** Default true. */
	seedFixtures?: boolean;
	/** Allowed clock skew of `Timestamp`, and how long a SignatureNonce stays used; default 15 min. */
	timestampWindowMs?: number;
	/** Order of every firmware's jobs unless its spec says otherwise; default 'newestFirst'. */
	jobOrder?: JobOrder;
	/** Default 'documented' (COMPLETED, VERIFY_FIRMWARE); 'alternative' serves COMPLETE, VERFIY_FIRMWARE. */
	enumSpelling?: EnumSpelling;
	/** The code for an unknown IotInstanceId; default 'iot.system.InstanceNotFound'. */
	instanceNotFoundCode?: InstanceNotFoundCode;
	/** How throttled answers tell their wait; default 'retryAfter' (x-acs-retry-after). */
	throttleHint?: ThrottleHintStyle;
	/** Every API request answered by an echoing proxy instead of Alibaba; default none. */
	echoProxy?: EchoProxyMode;
	/** Firmwares added after the seeded ones (replacing any with the same id), e.g. recorded answers. */
	fixtures?: FirmwareSpec[];
	/**
	 * The fleet clock: every this many milliseconds, each job made by a create action moves its tasks
	 * one state on, as devices would. Unset or 0: they move only through `advanceTasks`.
	 */
	fleetTickMs?: number;
}

/** What addJob (and `POST /__emulator/firmwares/<id>/jobs`) accepts: any job fields to set. */
export type JobPatch = Partial<OtaJob>;

export interface Emulator {
	/** 'http://127.0.0.1:PORT' */
	url: string;
	port: number;
	/** Also destroys hanging and keep-alive sockets, so jest exits. */
	close(): Promise<void>;
	addFirmware(spec: FirmwareSpec): FirmwareFixture;
	firmware(firmwareId: string): FirmwareFixture | undefined;
	/** Removes a firmware and its jobs; an unknown ID is no error. */
	deleteFirmware(firmwareId: string): void;
	/** A new IN_PROGRESS job at the head of a firmware's list, with `taskCount` device tasks. Throws on bad input. */
	addJobWithTasks(spec: JobSpec): JobTaskSummary;
	/** Moves every unfinished task of a job `steps` (default 1, up to 10) states on. Throws for an unknown job. */
	advanceTasks(jobId: string, steps?: number): JobTaskSummary;
	/** Counts per task status of a job. Throws for an unknown job. */
	taskSummary(jobId: string): JobTaskSummary;
	inject(fault: InjectedFault): void;
	clearFaults(): void;
	setFaultMode(mode: FaultMode | undefined): void;
	/** A number overrides every action's quota (0 = no limit); undefined restores the documented quotas. */
	setQps(qps: number | undefined): void;
	setQuotaScope(scope: QuotaScope): void;
	/** The quota each action gets now, and how it is counted. */
	quotas(): QuotaReport;
	setLatency(ms: number): void;
	setJobOrder(order: JobOrder): void;
	setEnumSpelling(spelling: EnumSpelling): void;
	setInstanceNotFoundCode(code: InstanceNotFoundCode): void;
	setThrottleHint(hint: ThrottleHintStyle): void;
	/** undefined: requests reach Alibaba (the emulator) again. */
	setEchoProxy(mode: EchoProxyMode | undefined): void;
	/** The next `count` OSS PostObject uploads are read whole, then answered with OSS's 503 XML error. */
	failOssUploads(count: number): void;
	/** Starts (ms > 0) or stops (0) the fleet clock (see EmulatorOptions.fleetTickMs). */
	setFleetTick(ms: number): void;
	/** How many objects the OSS endpoint holds. */
	ossObjects(): number;
	/** A new job at its place in the list (fresh JobId and UtcCreate now unless given); returns it. */
	addJob(firmwareId: string, patch?: JobPatch): OtaJob;
	/** Changes a job's JobStatus and UtcModified (and UtcEndTime when it ends); returns the job. */
	setJobStatus(jobId: string, status: string): OtaJob;
	/** A firmware's jobs exactly as the next listing would serve them: order and spelling. */
	servedJobs(firmwareId: string): OtaJob[];
	/** Every API request received, oldest first (control requests under /__emulator/ are not recorded). */
	readonly requests: RecordedRequest[];
	/** Most requests received (any outcome) in any sliding 1000 ms window, for one key or the busiest key. */
	peakRequestsPerSecond(accessKeyId?: string): number;
	resetStats(): void;
	/** Request counts, answers by Code, and traffic figures per action and overall (`GET /__emulator/stats`). */
	statsSummary(): StatsSummary;
}
