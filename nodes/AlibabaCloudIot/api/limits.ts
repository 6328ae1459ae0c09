/** Page sizes and quotas from Alibaba's API reference (docs/alibaba-api.md): one place for each. */

/** ListOTAJobByFirmware: "PageSize 最大值200". */
export const MAX_JOBS_PAGE_SIZE = 200;

/** ListOTAFirmware: PageSize at most 100. */
export const MAX_FIRMWARES_PAGE_SIZE = 100;

/** ListOTATaskByJob: PageSize at most 100 (docs/alibaba-api.md, R5). */
export const MAX_TASKS_PAGE_SIZE = 100;

/** ListOTATaskByJob: "CurrentPage × PageSize must be less than or equal to 100,000" (R5, SDK model). */
export const MAX_TASKS_LISTED = 100_000;

/**
 * Each action's documented quota: requests per second per Alibaba Cloud account, shared by all
 * its RAM users (each action's "QPS limits" section; CancelOTATaskByJob's from the SDK's doc
 * comment). The limiter of an action stays under it whatever the credential allows.
 */
export const OTA_ACTION_QUOTAS: Readonly<Record<string, number>> = {
	ListOTAJobByFirmware: 10,
	ListOTAFirmware: 10,
	QueryOTAJob: 10,
	ListOTATaskByJob: 10,
	CancelOTATaskByJob: 5,
	QueryOTAFirmware: 20,
	// The write side (each action's "QPS limits" section, docs/alibaba-api.md "The write side").
	CreateOTAVerifyJob: 10,
	CreateOTAStaticUpgradeJob: 20,
	CreateOTADynamicUpgradeJob: 20,
	CancelOTAStrategyByJob: 10,
	ConfirmOTATask: 20,
	ReupgradeOTATask: 20,
	CancelOTATaskByDevice: 10,
	ListOTAUnfinishedTaskByDevice: 10,
	GenerateOTAUploadURL: 10,
	CreateOTAFirmware: 10,
	DeleteOTAFirmware: 10,
};

/** The documented quota of an action, undefined for an action not in the table (the credential's limit then applies alone). */
export function otaActionQuota(action: string): number | undefined {
	return Object.prototype.hasOwnProperty.call(OTA_ACTION_QUOTAS, action) ? OTA_ACTION_QUOTAS[action] : undefined;
}
