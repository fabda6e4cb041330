import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * State this run of the node keeps in the node's context of the execution, under `name`, made by
 * `make` on first use. n8n saves that context with the execution, Retry On Fail runs the node
 * again with it, and n8n's Retry of a failed execution starts from the context the failed one
 * saved, under the same run index. One entry per run index, so a node in a loop keeps its runs
 * apart.
 */
export function nodeRunState<State extends object>(
	context: IExecuteSingleFunctions,
	name: string,
	make: () => State,
): State {
	const nodeContext = context.getContext('node');
	const runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
	const key = `${name}:${runIndex}`;
	nodeContext[key] ??= make();
	return nodeContext[key] as State;
}
