import * as http from 'node:http';
import * as https from 'node:https';

/**
 * What came back on the wire, for the one case pop-core keeps to itself: an answer that is not
 * JSON (a proxy's or WAF's page), where pop-core's JSON.parse throws a bare SyntaxError without
 * the status or the body. Only the first few kilobytes are kept; the caller redacts them.
 */
export interface AnswerCapture {
	statusCode?: number;
	contentEncoding?: string;
	chunks: Buffer[];
	size: number;
}

/** Enough for a page's title or its first lines. */
const MAX_CAPTURED_BYTES = 4096;

/** Carried in the request options from `beforeRequest` to the agent's `addRequest`. */
const CAPTURE = Symbol('answerCapture');

type CapturingOptions = Record<PropertyKey, unknown> & { [CAPTURE]?: AnswerCapture };
type AgentInternals = http.Agent & { addRequest(request: http.ClientRequest, options: CapturingOptions): void };

/**
 * A keep-alive agent like pop-core's own, which hands each answer to the capture its request
 * carries. It only watches the `data` events the reader gets anyway, so the answer flows as before.
 */
export function capturingAgent(endpoint: string): http.Agent {
	const options = { keepAlive: true, keepAliveMsecs: 3000 };
	const agent = (endpoint.startsWith('https://') ? new https.Agent(options) : new http.Agent(options)) as AgentInternals;
	// Node's agents have had addRequest since their start; without it, answers simply go uncaptured.
	if (typeof agent.addRequest !== 'function') return agent;
	const addRequest = agent.addRequest.bind(agent);
	agent.addRequest = (request, requestOptions) => {
		const capture = requestOptions[CAPTURE];
		if (capture) request.once('response', (response: http.IncomingMessage) => watch(response, capture));
		addRequest(request, requestOptions);
	};
	return agent;
}

/** httpx's hook on the options of the request it is about to make. */
export function captureInto(capture: AnswerCapture): (options: CapturingOptions) => CapturingOptions {
	return (options) => ({ ...options, [CAPTURE]: capture });
}

export function newCapture(): AnswerCapture {
	return { chunks: [], size: 0 };
}

function watch(response: http.IncomingMessage, capture: AnswerCapture): void {
	capture.statusCode = response.statusCode;
	capture.contentEncoding = response.headers['content-encoding'];
	const emit = response.emit.bind(response);
	response.emit = ((event: string | symbol, ...args: unknown[]) => {
		if (event === 'data' && capture.size < MAX_CAPTURED_BYTES && Buffer.isBuffer(args[0])) {
			capture.chunks.push(args[0]);
			capture.size += args[0].length;
		}
		return emit(event, ...args);
	}) as typeof response.emit;
}

/**
 * The start of the body as text (whole chunks, a few kilobytes); undefined when it came compressed
 * (nothing readable to quote).
 */
export function capturedText(capture: AnswerCapture): string | undefined {
	if (capture.contentEncoding && capture.contentEncoding !== 'identity') return undefined;
	return Buffer.concat(capture.chunks).toString('utf8');
}
