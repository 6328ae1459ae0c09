// The identities the emulator knows: access keys, STS tokens and IoT instances.

export const EMULATOR_KEYS = {
	active: { accessKeyId: 'LTAI5tEmulatorActive01', accessKeySecret: 'emu-secret-active-01' },
	/** A second RAM user of `active`'s account: the two share every per-account quota. */
	sameAccount: { accessKeyId: 'LTAI5tEmulatorSameAcc1', accessKeySecret: 'emu-secret-same-account-01' },
	inactive: { accessKeyId: 'LTAI5tEmulatorInactive', accessKeySecret: 'emu-secret-inactive' },
	/** Every action answers 403 Forbidden.RAM. */
	ramDenied: { accessKeyId: 'LTAI5tEmulatorRamDeny1', accessKeySecret: 'emu-secret-ram-deny' },
	/** Every action answers 400 Forbidden.RAM (the live service has been seen using 400 as well as 403). */
	ramDenied400: { accessKeyId: 'LTAI5tEmulatorRamDeny4', accessKeySecret: 'emu-secret-ram-deny-400' },
	/** Every action answers 403 NoPermission. */
	ramNoPermission: { accessKeyId: 'LTAI5tEmulatorNoPerm01', accessKeySecret: 'emu-secret-no-permission' },
	/** Every action answers HTTP 200 with the business code iot.common.RamActionPermissionDeny. */
	ramBusinessDeny: { accessKeyId: 'LTAI5tEmulatorRamBiz01', accessKeySecret: 'emu-secret-ram-business' },
	sts: {
		accessKeyId: 'STS.EmulatorTempKey001',
		accessKeySecret: 'emu-secret-sts-01',
		securityToken: 'emu-sts-token-valid-0001',
	},
	stsExpired: {
		accessKeyId: 'STS.EmulatorTempKey002',
		accessKeySecret: 'emu-secret-sts-02',
		securityToken: 'emu-sts-token-expired-02',
	},
} as const;

/** An Enterprise instance: its firmwares are only found when a request names it in IotInstanceId. */
export const EMULATOR_INSTANCE_ID = 'iot-cn-emulator01';

export const KNOWN_INSTANCE_IDS: ReadonlySet<string> = new Set([EMULATOR_INSTANCE_ID]);

export interface AccessKeyRecord {
	accessKeySecret: string;
	active: boolean;
	/** A RAM user without any IoT permission. */
	ramDeniesAll: boolean;
}

export const ACCESS_KEYS: ReadonlyMap<string, AccessKeyRecord> = new Map([
	[EMULATOR_KEYS.active.accessKeyId, { accessKeySecret: EMULATOR_KEYS.active.accessKeySecret, active: true, ramDeniesAll: false }],
	[EMULATOR_KEYS.sameAccount.accessKeyId, { accessKeySecret: EMULATOR_KEYS.sameAccount.accessKeySecret, active: true, ramDeniesAll: false }],
	[EMULATOR_KEYS.inactive.accessKeyId, { accessKeySecret: EMULATOR_KEYS.inactive.accessKeySecret, active: false, ramDeniesAll: false }],
	[EMULATOR_KEYS.ramDenied.accessKeyId, { accessKeySecret: EMULATOR_KEYS.ramDenied.accessKeySecret, active: true, ramDeniesAll: true }],
	[EMULATOR_KEYS.ramDenied400.accessKeyId, { accessKeySecret: EMULATOR_KEYS.ramDenied400.accessKeySecret, active: true, ramDeniesAll: true }],
	[EMULATOR_KEYS.ramNoPermission.accessKeyId, { accessKeySecret: EMULATOR_KEYS.ramNoPermission.accessKeySecret, active: true, ramDeniesAll: true }],
	// The gateway lets it through; the IoT service denies it (ramDenials.ts).
	[EMULATOR_KEYS.ramBusinessDeny.accessKeyId, { accessKeySecret: EMULATOR_KEYS.ramBusinessDeny.accessKeySecret, active: true, ramDeniesAll: false }],
	[EMULATOR_KEYS.sts.accessKeyId, { accessKeySecret: EMULATOR_KEYS.sts.accessKeySecret, active: true, ramDeniesAll: false }],
	[EMULATOR_KEYS.stsExpired.accessKeyId, { accessKeySecret: EMULATOR_KEYS.stsExpired.accessKeySecret, active: true, ramDeniesAll: false }],
]);

export interface SecurityTokenRecord {
	/** The STS AccessKeyId this token was issued with. */
	accessKeyId: string;
	expired: boolean;
}

export const SECURITY_TOKENS: ReadonlyMap<string, SecurityTokenRecord> = new Map([
	[EMULATOR_KEYS.sts.securityToken, { accessKeyId: EMULATOR_KEYS.sts.accessKeyId, expired: false }],
	[EMULATOR_KEYS.stsExpired.securityToken, { accessKeyId: EMULATOR_KEYS.stsExpired.accessKeyId, expired: true }],
]);

/** Temporary (STS) AccessKeyIds carry this prefix and must come with a SecurityToken. */
export const STS_KEY_PREFIX = 'STS.';

/** Alibaba Cloud account IDs (UIDs): quotas are counted per account and action, shared by its RAM users. */
export const EMULATOR_ACCOUNTS = {
	/** `active`, `sameAccount`, `inactive` and `ramDenied`. */
	main: '1000000000000001',
	/** The STS keys, as if issued for a role of another account, so their quota is their own. */
	other: '1000000000000002',
} as const;

const ACCOUNT_OF_KEY: ReadonlyMap<string, string> = new Map([
	[EMULATOR_KEYS.active.accessKeyId, EMULATOR_ACCOUNTS.main],
	[EMULATOR_KEYS.sameAccount.accessKeyId, EMULATOR_ACCOUNTS.main],
	[EMULATOR_KEYS.inactive.accessKeyId, EMULATOR_ACCOUNTS.main],
	[EMULATOR_KEYS.ramDenied.accessKeyId, EMULATOR_ACCOUNTS.main],
	[EMULATOR_KEYS.sts.accessKeyId, EMULATOR_ACCOUNTS.other],
	[EMULATOR_KEYS.stsExpired.accessKeyId, EMULATOR_ACCOUNTS.other],
]);

/** The account a key belongs to; a key the emulator does not know stands for an account of its own. */
export function accountOf(accessKeyId: string): string {
	return ACCOUNT_OF_KEY.get(accessKeyId) ?? accessKeyId;
}
