/** Page-size maxima from Alibaba's API reference (shared/api): one place for each. */

/** ListOTAJobByFirmware: "PageSize 最大值200". */
export const MAX_JOBS_PAGE_SIZE = 200;

/** ListOTAFirmware: PageSize at most 100. */
export const MAX_FIRMWARES_PAGE_SIZE = 100;
