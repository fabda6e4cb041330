import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { credentialProblem, refuseRequest } from './postback/auth';
import type { Refusal } from './postback/auth';
import { AUTHENTICATION, authenticationSetup } from './postback/authentication';
import type { AuthenticationSetup } from './postback/authentication';
import { credentialTestResult } from './postback/credentialTest';
import { eventItem, isKnownStatus, readPostback } from './postback/events';
import { authenticationProperties, eventsProperty } from './properties';
import { triggerPanel } from './triggerPanel';

/** The node's Authentication: how a request must carry the secret, and which credential holds it. */
function setupOf(context: IHookFunctions | IWebhookFunctions): AuthenticationSetup {
	const fallback =
		context.getNode().typeVersion >= 2 ? AUTHENTICATION.token : AUTHENTICATION.tokenV1;
	return authenticationSetup(context.getNodeParameter('authentication', fallback));
}

/** Answers the request itself; n8n then starts no execution. */
function reply(context: IWebhookFunctions, refusal: Refusal): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(refusal.status, {
		'Content-Type': 'application/json; charset=utf-8',
		...refusal.headers,
	});
	response.end(JSON.stringify({ error: refusal.message }));
	return { noWebhookResponse: true };
}

export class BrazeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Braze Trigger',
		name: 'brazeTrigger',
		icon: { light: 'file:braze.svg', dark: 'file:braze.dark.svg' },
		group: ['trigger'],
		// Version 2 (the default for new nodes) gives the secret token its own credential, whose form
		// asks only for the Secret; workflows saved with version 1 keep their credential.
		version: [1, 2],
		subtitle:
			'={{ $parameter["events"].length === 5 ? "All transactional email events" : "Transactional email: " + $parameter["events"].join(", ") }}',
		// n8n's nodes panel merges Braze and Braze Trigger into one entry and shows the trigger's
		// description for it (n8n-editor-ui, generateMergedNodesAndActions): it describes the package.
		description:
			'Send messages, transactional emails, campaigns and Canvases through Braze, update user profiles, and start workflows on transactional email events',
		defaults: { name: 'Braze Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint matches them to the credential classes (postback/authentication.ts
		// has the same names as BASIC_AUTH_CREDENTIAL and TOKEN_CREDENTIAL; a test checks it).
		credentials: [
			{
				name: 'brazePostbackApi',
				required: true,
				testedBy: 'brazePostbackSecret',
				displayOptions: {
					show: { authentication: [AUTHENTICATION.tokenV1, AUTHENTICATION.basicAuth] },
				},
			},
			{
				name: 'brazePostbackTokenApi',
				required: true,
				testedBy: 'brazePostbackToken',
				displayOptions: { show: { authentication: [AUTHENTICATION.token] } },
			},
		],
		triggerPanel,
		webhooks: [
			{
				name: 'default',
				// Braze does not document the method; its postback is a JSON POST in every example.
				httpMethod: 'POST',
				// n8n answers once the execution exists. An empty responseData makes that answer the
				// webhookResponse below; without it n8n 2.41 answers the text "firstEntryJson".
				responseMode: 'onReceived',
				responseData: '',
				path: 'braze-postback',
			},
		],
		properties: [...authenticationProperties, eventsProperty],
	};

	// Braze has no API to register the postback URL (it is pasted in the dashboard), so there is
	// nothing to create or delete at Braze. Activation still checks the credential, so that a
	// secret the webhook would refuse to use stops the activation with the reason: publishing in
	// the editor is refused; a workflow published from the CLI fails to activate when n8n starts
	// (n8n logs the reason and answers 404 at its URL). docs/trigger.md has the table.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { check, credentialType } = setupOf(this);
				if (check === 'none' || !credentialType) return true;
				const problem = credentialProblem(await this.getCredentials(credentialType), check);
				if (problem) {
					throw new NodeOperationError(
						this.getNode(),
						`The Braze Trigger's credential cannot protect the webhook: ${problem}.`,
					);
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			// "Braze Postback Basic Auth API": User Name and Secret (basic auth; version 1's token too).
			async brazePostbackSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return credentialTestResult(credential.data ?? {}, 'basicAuth');
			},
			// "Braze Postback Token API": the Secret only.
			async brazePostbackToken(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return credentialTestResult(credential.data ?? {}, 'urlToken');
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { check, credentialType } = setupOf(this);
		if (check !== 'none' && credentialType) {
			const credentials: ICredentialDataDecryptedObject = await this.getCredentials(credentialType);
			const problem = credentialProblem(credentials, check);
			// Only after publishing: the credential was weakened while the workflow was active.
			if (problem) {
				this.logger.warn(`Braze Trigger "${this.getNode().name}": the credential ${problem}.`);
				return reply(this, {
					status: 500,
					message: `The Braze Trigger's credential cannot protect this webhook: ${problem}.`,
				});
			}
			const refusal = refuseRequest(check, credentials, this.getQueryData(), this.getHeaderData());
			if (refusal) return reply(this, refusal);
		}

		const request = this.getRequestObject() as { rawBody?: unknown };
		const reading = readPostback(this.getBodyData(), request.rawBody);
		if ('problem' in reading) return reply(this, { status: 400, message: reading.problem });

		const selected = this.getNodeParameter('events', []) as string[];
		const items = [];
		for (const event of reading.events) {
			if (!isKnownStatus(event.status)) {
				this.logger.warn(
					`Braze Trigger "${this.getNode().name}": acknowledged an event with a status Braze does not document (${JSON.stringify(event.status.slice(0, 40))}); it starts nothing.`,
				);
				continue;
			}
			if (selected.includes(event.status)) {
				items.push({ json: eventItem({ ...event, status: event.status }) });
			}
		}
		const webhookResponse = {
			received: reading.events.length,
			emitted: items.length,
		};
		if (items.length === 0) return { webhookResponse };
		return { webhookResponse, workflowData: [items] };
	}
}
