import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { AlibabaApiError } from '../transport/errors';
import { IotCredentialsError } from '../transport/iotCredentials';
import { hintFor } from './errorHints';

function userMessageOf(error: AlibabaApiError): string {
	return error.local ? error.apiMessage : error.message;
}

/** The status only when it says something: a business error comes with HTTP 200, which is no failure. */
function failedHttpStatus(error: AlibabaApiError): number | undefined {
	return error.httpStatus !== undefined && error.httpStatus >= 300 ? error.httpStatus : undefined;
}

function describeAlibabaError(error: AlibabaApiError): string {
	const httpStatus = failedHttpStatus(error);
	const facts = [
		error.requestId ? `Request ID: ${error.requestId}` : undefined,
		httpStatus ? `HTTP status: ${httpStatus}` : undefined,
		error.attempts > 1 ? `Attempts: ${error.attempts}` : undefined,
	].filter(Boolean);
	return [facts.join(' · '), hintFor(error)].filter(Boolean).join('\n');
}

/**
 * The error n8n shows for a failed item. Built from sanitised fields only, and with the message
 * set after construction: n8n swaps any message containing a Node error code for a stock
 * sentence, and `iot.ota.FirmwareNotFound`, `iot.system.InstanceNotFound` and
 * `iot.Sre.IotInstanceNotFound` all contain "ENOTFOUND" (case-insensitively).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof AlibabaApiError) {
		const message = userMessageOf(error);
		if (isAiToolVariant(node)) {
			return operationError(node, message, itemIndex, describeAlibabaError(error));
		}
		const nodeError = new NodeApiError(node, alibabaErrorResponse(error), {
			message,
			description: describeAlibabaError(error),
			// Without an HTTP failure n8n shows Alibaba's code as the error code.
			httpCode: failedHttpStatus(error) ? String(error.httpStatus) : error.code,
			itemIndex,
		});
		nodeError.message = message;
		return nodeError;
	}
	if (error instanceof IotCredentialsError) {
		return operationError(node, `Alibaba Cloud IoT credential: ${error.message}`, itemIndex);
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return operationError(node, message, itemIndex);
}

/**
 * n8n runs a node used by an AI agent as its `…Tool` variant and wraps what it throws in
 * `new NodeOperationError(node, error)`, which rewrites a message containing "ENOTFOUND" again;
 * a NodeOperationError is passed through as it is, so the agent still reads the Alibaba code.
 */
function isAiToolVariant(node: INode): boolean {
	return node.type.endsWith('Tool');
}

export function operationError(
	node: INode,
	message: string,
	itemIndex: number,
	description?: string,
): NodeOperationError {
	const nodeError = new NodeOperationError(node, message, { itemIndex, description });
	nodeError.message = message;
	return nodeError;
}

function alibabaErrorResponse(error: AlibabaApiError): JsonObject {
	return {
		code: error.code,
		message: error.apiMessage,
		requestId: error.requestId ?? null,
		httpStatus: failedHttpStatus(error) ?? null,
		attempts: error.attempts,
	};
}

/**
 * The json of the item that stands for a failed input item under "Continue On Fail".
 * n8n moves an item to the error output only when its keys are among error/message/details,
 * so there the facts go under `details`.
 */
export function errorItemJson(
	error: unknown,
	nodeError: NodeApiError | NodeOperationError,
	forErrorOutput: boolean,
): IDataObject {
	const code = error instanceof AlibabaApiError ? error.code : codeOfLocalError(error);
	const requestId = error instanceof AlibabaApiError ? (error.requestId ?? null) : null;
	if (forErrorOutput) {
		return { error: nodeError.message, details: { code, requestId, description: nodeError.description ?? null } };
	}
	return { error: nodeError.message, code, requestId };
}

function codeOfLocalError(error: unknown): string {
	if (error instanceof IotCredentialsError) return 'InvalidCredential';
	return 'InvalidParameter';
}
