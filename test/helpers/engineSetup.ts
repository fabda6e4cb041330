import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { Receiver } from './receiverNode';

// What the two test engines (engine.ts runs the Braze node, triggerEngine.ts the Braze Trigger)
// both hand n8n's WorkflowExecute: node types, a workflow, additional data and a start.

/** The name of the node after the one under test (a Receiver, see receiverNode.ts). */
export const NEXT_NODE = 'Next Node';

/**
 * n8n's node-type lookup over `registry` (type name → node), to which it adds the Receiver. It
 * reads the registry on each lookup, so a node put in later is found.
 */
export function nodeTypesOf(registry: Record<string, INodeType | undefined>): INodeTypes {
	registry['test.receiver'] = new Receiver();
	return {
		getByName: (type) => registry[type] as INodeType,
		getByNameAndVersion: (type, version) =>
			NodeHelpers.getVersionedNodeType(registry[type] as INodeType, version),
		getKnownTypes: () => ({}),
	};
}

/** The next node: a Receiver that evaluates `expression` for each item it gets. */
export function nextNode(expression: string): INode {
	return {
		id: 'next-node',
		name: NEXT_NODE,
		type: 'test.receiver',
		typeVersion: 1,
		position: [200, 0],
		parameters: { received: expression },
	};
}

/** `from`'s main output into the next node. */
export function toNextNode(from: string): IConnections {
	return { [from]: { main: [[{ node: NEXT_NODE, type: 'main', index: 0 }]] } };
}

/** The workflow n8n runs, and the workflow data its execution hooks are given. */
export function workflowOf(
	base: { id: string; name: string; active: boolean; nodes: INode[]; connections: IConnections },
	nodeTypes: INodeTypes,
): { workflow: Workflow; data: IWorkflowBase } {
	const data = {
		...base,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	// The Workflow fills in every parameter's default, as n8n does when it loads a workflow.
	return { workflow: new Workflow({ ...base, nodeTypes }), data };
}

/** A credential of the test: its type and the data n8n would decrypt for it. */
export interface TestCredential {
	name: string;
	type: ICredentialType;
	data: ICredentialDataDecryptedObject;
}

/** What WorkflowExecute needs besides the workflow: the credential and n8n's base URLs. */
export function additionalDataOf(
	executionId: string,
	credential: TestCredential,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		executionId,
		credentialsHelper: new TestCredentialsHelper(
			{ [credential.name]: credential.type },
			{ [credential.name]: credential.data },
		),
		variables: {},
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A new execution that starts at `node` with `main` as its input. */
export function startingAt(node: INode, main: INodeExecutionData[][]): IRunExecutionData {
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main }, source: null }],
		},
	} as unknown as IRunExecutionData;
}

/** Output `index` of the first run of node `name` (0: main, 1: the error output). */
export function outputOf(run: IRun, name: string, index = 0): INodeExecutionData[] {
	return run.data.resultData.runData[name]?.[0]?.data?.main?.[index] ?? [];
}
