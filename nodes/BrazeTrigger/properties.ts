import type { INodeProperties } from 'n8n-workflow';

import { MIN_SECRET_LENGTH, TOKEN_PARAMETER } from './postback/auth';
import { STATUSES } from './postback/events';

const STATUS_DESCRIPTIONS: Record<(typeof STATUSES)[number], [string, string]> = {
	sent: ['Sent', 'Braze handed the email to its email sending partner'],
	processed: [
		'Processed',
		'The sending partner received the email and prepared it for the inbox provider',
	],
	delivered: ['Delivered', 'The inbox provider accepted the email'],
	aborted: [
		'Aborted',
		'Braze did not send the email: the user has no emailable address, or Liquid abort logic ran (see Reason)',
	],
	bounced: [
		'Bounced',
		"The inbox provider rejected the email (Reason holds the provider's bounce code)",
	],
};

export const authenticationProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'urlToken',
		description:
			"How the webhook tells Braze's postbacks from anyone else's requests. Braze's postback setting is only a URL, so the secret goes into the URL you paste into Braze.",
		options: [
			{
				name: 'Secret Token in URL',
				value: 'urlToken',
				description: `Braze must call the Production URL with ?${TOKEN_PARAMETER}=SECRET at the end; a missing token gets 401, a wrong one 403`,
			},
			{
				name: 'Basic Auth in URL',
				value: 'basicAuth',
				description:
					'Braze must call https://USER:SECRET@your-host/… (HTTP basic authentication). Check with Braze\'s "Test the postback" that your instance sends it.',
			},
			{
				name: 'None (Unsafe)',
				value: 'none',
				description:
					'Anyone who learns the URL can start this workflow with made-up events. Use only behind your own protection (a proxy that checks a secret).',
			},
		],
	},
	{
		displayName: `In Braze, go to Settings › Email Preferences › Transactional Event Status Postback and paste this node's Production URL followed by ?${TOKEN_PARAMETER}= and the credential's Secret (at least ${MIN_SECRET_LENGTH} characters).`,
		name: 'urlTokenNotice',
		type: 'notice',
		default: '',
		description: 'Where the URL with its secret token goes in Braze',
		displayOptions: { show: { authentication: ['urlToken'] } },
	},
	{
		displayName:
			"In Braze, go to Settings › Email Preferences › Transactional Event Status Postback and paste this node's Production URL with the credential's User Name and Secret before the host: https://user:secret@your-n8n-host/webhook/….",
		name: 'basicAuthNotice',
		type: 'notice',
		default: '',
		description: 'Where the URL with its user name and secret goes in Braze',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName:
			'Without authentication anyone who finds this URL can start the workflow with made-up events. Choose a secret unless another layer checks one.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		description: 'Why a webhook without a secret is unsafe',
		displayOptions: { show: { authentication: ['none'] } },
	},
];

export const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: [...STATUSES],
	description:
		'The statuses that start the workflow. Braze gets a 200 for the others too, but they start nothing.',
	options: STATUSES.map((status) => ({
		name: STATUS_DESCRIPTIONS[status][0],
		value: status,
		description: STATUS_DESCRIPTIONS[status][1],
	})),
};
