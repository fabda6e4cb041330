import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	ICredentialType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { BrazePostbackApi } from '../../credentials/BrazePostbackApi.credentials';
import { BrazePostbackTokenApi } from '../../credentials/BrazePostbackTokenApi.credentials';
import { BrazeTrigger } from '../../nodes/BrazeTrigger/BrazeTrigger.node';
import {
	AUTHENTICATION,
	authenticationSetup,
} from '../../nodes/BrazeTrigger/postback/authentication';
import {
	NEXT_NODE,
	additionalDataOf as engineAdditionalDataOf,
	nextNode,
	nodeTypesOf,
	outputOf,
	startingAt,
	toNextNode,
	workflowOf as engineWorkflowOf,
} from './engineSetup';

export const TRIGGER_NODE = 'Braze Trigger';
export { NEXT_NODE };
// A test value ("example" keeps n8n's no-hardcoded-secrets lint from taking it for a real one).
export const SECRET = 'example-postback-secret-0123456789';

export interface HttpAnswer {
	status: number;
	headers: Record<string, string>;
	text: string;
	json: IDataObject | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const support = require('../support/webhookServer') as {
	startWebhookServer(
		handler: (req: unknown, res: unknown) => Promise<void>,
	): Promise<{ url: string; close(): Promise<void> }>;
	post(
		url: string,
		body: unknown,
		options?: { contentType?: string | null; headers?: Record<string, string> },
	): Promise<HttpAnswer>;
};
export const post = support.post;

/** One execution the webhook started: what the trigger emitted and what the next node got. */
export interface TriggerRun {
	run: IRun;
	emitted: IDataObject[];
	received: IDataObject[];
}

export interface TriggerSetup {
	parameters: INodeParameters;
	/** The credential's data as saved; n8n's defaults and display rules are applied to it. */
	credentials?: ICredentialDataDecryptedObject;
	/** The node's version (1 unless given). */
	typeVersion?: number;
}

const trigger = new BrazeTrigger();
const nodeTypes = nodeTypesOf({ 'n8n-nodes-braze-messaging.brazeTrigger': trigger });

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	brazePostbackApi: new BrazePostbackApi(),
	brazePostbackTokenApi: new BrazePostbackTokenApi(),
};

/** The credential type the node's Authentication uses (the version's default when not given). */
export function credentialTypeOf(setup: TriggerSetup): string {
	const version = setup.typeVersion ?? 1;
	const value =
		setup.parameters.authentication ??
		(version >= 2 ? AUTHENTICATION.token : AUTHENTICATION.tokenV1);
	return authenticationSetup(value).credentialType ?? 'brazePostbackApi';
}

/**
 * The data n8n hands the node for a saved credential (CredentialsHelper.applyDefaultsAndOverwrites
 * in n8n 2.41): the credential type's defaults filled in, fields it does not display dropped.
 */
export function credentialDataAsN8nGivesIt(
	type: string,
	saved: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	return NodeHelpers.getNodeParameters(
		CREDENTIAL_TYPES[type].properties,
		saved as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
}

function workflowOf(setup: TriggerSetup) {
	const triggerNode: INode = {
		id: 'trigger-node',
		name: TRIGGER_NODE,
		type: 'n8n-nodes-braze-messaging.brazeTrigger',
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		webhookId: '5b0c3c8e-4a52-4d7e-9d43-9a1f2f6d0b11',
		parameters: setup.parameters,
		credentials: { [credentialTypeOf(setup)]: { id: '1', name: 'Braze postback secret' } },
	};
	return engineWorkflowOf(
		{
			id: 'trigger-workflow',
			name: 'Braze Trigger test',
			active: true,
			// What a workflow would do with the event: read the lifted field.
			nodes: [triggerNode, nextNode('={{ $json.status }}:{{ $json.external_send_id }}')],
			connections: toNextNode(TRIGGER_NODE),
		},
		nodeTypes,
	);
}

function additionalDataOf(
	setup: TriggerSetup,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	const type = credentialTypeOf(setup);
	const saved = setup.credentials ?? { secret: SECRET, user: 'braze' };
	return engineAdditionalDataOf(
		'trigger-execution',
		{ name: type, type: CREDENTIAL_TYPES[type], data: credentialDataAsN8nGivesIt(type, saved) },
		extra,
	);
}

function webhookDataOf(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData {
	return {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/braze-postback`,
		webhookDescription: trigger.description.webhooks?.[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	} as unknown as IWebhookData;
}

/**
 * What n8n does when the workflow is published (activated): the node's webhookMethods.default
 * checkExists, in a real HookContext. Resolves its answer or rejects with its error.
 */
export async function checkActivation(setup: TriggerSetup): Promise<boolean> {
	const { workflow } = workflowOf(setup);
	const node = workflow.getNode(TRIGGER_NODE) as INode;
	const additionalData = additionalDataOf(setup);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		'activate',
		webhookDataOf(workflow, node, additionalData),
	);
	return await trigger.webhookMethods.default.checkExists.call(context);
}

/**
 * The body n8n 2.41 answers in responseMode onReceived (webhook-helpers.js, then
 * extractWebhookOnReceivedResponse): the description's responseData ("firstEntryJson" when
 * absent, taken as the answer itself), else the node's webhookResponse.
 */
function onReceivedBody(nodeType: BrazeTrigger, result: IWebhookResponseData): unknown {
	const responseData = nodeType.description.webhooks?.[0].responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

/**
 * What n8n 2.41 does with a webhook request (webhook-helpers.js executeWebhook, responseMode
 * onReceived): calls the node's webhook() in a real WebhookContext; if the node answered the
 * request itself (noWebhookResponse) or gave no workflowData, no execution starts; otherwise
 * the request is answered with webhookResponse and WorkflowExecute runs the workflow with the
 * trigger's items on the execution stack, so the next node receives them.
 */
async function handleRequest(
	setup: TriggerSetup,
	req: unknown,
	res: { headersSent: boolean; writeHead(s: number, h: IDataObject): void; end(t: string): void },
	runs: TriggerRun[],
): Promise<void> {
	const { workflow, data } = workflowOf(setup);
	const node = workflow.getNode(TRIGGER_NODE) as INode;
	const additionalData = additionalDataOf(setup, { httpRequest: req, httpResponse: res });
	const webhookData = webhookDataOf(workflow, node, additionalData);
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result: IWebhookResponseData = await trigger.webhook.call(context);

	if (result.noWebhookResponse) return;
	const answer = (body: unknown) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	if (result.workflowData === undefined) {
		answer(result.webhookResponse ?? { message: 'Webhook call received' });
		return;
	}
	const hooks = new ExecutionLifecycleHooks('webhook', 'trigger-execution', data);
	const execution = new WorkflowExecute(
		additionalDataOf({ ...setup, credentials: setup.credentials ?? {} }, { hooks }),
		'webhook',
		startingAt(node, result.workflowData),
	).processRunExecutionData(workflow);
	answer(onReceivedBody(trigger, result));
	const run = await execution;
	const output = (name: string): IDataObject[] => outputOf(run, name).map((item) => item.json);
	runs.push({ run, emitted: output(TRIGGER_NODE), received: output(NEXT_NODE) });
}

export interface TriggerWebhook {
	/** The webhook's URL (a trailing ?token=… or user:pass@ is up to the test). */
	url: string;
	/** The executions started so far, in order. */
	runs: TriggerRun[];
	post(
		body: unknown,
		options?: {
			query?: string;
			contentType?: string | null;
			auth?: string;
			headers?: Record<string, string>;
		},
	): Promise<HttpAnswer>;
	close(): Promise<void>;
}

/** Serves the Braze Trigger's webhook over real HTTP, configured by `setup` (changeable). */
export async function startTriggerWebhook(setup: TriggerSetup): Promise<TriggerWebhook> {
	const runs: TriggerRun[] = [];
	const pending: Array<Promise<void>> = [];
	const server = await support.startWebhookServer(async (req, res) => {
		const handled = handleRequest(setup, req, res as Parameters<typeof handleRequest>[2], runs);
		pending.push(handled);
		await handled;
	});
	const path = '/webhook/5b0c3c8e-4a52-4d7e-9d43-9a1f2f6d0b11/braze-postback';
	return {
		url: `${server.url}${path}`,
		runs,
		async post(body, options = {}) {
			const base = options.auth
				? server.url.replace('http://', `http://${options.auth}@`)
				: server.url;
			const answer = await support.post(`${base}${path}${options.query ?? ''}`, body, options);
			await Promise.all(pending);
			return answer;
		},
		close: server.close,
	};
}

/**
 * One webhook per test file: started before the first test, closed at the end. Before each test
 * the setup goes back to the defaults (no parameters, the test credential) and the runs are
 * cleared. The returned webhook always points at the running server.
 */
export function useTriggerWebhook(): { setup: TriggerSetup; webhook: TriggerWebhook } {
	const setup: TriggerSetup = { parameters: {} };
	let current: TriggerWebhook | undefined;
	beforeAll(async () => {
		current = await startTriggerWebhook(setup);
	});
	afterAll(async () => await current?.close());
	beforeEach(() => {
		setup.parameters = {};
		setup.credentials = undefined;
		setup.typeVersion = undefined;
		current?.runs.splice(0);
	});
	const webhook = new Proxy({} as TriggerWebhook, {
		get: (_target, property) => Reflect.get(current as object, property) as unknown,
	});
	return { setup, webhook };
}
