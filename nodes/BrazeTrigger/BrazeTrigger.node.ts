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
import type { Authentication, Refusal } from './postback/auth';
import { eventItem, isKnownStatus, readPostback } from './postback/events';
import { authenticationProperties, eventsProperty } from './properties';

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
		version: 1,
		subtitle:
			'={{ $parameter["events"].length === 5 ? "All transactional email events" : "Transactional email: " + $parameter["events"].join(", ") }}',
		description:
			"Starts the workflow when Braze posts a transactional email's status (sent, processed, delivered, aborted, bounced)",
		defaults: { name: 'Braze Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'brazePostbackApi',
				required: true,
				testedBy: 'brazePostbackSecret',
				displayOptions: { show: { authentication: ['urlToken', 'basicAuth'] } },
			},
		],
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
				const authentication = this.getNodeParameter(
					'authentication',
					'urlToken',
				) as Authentication;
				if (authentication === 'none') return true;
				const problem = credentialProblem(
					await this.getCredentials('brazePostbackApi'),
					authentication,
				);
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
			// No request: the secret is checked for what the webhook needs (length, URL-safe).
			async brazePostbackSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				const problem = credentialProblem(data, 'basicAuth');
				return problem
					? { status: 'Error', message: `The credential cannot protect the webhook: ${problem}.` }
					: { status: 'OK', message: 'The secret can protect the webhook.' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const authentication = this.getNodeParameter('authentication', 'urlToken') as Authentication;
		if (authentication !== 'none') {
			const credentials: ICredentialDataDecryptedObject =
				await this.getCredentials('brazePostbackApi');
			const problem = credentialProblem(credentials, authentication);
			// Only after publishing: the credential was weakened while the workflow was active.
			if (problem) {
				this.logger.warn(`Braze Trigger "${this.getNode().name}": the credential ${problem}.`);
				return reply(this, {
					status: 500,
					message: `The Braze Trigger's credential cannot protect this webhook: ${problem}.`,
				});
			}
			const refusal = refuseRequest(
				authentication,
				credentials,
				this.getQueryData(),
				this.getHeaderData(),
			);
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
