import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { customUriOption, mostRecentDeviceOnlyOption } from '../helpers/form/pushOptions';
import { pushButtonsField } from '../helpers/form/pushButtons';
import type { BrazeChannel } from './types';

const KEY = 'web_push';

export const webPushChannel: BrazeChannel = {
	key: KEY,
	name: 'Web Push',
	description: 'A browser push notification (messages.web_push)',
	properties: [
		{
			displayName: 'Web Push: Title',
			name: 'webPushTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'The notification title',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.web_push.title' } },
		},
		{
			displayName: 'Web Push: Alert',
			name: 'webPushAlert',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			description: 'The notification text',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.web_push.alert' } },
		},
		{
			displayName: 'Web Push Options',
			name: 'webPushOptions',
			type: 'collection',
			placeholder: 'Add Web Push Option',
			default: {},
			description: 'Optional web push fields: images, buttons, time to live and more',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.web_push', 'Web Push', 'webPushOptions'),
				pushButtonsField({
					channelName: 'Web Push',
					parameterPath: 'webPushOptions.buttons',
					bodyPath: 'messages.web_push.buttons',
					actions: ['OPEN_APP', 'URI', 'CLOSE'],
					labelKey: 'text',
					withWebview: false,
				}),
				customUriOption('messages.web_push.custom_uri', 'The web URL'),
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'webPushOptions.extra',
					bodyPath: 'messages.web_push.extra',
					description: 'Key/value data delivered with the push',
				}),
				{
					displayName: 'Image URL',
					name: 'imageUrl',
					type: 'string',
					default: '',
					description: 'An icon image (square)',
					routing: { send: { type: 'body', property: 'messages.web_push.image_url' } },
				},
				{
					displayName: 'Large Image URL',
					name: 'largeImageUrl',
					type: 'string',
					default: '',
					description: 'A large image (Chrome on Windows and Android)',
					routing: { send: { type: 'body', property: 'messages.web_push.large_image_url' } },
				},
				messageVariationIdOption('messages.web_push.message_variation_id'),
				{
					displayName: 'Require Interaction',
					name: 'requireInteraction',
					type: 'boolean',
					default: false,
					description:
						'Whether the notification stays until the user dismisses it (browser support varies)',
					routing: { send: { type: 'body', property: 'messages.web_push.require_interaction' } },
				},
				mostRecentDeviceOnlyOption('messages.web_push.send_to_most_recent_device_only', 'browser'),
				{
					displayName: 'Time to Live',
					name: 'timeToLive',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 86400,
					description: 'Seconds the push service keeps trying to deliver',
					routing: { send: { type: 'body', property: 'messages.web_push.time_to_live' } },
				},
			],
		},
	],
};
