/** Facts from Alibaba's API reference (shared/api): one place for each. */
export const IOT_API_VERSION = '2018-01-20';

/** ListOTAJobByFirmware: "PageSize 最大值200". */
export const MAX_JOBS_PAGE_SIZE = 200;

/** ListOTAFirmware: PageSize at most 100. */
export const MAX_FIRMWARES_PAGE_SIZE = 100;

/** "单阿里云账号调用该接口的每秒请求数（QPS）最大限制为10", shared by the account's RAM users. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 10;
export const MAX_REQUESTS_PER_SECOND_CEILING = 100;

/** pop-core's own default is 3 s, too short for a loaded gateway. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
