import type { Agent } from 'node:http';

import RPCClient from '@alicloud/pop-core';

import { captureInto, capturingAgent, newCapture } from './answerCapture';
import type { IotCredentials } from './iotCredentials';
import type { IotAnswer, PopEntry } from './popAnswer';
import { errorFromBody, isForeignJson, toAlibabaApiError } from './popErrors';

/** The IoT Platform API version every action of this package belongs to. */
const IOT_API_VERSION = '2018-01-20';

export type { IotAnswer };

export type IotParams = Record<string, string | number | boolean | undefined | null>;

/** pop-core sends a POST's parameters as a form body, signed with the method. */
export type IotHttpMethod = 'GET' | 'POST';

interface PopVerboseClient {
	request(action: string, params: object, options: object): Promise<[IotAnswer, PopEntry]>;
}
type PopClientConstructor = new (config: RPCClient.Config, verbose: boolean) => PopVerboseClient;

/** A pop-core client and the keep-alive agent its requests go through (answerCapture.ts). */
interface PopClient {
	client: PopVerboseClient;
	agent: Agent;
}

// Reuse clients so pages share warm sockets.
const clients = new Map<string, PopClient>();
const MAX_CACHED_CLIENTS = 64;

function popClientFor(credentials: IotCredentials): PopClient {
	const key = JSON.stringify([
		credentials.endpoint,
		credentials.accessKeyId,
		credentials.accessKeySecret,
		credentials.securityToken ?? '',
	]);
	let client = clients.get(key);
	if (!client) {
		if (clients.size >= MAX_CACHED_CLIENTS) clients.delete(clients.keys().next().value as string);
		client = {
			client: new (RPCClient as unknown as PopClientConstructor)(
				{
					endpoint: credentials.endpoint,
					apiVersion: IOT_API_VERSION,
					accessKeyId: credentials.accessKeyId,
					accessKeySecret: credentials.accessKeySecret,
					securityToken: credentials.securityToken,
				},
				true,
			),
			agent: capturingAgent(credentials.endpoint),
		};
		clients.set(key, client);
	}
	return client;
}

/** pop-core would send `undefined`/`null` as the strings "undefined"/"null": drop them here. */
function toWireParams(params: IotParams): Record<string, string> {
	const wire: Record<string, string> = {};
	for (const [name, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		const textValue = String(value);
		if (textValue === '') continue;
		wire[name] = textValue;
	}
	return wire;
}

/**
 * One signed RPC call, with every pop-core quirk handled: HTTP status checked, non-JSON bodies
 * and network failures turned into AlibabaApiError, secrets kept out of every message.
 */
export async function sendIotRequest(
	credentials: IotCredentials,
	action: string,
	params: IotParams,
	timeoutMs: number,
	method: IotHttpMethod = 'GET',
): Promise<IotAnswer> {
	const wireParams = toWireParams({ RegionId: credentials.regionId, ...params });
	const { client, agent } = popClientFor(credentials);
	const capture = newCapture();
	let body: IotAnswer;
	let entry: PopEntry;
	try {
		// Reads go as GET, as the API reference's examples send them; writes as POST, as Alibaba's SDKs
		// send every OTA action (ConfirmOTATask is documented as POST only: docs/alibaba-api.md). With
		// GET the signed URL sits in pop-core's error messages: none of them is passed on (toAlibabaApiError).
		[body, entry] = await client.request(action, wireParams, {
			method,
			timeout: timeoutMs,
			formatParams: false,
			agent,
			beforeRequest: captureInto(capture),
		});
	} catch (error) {
		throw toAlibabaApiError(error, { credentials, action, timeoutMs, capture });
	}
	const httpStatus = entry.response?.statusCode;
	// A proxy's JSON can come with HTTP 200 too: without this it would read as an empty list.
	if ((httpStatus !== undefined && httpStatus >= 300) || body.Success === false || isForeignJson(body)) {
		throw errorFromBody(body, entry, { credentials, action, timeoutMs });
	}
	return body;
}
