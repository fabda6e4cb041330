import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { isToolCall, toolCallArguments } from './toolCall';

/**
 * State this run of the node keeps in the node's context of the execution, under `name`, made by
 * `make` on first use. n8n saves that context with the execution, Retry On Fail runs the node
 * again with it, and n8n's Retry of a failed execution starts from the context the failed one
 * saved, under the same run index. One entry per run index, so a node in a loop keeps its runs
 * apart.
 *
 * A tool call (AI Agent, MCP Server Trigger) keeps its state under its arguments instead: n8n
 * runs every call of a tool under a new run index, so a model calling the tool again with the
 * same arguments after an unclear answer (its own retry) would otherwise send again; calls with
 * other arguments keep their runs apart.
 */
export function nodeRunState<State extends object>(
	context: IExecuteSingleFunctions,
	name: string,
	make: () => State,
): State {
	const nodeContext = context.getContext('node');
	const key = isToolCall(context)
		? `${name}:tool:${toolCallArguments(context)}`
		: `${name}:${Number(context.getWorkflowDataProxy(0).$runIndex ?? 0)}`;
	nodeContext[key] ??= make();
	return nodeContext[key] as State;
}
