import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import { isToolCall } from './ledger/toolCall';

/**
 * An error the node made itself (a check before sending, a request not sent), as n8n's editor
 * should show it: the node's sentence and its fix, nothing else.
 *
 * n8n's routing passes a NodeApiError on as it is, but wraps every other error of an item in a
 * new NodeApiError with the HTTP code "none" and the message again as a raw message; the editor
 * then shows them under "From Braze", "Error code none", as if Braze had answered. A NodeApiError
 * with no HTTP code and no raw message is passed on untouched and shows neither.
 */
export function asLocalRefusal(context: IExecuteSingleFunctions, error: unknown): NodeApiError {
	return forModel(context, localRefusal(context, error));
}

/**
 * A tool's error reaches an AI Agent's model as its message alone (n8n's engine hands the agent
 * `{ error: message }`), so in a tool call the message carries the fix too; n8n's MCP Server
 * Trigger then shows it once (it adds the description only when the message lacks it).
 */
function forModel(context: IExecuteSingleFunctions, error: NodeApiError): NodeApiError {
	const fix = error.description?.trim();
	if (isToolCall(context) && fix && !error.message.includes(fix)) {
		error.message = `${error.message.replace(/[.\s]+$/, '')}. ${fix}`;
	}
	return error;
}

function localRefusal(context: IExecuteSingleFunctions, error: unknown): NodeApiError {
	if (error instanceof NodeApiError) return error;
	const source =
		error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error as Error, {
					itemIndex: context.getItemIndex(),
				});
	const refusal = new NodeApiError(context.getNode(), {} as JsonObject, {
		message: source.message,
		description: source.description ?? undefined,
		itemIndex: Number(source.context.itemIndex ?? context.getItemIndex()),
	});
	refusal.context = { ...source.context, ...refusal.context };
	return refusal;
}
