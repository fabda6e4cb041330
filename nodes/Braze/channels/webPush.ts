import { additionalJsonOption, messageVariationIdOption } from '../form/channelOptions';
import { showForChannel } from '../form/displayOptions';
import { keyValueField } from '../form/keyValueField';
import { customUriOption, mostRecentDeviceOnlyOption } from '../form/pushOptions';
import { pushButtonsField } from '../form/pushButtons';
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
			routing: { send: { type: 'body', property: `messages.${KEY}.title` } },
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
			routing: { send: { type: 'body', property: `messages.${KEY}.alert` } },
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
				additionalJsonOption(KEY, 'Web Push', 'webPushOptions'),
				pushButtonsField({
					channelName: 'Web Push',
					parameterPath: 'webPushOptions.buttons',
					bodyPath: `messages.${KEY}.buttons`,
					actions: ['OPEN_APP', 'URI', 'CLOSE'],
					labelKey: 'text',
					withWebview: false,
				}),
				customUriOption(KEY, 'The web URL'),
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'webPushOptions.extra',
					bodyPath: `messages.${KEY}.extra`,
					description: 'Key/value data delivered with the push',
				}),
				{
					displayName: 'Image URL',
					name: 'imageUrl',
					type: 'string',
					default: '',
					description: 'An icon image (square)',
					routing: { send: { type: 'body', property: `messages.${KEY}.image_url` } },
				},
				{
					displayName: 'Large Image URL',
					name: 'largeImageUrl',
					type: 'string',
					default: '',
					description: 'A large image (Chrome on Windows and Android)',
					routing: { send: { type: 'body', property: `messages.${KEY}.large_image_url` } },
				},
				messageVariationIdOption(KEY),
				{
					displayName: 'Require Interaction',
					name: 'requireInteraction',
					type: 'boolean',
					default: false,
					description:
						'Whether the notification stays until the user dismisses it (browser support varies)',
					routing: { send: { type: 'body', property: `messages.${KEY}.require_interaction` } },
				},
				mostRecentDeviceOnlyOption(KEY, 'browser'),
				{
					displayName: 'Time to Live',
					name: 'timeToLive',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 86400,
					description: 'Seconds the push service keeps trying to deliver',
					routing: { send: { type: 'body', property: `messages.${KEY}.time_to_live` } },
				},
			],
		},
	],
};
