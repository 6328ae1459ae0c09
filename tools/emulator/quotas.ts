// Each action's documented quota: requests per second per Alibaba Cloud account, shared by the
// account's RAM users (docs/alibaba-api.md, "Quotas and page sizes", from each action's API reference).

export const DOCUMENTED_QPS: Readonly<Record<string, number>> = {
	ListOTAJobByFirmware: 10,
	ListOTAFirmware: 10,
	QueryOTAFirmware: 20,
	QueryOTAJob: 10,
	ListOTATaskByJob: 10,
	CancelOTATaskByJob: 5,
	// The write side (docs/alibaba-api.md, "Quotas and page sizes").
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

/** For an action missing from the table: the figure most IoT Platform actions document. */
export const DEFAULT_QPS = 10;

/** Whom a quota is counted for: the account (as Alibaba does) or each AccessKeyId on its own. */
export type QuotaScope = 'account' | 'key';

export const QUOTA_SCOPES: readonly QuotaScope[] = ['account', 'key'];

export function documentedQps(action: string | undefined): number {
	return (action !== undefined && DOCUMENTED_QPS[action]) || DEFAULT_QPS;
}

export function checkQuotaScope(scope: unknown): QuotaScope {
	if (!QUOTA_SCOPES.includes(scope as QuotaScope)) throw new Error(`quota scope must be one of ${QUOTA_SCOPES.join(', ')}`);
	return scope as QuotaScope;
}
