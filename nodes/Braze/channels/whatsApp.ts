import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { additionalJsonOption, messageVariationIdOption } from '../shared/channelOptions';
import { showForChannel } from '../shared/displayOptions';
import { setPath } from '../shared/objectPath';
import { bodyOf } from '../shared/requestBody';
import type { BrazeChannel } from './types';

const KEY = 'whats_app';
const MESSAGE = `messages.${KEY}.message`;

function showForType(messageType: string) {
	return showForChannel(KEY, { whatsAppMessageType: [messageType] });
}

/** Template variables are objects keyed by the zero-based position of each value (§3.8). */
async function sendTemplateBodyVariables(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('whatsAppBodyVariables.variable', []) as IDataObject[];
	if (entries.length) {
		const variables: IDataObject = {};
		entries.forEach((entry, index) => (variables[String(index)] = String(entry.value ?? '')));
		setPath(bodyOf(requestOptions), `${MESSAGE}.body_variables`, variables);
	}
	return requestOptions;
}

export const whatsAppChannel: BrazeChannel = {
	key: KEY,
	name: 'WhatsApp',
	description: 'A WhatsApp message through a Braze subscription group (messages.whats_app)',
	properties: [
		{
			displayName: 'WhatsApp: App ID',
			name: 'whatsAppAppId',
			type: 'string',
			required: true,
			default: '',
			description: 'The API identifier of any app in your workspace',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: `messages.${KEY}.app_id` } },
		},
		{
			displayName: 'WhatsApp: Subscription Group ID',
			name: 'whatsAppSubscriptionGroupId',
			type: 'string',
			required: true,
			default: '',
			description: 'The WhatsApp subscription group that sends the message',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: `messages.${KEY}.subscription_group_id` } },
		},
		{
			displayName: 'WhatsApp: Message Type',
			name: 'whatsAppMessageType',
			type: 'options',
			default: 'template_message',
			description:
				'A template starts a conversation; the response types only reach users who wrote to you in the last 24 hours',
			options: [
				{ name: 'Template', value: 'template_message' },
				{ name: 'Text (Response)', value: 'text_response_message' },
				{ name: 'Text with Image (Response)', value: 'text_image_response_message' },
			],
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: `messages.${KEY}.message_type` } },
		},
		{
			displayName: 'WhatsApp: Template Name',
			name: 'whatsAppTemplateName',
			type: 'string',
			required: true,
			default: '',
			description: 'The name of an approved WhatsApp template',
			displayOptions: showForType('template_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.template_name` } },
		},
		{
			displayName: 'WhatsApp: Template Language Code',
			name: 'whatsAppTemplateLanguageCode',
			type: 'string',
			required: true,
			default: 'en',
			placeholder: 'en_US',
			description: 'The language of the template, e.g. en or en_US',
			displayOptions: showForType('template_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.template_language_code` } },
		},
		{
			displayName: 'WhatsApp: Body Variables',
			name: 'whatsAppBodyVariables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Body Variable',
			default: {},
			description:
				"Values for the template body's variables, in order (the first fills variable 0)",
			displayOptions: showForType('template_message'),
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
				},
			],
			routing: { send: { preSend: [sendTemplateBodyVariables] } },
		},
		{
			displayName: 'WhatsApp: Body',
			name: 'whatsAppBody',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The message text',
			displayOptions: showForType('text_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.body` } },
		},
		{
			displayName: 'WhatsApp: Image URI',
			name: 'whatsAppImageUri',
			type: 'string',
			required: true,
			default: '',
			description: 'The URL of the image to send',
			displayOptions: showForType('text_image_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.image_uri` } },
		},
		{
			displayName: 'WhatsApp: Caption',
			name: 'whatsAppCaption',
			type: 'string',
			default: '',
			description: 'Text shown under the image',
			displayOptions: showForType('text_image_response_message'),
			routing: { send: { type: 'body', property: `${MESSAGE}.caption` } },
		},
		{
			displayName: 'WhatsApp Options',
			name: 'whatsAppOptions',
			type: 'collection',
			placeholder: 'Add WhatsApp Option',
			default: {},
			description: 'Optional WhatsApp fields: link previews and campaign tracking',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption(KEY, 'WhatsApp', 'whatsAppOptions'),
				messageVariationIdOption(KEY),
				{
					displayName: 'Preview URL',
					name: 'previewUrl',
					type: 'boolean',
					default: false,
					description: 'Whether links in a text response show a preview',
					displayOptions: { show: { '/whatsAppMessageType': ['text_response_message'] } },
					routing: { send: { type: 'body', property: `${MESSAGE}.preview_url` } },
				},
			],
		},
	],
};
