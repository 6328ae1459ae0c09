/**
 * The credential's Max Requests per Second. Alibaba allows 10 requests per second per account for
 * each OTA list action ("单阿里云账号调用该接口的每秒请求数（QPS）最大限制为10"), shared by its RAM users.
 */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 10;
export const MAX_REQUESTS_PER_SECOND_CEILING = 100;
