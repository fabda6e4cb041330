import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { invalidInput } from '../helpers/validation/invalidInput';
import type { BrazeChannel } from './types';

const KEY = 'webhook';

/** Liquid ({{ … }} or {% … %}) is filled in by Braze per user, so such a URL is checked by Braze. */
const LIQUID = /\{\{|\{%/;

/** An absolute http(s) URL without spaces, as Braze must call it. */
function isWebUrl(text: string): boolean {
	if (/\s/.test(text)) return false;
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export const webhookChannel: BrazeChannel = {
	key: KEY,
	name: 'Webhook',
	description: 'An HTTP request that Braze sends for each user (messages.webhook)',
	properties: [
		{
			displayName: 'Webhook: URL',
			name: 'webhookUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/hook',
			description: 'The URL Braze calls; Liquid is allowed',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.webhook.url' } },
		},
		{
			displayName: 'Webhook: Request Method',
			name: 'webhookRequestMethod',
			type: 'options',
			default: 'POST',
			description: 'The HTTP method of the webhook request',
			options: ['DELETE', 'GET', 'POST', 'PUT'].map((value) => ({
				name: value,
				value,
				description: `Braze sends an HTTP ${value} request`,
			})),
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.webhook.request_method' } },
		},
		{
			displayName: 'Webhook: Body',
			name: 'webhookBody',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description:
				'The request body as text (JSON is sent as written); set a Content-Type header to match',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.webhook.body' } },
		},
		{
			displayName: 'Webhook Options',
			name: 'webhookOptions',
			type: 'collection',
			placeholder: 'Add Webhook Option',
			default: {},
			description: 'Optional webhook fields: request headers and campaign tracking',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.webhook', 'Webhook', 'webhookOptions'),
				messageVariationIdOption('messages.webhook.message_variation_id'),
				keyValueField({
					displayName: 'Request Headers',
					name: 'requestHeaders',
					parameterPath: 'webhookOptions.requestHeaders',
					bodyPath: 'messages.webhook.request_headers',
					keyLabel: 'Header Name',
					description: 'Headers of the webhook request; Braze recommends an explicit Content-Type',
				}),
			],
		},
	],
	validate(context, message) {
		if (typeof message.url !== 'string') return;
		const url = message.url.trim();
		message.url = url;
		if (LIQUID.test(url) || isWebUrl(url)) return;
		throw invalidInput(
			context,
			`Webhook: URL is not a web address: "${url.length > 60 ? `${url.slice(0, 57)}...` : url}"`,
			'Give the full address Braze should call, starting with https:// (for example https://example.com/hook), without spaces.',
		);
	},
};
