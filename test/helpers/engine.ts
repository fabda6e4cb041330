import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
} from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { Braze } from '../../nodes/Braze/Braze.node';
import {
	NEXT_NODE,
	additionalDataOf,
	nextNode,
	nodeTypesOf,
	outputOf,
	startingAt,
	toNextNode,
	workflowOf,
} from './engineSetup';

export const BRAZE_NODE = 'Braze';
export const RECEIVER_NODE = NEXT_NODE;

export interface RunOptions {
	/** Another node type to run in the Braze node's place (the credential test's probe node). */
	nodeType?: INodeType;
	parameters: INodeParameters;
	/** The node's version (1 unless set): what a saved workflow, or a new node (2), has. */
	typeVersion?: number;
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
	/** Receives n8n's Stop for this execution (the editor's Stop button), to call during the run. */
	withStop?: (stop: () => void) => void;
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
};
const nodeTypes = nodeTypesOf(nodeTypeRegistry);

/** Runs the Braze node (and optionally a next node) through n8n's real WorkflowExecute. */
export async function runBrazeNode(options: RunOptions): Promise<RunResult> {
	nodeTypeRegistry['test.custom'] = options.nodeType;
	const brazeNode: INode = {
		id: 'braze-node',
		name: BRAZE_NODE,
		type: options.nodeType ? 'test.custom' : 'n8n-nodes-braze-messaging.braze',
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { brazeApi: { id: '1', name: 'Braze account' } },
		...(options.onError ? { onError: options.onError } : {}),
		...options.settings,
	};
	const receives = options.receive !== undefined;
	const { workflow, data } = workflowOf(
		{
			id: 'test-workflow',
			name: 'Braze test',
			active: false,
			nodes: receives ? [brazeNode, nextNode(options.receive as string)] : [brazeNode],
			connections: receives ? toNextNode(BRAZE_NODE) : {},
		},
		nodeTypes,
	);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', data);
	const additionalData = additionalDataOf(
		'test-execution',
		{ name: 'brazeApi', type: new BrazeApi(), data: options.credentials },
		{ hooks },
	);

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const execution = new WorkflowExecute(
		additionalData,
		options.retryOf ? 'retry' : 'manual',
		options.retryOf ? retryData(options.retryOf) : startingAt(brazeNode, [items]),
	).processRunExecutionData(workflow);
	options.withStop?.(() => execution.cancel());
	const run = await execution;
	return {
		run,
		output: outputOf(run, BRAZE_NODE),
		errorOutput: outputOf(run, BRAZE_NODE, 1),
		received: outputOf(run, RECEIVER_NODE),
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
