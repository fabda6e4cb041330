import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { TOKEN_PARAMETER } from './postback/auth';
import { AUTHENTICATION } from './postback/authentication';
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

// Node versions, as the Braze node writes them (its helpers/form/displayOptions.ts, which the
// trigger does not import: the two nodes share only helpers/values/ and helpers/validation/).
const ONLY_VERSION_1 = { '@version': [1] };
const FROM_VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };

const TOKEN_DESCRIPTION = `Braze must call the Production URL with ?${TOKEN_PARAMETER}=SECRET at the end; a missing token gets 401, a wrong one 403`;
const BASIC_AUTH_DESCRIPTION =
	'Braze must call https://USER:SECRET@your-host/… (HTTP basic authentication). Check with Braze\'s "Test the postback" that your instance sends it.';

const NONE_OPTION = {
	name: 'None (Unsafe)',
	value: AUTHENTICATION.none,
	description:
		'Anyone who learns the URL can start this workflow with made-up events. Use only behind your own protection (a proxy that checks a secret).',
};

function authenticationProperty(
	tokenValue: string,
	version: IDisplayOptions['show'],
): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: tokenValue,
		description:
			"How the webhook tells Braze's postbacks from anyone else's requests. Braze's postback setting is only a URL, so the secret goes into the URL you paste into Braze.",
		options: [
			{ name: 'Secret Token in URL', value: tokenValue, description: TOKEN_DESCRIPTION },
			{
				name: 'Basic Auth in URL',
				value: AUTHENTICATION.basicAuth,
				description: BASIC_AUTH_DESCRIPTION,
			},
			NONE_OPTION,
		],
		displayOptions: { show: version },
	};
}

// n8n's notices keep only <a>, <ul> and <li> (its editor sanitizes the rest away).
const WHERE_IN_BRAZE =
	'The URL to paste into Braze (Settings › Email Preferences › Transactional Event Status Postback):';
const COPY_PRODUCTION_URL =
	'<li>open Webhook URLs above, choose Production URL and click the URL to copy it;</li>';
const SECRET_STAYS_HIDDEN =
	"n8n never shows a saved Secret again, not even to you, and nobody who can't open the credential sees it. Lost it? Save a new Secret in the credential and change the URL in Braze.";

export const authenticationProperties: INodeProperties[] = [
	// Version 1: both ways use the brazePostbackApi credential (User Name and Secret).
	authenticationProperty(AUTHENTICATION.tokenV1, ONLY_VERSION_1),
	// Version 2: the token has its own credential, whose form asks only for the Secret.
	authenticationProperty(AUTHENTICATION.token, FROM_VERSION_2),
	{
		displayName: `${WHERE_IN_BRAZE}<ul>${COPY_PRODUCTION_URL}<li>add ?${TOKEN_PARAMETER}= and the credential's Secret at its end: https://your-n8n/webhook/…/braze-postback?${TOKEN_PARAMETER}=YOUR_SECRET</li></ul>${SECRET_STAYS_HIDDEN}`,
		name: 'urlTokenNotice',
		type: 'notice',
		default: '',
		description: 'Where the URL with its secret token goes in Braze',
		displayOptions: {
			show: { authentication: [AUTHENTICATION.tokenV1, AUTHENTICATION.token] },
		},
	},
	{
		displayName: `${WHERE_IN_BRAZE}<ul>${COPY_PRODUCTION_URL}<li>put the credential's User Name and Secret before its host: https://USER:SECRET@your-n8n/webhook/…/braze-postback</li></ul>${SECRET_STAYS_HIDDEN}`,
		name: 'basicAuthNotice',
		type: 'notice',
		default: '',
		description: 'Where the URL with its user name and secret goes in Braze',
		displayOptions: { show: { authentication: [AUTHENTICATION.basicAuth] } },
	},
	{
		displayName:
			'Without authentication anyone who finds this URL can start the workflow with made-up events. Choose a secret unless another layer checks one.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		description: 'Why a webhook without a secret is unsafe',
		displayOptions: { show: { authentication: [AUTHENTICATION.none] } },
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
