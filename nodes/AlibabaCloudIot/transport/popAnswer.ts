/** A successful answer's JSON body. json-bigint builds these with a null prototype. */
export type IotAnswer = Record<string, unknown>;

/** What pop-core returns in verbose mode, and attaches to the errors it throws. */
export interface PopEntry {
	response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> };
}
