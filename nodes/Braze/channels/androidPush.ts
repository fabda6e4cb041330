import { additionalJsonOption, messageVariationIdOption } from '../shared/channelOptions';
import { showForChannel } from '../shared/displayOptions';
import { keyValueField } from '../shared/keyValueField';
import { pushButtonsField } from '../shared/pushButtons';
import { invalidInput } from '../shared/validationError';
import type { BrazeChannel } from './types';

const KEY = 'android_push';

export const androidPushChannel: BrazeChannel = {
	key: KEY,
	name: 'Android Push',
	description: 'A push notification to Android devices through FCM (messages.android_push)',
	properties: [
		{
			displayName: 'Android Push: Title',
			name: 'androidPushTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'The title shown in the notification drawer',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: `messages.${KEY}.title` } },
		},
		{
			displayName: 'Android Push: Alert',
			name: 'androidPushAlert',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			description: 'The notification text',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: `messages.${KEY}.alert` } },
		},
		{
			displayName: 'Android Push Options',
			name: 'androidPushOptions',
			type: 'collection',
			placeholder: 'Add Android Push Option',
			default: {},
			description: 'Optional Android push fields: channel, priority, buttons, icons and more',
			displayOptions: showForChannel(KEY),
			options: [
				{
					displayName: 'Accent Color',
					name: 'accentColor',
					type: 'number',
					default: 0,
					description: 'The accent colour as an RGB integer (for example 16711680 for red)',
					routing: { send: { type: 'body', property: `messages.${KEY}.accent_color` } },
				},
				additionalJsonOption(KEY, 'Android Push', 'androidPushOptions'),
				{
					displayName: 'Android Priority (FCM)',
					name: 'androidPriority',
					type: 'options',
					default: 'high',
					description: "FCM's delivery priority; empty uses the workspace's push settings",
					options: [
						{ name: 'High', value: 'high' },
						{ name: 'Normal', value: 'normal' },
					],
					routing: { send: { type: 'body', property: `messages.${KEY}.android_priority` } },
				},
				pushButtonsField({
					channelName: 'Android Push',
					parameterPath: 'androidPushOptions.buttons',
					bodyPath: `messages.${KEY}.buttons`,
					actions: ['OPEN_APP', 'URI', 'DEEP_LINK', 'CLOSE'],
					labelKey: 'text',
					withWebview: true,
				}),
				{
					displayName: 'Collapse Key',
					name: 'collapseKey',
					type: 'string',
					default: '',
					description:
						'Notifications with the same key replace each other (FCM keeps at most 4 keys per device)',
					routing: { send: { type: 'body', property: `messages.${KEY}.collapse_key` } },
				},
				{
					displayName: 'Custom URI',
					name: 'customUri',
					type: 'string',
					default: '',
					description: 'A web URL or deep link opened when the notification is tapped',
					routing: { send: { type: 'body', property: `messages.${KEY}.custom_uri` } },
				},
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'androidPushOptions.extra',
					bodyPath: `messages.${KEY}.extra`,
					description:
						'Key/value data delivered with the push (appboy_image_url shows a big picture)',
				}),
				messageVariationIdOption(KEY),
				{
					displayName: 'Notification Channel ID',
					name: 'notificationChannelId',
					type: 'string',
					default: '',
					description:
						"The app's notification channel; empty uses the dashboard's fallback channel",
					routing: { send: { type: 'body', property: `messages.${KEY}.notification_channel_id` } },
				},
				{
					displayName: 'Notification ID',
					name: 'notificationId',
					type: 'number',
					default: 0,
					description: 'Notifications with the same ID replace each other',
					routing: { send: { type: 'body', property: `messages.${KEY}.notification_id` } },
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'number',
					typeOptions: { minValue: -2, maxValue: 2 },
					default: 0,
					description: 'Display priority from -2 (minimum) to 2 (maximum); 0 is the default',
					routing: { send: { type: 'body', property: `messages.${KEY}.priority` } },
				},
				{
					displayName: 'Push Icon Image URL',
					name: 'pushIconImageUrl',
					type: 'string',
					default: '',
					description: 'A large icon image (square, at least 40×40 px)',
					routing: { send: { type: 'body', property: `messages.${KEY}.push_icon_image_url` } },
				},
				{
					displayName: 'Send to Most Recent Device Only',
					name: 'sendToMostRecentDeviceOnly',
					type: 'boolean',
					default: false,
					description: "Whether to send only to the user's most recently used Android device",
					routing: {
						send: { type: 'body', property: `messages.${KEY}.send_to_most_recent_device_only` },
					},
				},
				{
					displayName: 'Sound',
					name: 'sound',
					type: 'string',
					default: '',
					description: 'A sound resource in the app, or "default" for the standard sound',
					routing: { send: { type: 'body', property: `messages.${KEY}.sound` } },
				},
				{
					displayName: 'Summary Text',
					name: 'summaryText',
					type: 'string',
					default: '',
					description: 'A line of summary text shown in the expanded notification',
					routing: { send: { type: 'body', property: `messages.${KEY}.summary_text` } },
				},
				{
					displayName: 'Time to Live',
					name: 'timeToLive',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 2419200 },
					default: 2419200,
					description: 'Seconds FCM keeps trying to deliver (at most 2,419,200 = 28 days)',
					routing: { send: { type: 'body', property: `messages.${KEY}.time_to_live` } },
				},
				{
					displayName: 'Use Webview',
					name: 'useWebview',
					type: 'boolean',
					default: false,
					description: 'Whether a web Custom URI opens inside the app rather than in the browser',
					routing: { send: { type: 'body', property: `messages.${KEY}.use_webview` } },
				},
			],
		},
	],
	validate(context, message) {
		const ttl = message.time_to_live;
		if (typeof ttl === 'number' && (ttl < 0 || ttl > 2419200)) {
			throw invalidInput(
				context,
				`Android Push › Time to Live is ${ttl}; Braze accepts 0 to 2,419,200 seconds`,
				'Enter at most 2419200 (28 days).',
			);
		}
	},
};
