import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { canonicalJson } from '../../helpers/values/object';

/**
 * Whether this run is a tool call: the node connected to an AI Agent or an MCP Server Trigger
 * runs as n8n's tool variant of the node, whose type name ends in "Tool" (`brazeTool`).
 * https://docs.n8n.io/advanced-ai/examples/understand-tools/
 */
export function isToolCall(context: IExecuteSingleFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/**
 * The arguments of this tool call as one text: the item n8n hands the tool (the model's
 * `$fromAI` values, beside the agent's own input), without the id n8n gives each call. Two calls
 * with the same arguments in one execution give the same text.
 */
export function toolCallArguments(context: IExecuteSingleFunctions): string {
	const args: IDataObject = { ...(context.getInputData()?.json ?? {}) };
	delete args.toolCallId;
	return canonicalJson(args);
}
