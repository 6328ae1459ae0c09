/** Page-size maxima from Alibaba's API reference (shared/api): one place for each. */

/** ListOTAJobByFirmware: "PageSize 最大值200". */
export const MAX_JOBS_PAGE_SIZE = 200;

/** ListOTAFirmware: PageSize at most 100. */
export const MAX_FIRMWARES_PAGE_SIZE = 100;

/** ListOTATaskByJob: PageSize at most 100 (docs/alibaba-api.md, R5). */
export const MAX_TASKS_PAGE_SIZE = 100;

/** ListOTATaskByJob: "CurrentPage × PageSize must be less than or equal to 100,000" (R5, SDK model). */
export const MAX_TASKS_LISTED = 100_000;
