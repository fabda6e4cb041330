import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { setPath } from '../helpers/values/object';
import { bodyOf } from '../helpers/body/requestBody';
import { invalidInput } from '../helpers/validation/invalidInput';
import { appIdField } from './appId';
import type { BrazeChannel } from './types';

const KEY = 'sms';

async function sendSmsMediaItems(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = String(this.getNodeParameter('smsOptions.mediaItems', '') ?? '');
	const urls = raw
		.split(/[,\n\r]+/)
		.map((url) => url.trim())
		.filter((url) => url !== '');
	if (urls.length) setPath(bodyOf(requestOptions), 'messages.sms.media_items', urls);
	return requestOptions;
}

export const smsChannel: BrazeChannel = {
	key: KEY,
	name: 'SMS',
	description: 'An SMS or MMS through a Braze subscription group (messages.sms)',
	properties: [
		appIdField('SMS', 'smsAppId', KEY),
		{
			displayName: 'SMS: Subscription Group ID',
			name: 'smsSubscriptionGroupId',
			type: 'string',
			required: true,
			default: '',
			description:
				'The SMS subscription group whose numbers send the message, by ID only: Braze has no API that lists subscription groups, so copy it from the Subscription Groups page in Braze',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.sms.subscription_group_id' } },
		},
		{
			displayName: 'SMS: Body',
			name: 'smsBody',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The message text; Liquid is allowed',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.sms.body' } },
		},
		{
			displayName: 'SMS Options',
			name: 'smsOptions',
			type: 'collection',
			placeholder: 'Add SMS Option',
			default: {},
			description: 'Optional SMS fields: MMS media, link shortening and click tracking',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.sms', 'SMS', 'smsOptions'),
				{
					displayName: 'Link Shortening Enabled',
					name: 'linkShorteningEnabled',
					type: 'boolean',
					default: false,
					description: 'Whether links are shortened, with campaign-level click tracking',
					routing: { send: { type: 'body', property: 'messages.sms.link_shortening_enabled' } },
				},
				{
					displayName: 'Media Items (MMS)',
					name: 'mediaItems',
					type: 'string',
					default: '',
					description:
						'Image URLs to send as an MMS, separated by commas (one PNG, JPEG or GIF; 1 MB in all with the text)',
					routing: { send: { preSend: [sendSmsMediaItems] } },
				},
				messageVariationIdOption('messages.sms.message_variation_id'),
				{
					displayName: 'User Click Tracking Enabled',
					name: 'userClickTrackingEnabled',
					type: 'boolean',
					default: false,
					description:
						'Whether shortened links also track clicks per user. Needs Link Shortening Enabled on: Braze tracks clicks only on shortened links.',
					routing: {
						send: { type: 'body', property: 'messages.sms.user_click_tracking_enabled' },
					},
				},
			],
		},
	],
	validate(context, message) {
		// https://www.braze.com/docs/api/objects_filters/messaging/sms_object: user click tracking
		// works on shortened links only, so it needs link_shortening_enabled.
		if (message.user_click_tracking_enabled === true && message.link_shortening_enabled !== true) {
			throw invalidInput(
				context,
				'SMS Options › User Click Tracking Enabled needs Link Shortening Enabled',
				'Turn on SMS Options › Link Shortening Enabled (Braze tracks clicks only on shortened links), or turn off User Click Tracking Enabled.',
			);
		}
	},
};
