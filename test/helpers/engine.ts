import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { Braze } from '../../nodes/Braze/Braze.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { Receiver } from './receiverNode';

export const BRAZE_NODE = 'Braze';
export const RECEIVER_NODE = 'Next Node';

export interface RunOptions {
	/** Another node type to run in the Braze node's place (the credential test's probe node). */
	nodeType?: INodeType;
	parameters: INodeParameters;
	/** The JSON of the items entering the Braze node (one empty item by default). */
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	onError?: INode['onError'];
	/** An expression the next node evaluates for each item, e.g. {{ $json.dispatch_id }}. */
	receive?: string;
	/** Node settings such as retryOnFail, maxTries and waitBetweenTries. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'alwaysOutputData'>;
	/**
	 * Run as n8n's Retry of this failed execution (the editor's Retry button): its saved data, with
	 * the error and the failed node's last run removed, as n8n's ExecutionService.retry does.
	 */
	retryOf?: IRun;
}

export interface RunResult {
	run: IRun;
	/** The Braze node's main output. */
	output: INodeExecutionData[];
	/** Its error output (onError: continueErrorOutput). */
	errorOutput: INodeExecutionData[];
	/** What the next node computed from each item, when `receive` is set. */
	received: INodeExecutionData[];
	/** The execution error, when the run failed. */
	error: (Error & IDataObject) | undefined;
}

const nodeTypeRegistry: Record<string, INodeType | undefined> = {
	'n8n-nodes-braze-messaging.braze': new Braze(),
	'test.receiver': new Receiver(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeRegistry[type] as INodeType,
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypeRegistry[type] as INodeType, version),
	getKnownTypes: () => ({}),
};

/** Runs the Braze node (and optionally a next node) through n8n's real WorkflowExecute. */
export async function runBrazeNode(options: RunOptions): Promise<RunResult> {
	nodeTypeRegistry['test.custom'] = options.nodeType;
	const brazeNode: INode = {
		id: 'braze-node',
		name: BRAZE_NODE,
		type: options.nodeType ? 'test.custom' : 'n8n-nodes-braze-messaging.braze',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { brazeApi: { id: '1', name: 'Braze account' } },
		...(options.onError ? { onError: options.onError } : {}),
		...options.settings,
	};
	const nodes: INode[] = [brazeNode];
	const connections: IWorkflowBase['connections'] = {};
	if (options.receive !== undefined) {
		nodes.push({
			id: 'receiver-node',
			name: RECEIVER_NODE,
			type: 'test.receiver',
			typeVersion: 1,
			position: [200, 0],
			parameters: { received: options.receive },
		});
		connections[BRAZE_NODE] = { main: [[{ node: RECEIVER_NODE, type: 'main', index: 0 }]] };
	}
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'Braze test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const additionalData = {
		executionId: 'test-execution',
		hooks,
		credentialsHelper: new TestCredentialsHelper(
			{ brazeApi: new BrazeApi() },
			{ brazeApi: options.credentials },
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
	} as unknown as IWorkflowExecuteAdditionalData;

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: brazeNode, data: { main: [items] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const run = await new WorkflowExecute(
		additionalData,
		options.retryOf ? 'retry' : 'manual',
		options.retryOf ? retryData(options.retryOf) : runExecutionData,
	).processRunExecutionData(workflow);
	const brazeRun = run.data.resultData.runData[BRAZE_NODE]?.[0];
	const receiverRun = run.data.resultData.runData[RECEIVER_NODE]?.[0];
	return {
		run,
		output: brazeRun?.data?.main?.[0] ?? [],
		errorOutput: brazeRun?.data?.main?.[1] ?? [],
		received: receiverRun?.data?.main?.[0] ?? [],
		error: run.data.resultData.error as (Error & IDataObject) | undefined,
	};
}

/** What n8n's Retry starts from: the saved run, without its error and the failed node's last run. */
function retryData(previous: IRun): IRunExecutionData {
	const data = JSON.parse(JSON.stringify(previous.data)) as IRunExecutionData; // as saved in the database
	const { lastNodeExecuted } = data.resultData;
	delete data.resultData.error;
	const runs = lastNodeExecuted ? data.resultData.runData[lastNodeExecuted] : undefined;
	if (runs?.length && runs[runs.length - 1].error !== undefined) runs.pop();
	return data;
}
