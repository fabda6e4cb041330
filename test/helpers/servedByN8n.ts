import { RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type { INodeType } from 'n8n-workflow';

/**
 * The node as n8n's server hands it to the engine: n8n's NodeTypes gives a declarative node an
 * `execute` that runs its routing with the execution's context, so every node of the execution
 * shares its cancel signal, and with it the rate-limit gates (n8n 1.123 and 2.41, packages/cli
 * node-types.ts). The engine's own fallback for a declarative node
 * (WorkflowExecute.executeDeclarativeNodeInTest) passes no signal.
 */
export function servedByN8n(node: INodeType): INodeType {
	node.execute = async function (this: ExecuteContext) {
		return (await new RoutingNode(this, node).runNode()) ?? [];
	};
	return node;
}
