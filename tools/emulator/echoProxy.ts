// A misconfigured proxy or WAF in front of the endpoint: it answers instead of Alibaba, in HTML, plain
// text or JSON that is not Alibaba's, and echoes the request back (URL with its query string, so
// Signature=, SecurityToken= and AccessKeyId=; a POST's form body too). The echo is inserted raw, not
// HTML-escaped, as a naive proxy does: the hardest case for a client that must not repeat it.
import type { Outcome } from './responses';
import { DEFAULT_ECHO_STATUS, type EchoFormat } from './servingModes';

/** What the proxy saw of the request. */
export interface EchoedRequest {
	method: string;
	/** The full URL as received: `http://host:port/path?query`. */
	url: string;
	/** A POST's body as received; '' for GET. */
	body: string;
}

/** The header a proxy adds naming the URL it handled. */
export const ECHO_HEADER = 'x-original-url';

export function echoAnswer(format: EchoFormat, httpStatus: number | undefined, request: EchoedRequest): Outcome {
	const status = httpStatus ?? DEFAULT_ECHO_STATUS;
	const headers = { [ECHO_HEADER]: request.url };
	const bodyLine = request.body ? `Request body: ${request.body}` : '';
	switch (format) {
		case 'html':
			return {
				kind: 'raw',
				httpStatus: status,
				contentType: 'text/html',
				headers,
				body:
					`<!DOCTYPE html>\n<html>\n<head><title>${status} Request blocked: ${request.url}</title></head>\n<body>\n` +
					`<h1>Request blocked</h1>\n<p>The request ${request.method} ${request.url} was blocked by the proxy.</p>\n` +
					(bodyLine ? `<p>${bodyLine}</p>\n` : '') +
					`</body>\n</html>\n`,
			};
		case 'text':
			return {
				kind: 'raw',
				httpStatus: status,
				contentType: 'text/plain',
				headers,
				body: `${request.url}\nblocked by proxy (${request.method}, HTTP ${status})\n${bodyLine ? bodyLine + '\n' : ''}`,
			};
		case 'json':
			return {
				kind: 'raw',
				httpStatus: status,
				contentType: 'application/json',
				headers,
				body: JSON.stringify({
					status,
					error: 'Request blocked by proxy',
					Message: `${request.method} ${request.url}${request.body ? ` body: ${request.body}` : ''}`,
				}),
			};
	}
}
