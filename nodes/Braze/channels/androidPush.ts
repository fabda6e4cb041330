import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { setPath } from '../helpers/values/object';
import { byteLength } from '../helpers/values/bytes';
import {
	collapseKeyOption,
	customUriOption,
	displayPriorityOption,
	mostRecentDeviceOnlyOption,
	soundOption,
	useWebviewOption,
} from '../helpers/form/pushOptions';
import { pushButtonsField } from '../helpers/form/pushButtons';
import { bodyOf } from '../helpers/body/requestBody';
import { invalidInput } from '../helpers/validation/invalidInput';
import type { BrazeChannel } from './types';
import { collectionParameter, entriesOf } from '../helpers/form/parameters';

const KEY = 'android_push';
/**
 * Braze refuses an alert plus extra data over 4,000 bytes
 * (https://www.braze.com/docs/api/objects_filters/messaging/android_object).
 */
const MAX_ANDROID_PAYLOAD_BYTES = 4000;

/** `conversation_data` (same page): who takes part, and the messages shown, oldest first. */
type ConversationData = {
	shortcut_id: string;
	reply_person_id: string;
	/** `timestamp` in seconds since the epoch. */
	messages: Array<{ text: string; timestamp: number; person_id: string }>;
	persons: Array<{ id: string; name: string }>;
};

/**
 * Conversation push (same page): all four parts together, built from the Conversation
 * options. It runs for the whole options collection, so a part set alone is caught rather
 * than ignored.
 */
async function sendConversationData(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const options = collectionParameter(this, 'androidPushOptions');
	const messages = entriesOf(options.conversationMessages, 'message');
	const persons = entriesOf(options.conversationPersons, 'person');
	const shortcutId = String(options.conversationShortcutId ?? '').trim();
	const replyPersonId = String(options.conversationReplyPersonId ?? '').trim();
	if (!messages.length && !persons.length && !shortcutId && !replyPersonId) return requestOptions;
	if (!messages.length || !persons.length || !shortcutId || !replyPersonId) {
		throw invalidInput(
			this,
			'Android Push › a conversation push needs all of its parts',
			'Set Conversation Shortcut ID, Conversation Reply Person ID, at least one Conversation Persons entry and at least one Conversation Messages entry.',
		);
	}
	const conversation: ConversationData = {
		shortcut_id: shortcutId,
		reply_person_id: replyPersonId,
		messages: messages.map((entry, index) => {
			const timestamp = Date.parse(String(entry.timestamp ?? ''));
			if (!entry.text || !entry.personId || Number.isNaN(timestamp)) {
				throw invalidInput(
					this,
					`Android Push › Conversation message ${index + 1} needs a Text, a valid Timestamp and a Person ID`,
					'Fill in all three fields of every conversation message.',
				);
			}
			return {
				text: String(entry.text),
				timestamp: Math.floor(timestamp / 1000),
				person_id: String(entry.personId),
			};
		}),
		persons: persons.map((entry, index) => {
			if (!entry.id || !entry.name) {
				throw invalidInput(
					this,
					`Android Push › Conversation person ${index + 1} needs an ID and a Name`,
					'Fill in both fields of every conversation person.',
				);
			}
			return { id: String(entry.id), name: String(entry.name) };
		}),
	};
	setPath(bodyOf(requestOptions), 'messages.android_push.conversation_data', conversation);
	return requestOptions;
}

export const androidPushChannel: BrazeChannel = {
	key: KEY,
	name: 'Android Push',
	description: 'A push notification to Android devices through FCM (messages.android_push)',
	properties: [
		{
			displayName: 'Android Push: Title',
			name: 'androidPushTitle',
			type: 'string',
			default: '',
			description:
				'The title shown in the notification drawer. Required, except for a silent push (Android Push Options › Send to Sync), which must have none.',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.android_push.title' } },
		},
		{
			displayName: 'Android Push: Alert',
			name: 'androidPushAlert',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description:
				'The notification text. Required, except for a silent push (Android Push Options › Send to Sync), which must have none.',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.android_push.alert' } },
		},
		{
			displayName: 'Android Push Options',
			name: 'androidPushOptions',
			type: 'collection',
			placeholder: 'Add Android Push Option',
			default: {},
			routing: { send: { preSend: [sendConversationData] } },
			description: 'Optional Android push fields: channel, priority, buttons, icons and more',
			displayOptions: showForChannel(KEY),
			options: [
				{
					displayName: 'Accent Color',
					name: 'accentColor',
					type: 'number',
					default: 0,
					description: 'The accent colour as an RGB integer (for example 16711680 for red)',
					routing: { send: { type: 'body', property: 'messages.android_push.accent_color' } },
				},
				additionalJsonOption('messages.android_push', 'Android Push', 'androidPushOptions'),
				{
					displayName: 'Android Priority (FCM)',
					name: 'androidPriority',
					type: 'options',
					default: 'high',
					description: "FCM's delivery priority; empty uses the workspace's push settings",
					options: [
						{ name: 'High', value: 'high', description: 'Delivered at once, may wake the device' },
						{ name: 'Normal', value: 'normal', description: 'Delivered when the device allows' },
					],
					routing: { send: { type: 'body', property: 'messages.android_push.android_priority' } },
				},
				pushButtonsField({
					channelName: 'Android Push',
					parameterPath: 'androidPushOptions.buttons',
					bodyPath: 'messages.android_push.buttons',
					actions: ['OPEN_APP', 'URI', 'DEEP_LINK', 'CLOSE'],
					labelKey: 'text',
					withWebview: true,
				}),
				collapseKeyOption('messages.android_push.collapse_key'),
				{
					displayName: 'Conversation Messages',
					name: 'conversationMessages',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Message',
					default: {},
					description:
						'The messages of a conversation push (Android SDK 15+), oldest first; set the other Conversation fields too',
					options: [
						{
							displayName: 'Message',
							name: 'message',
							values: [
								{
									displayName: 'Text',
									name: 'text',
									type: 'string',
									default: '',
									description: 'The message text',
								},
								{
									displayName: 'Timestamp',
									name: 'timestamp',
									type: 'dateTime',
									default: '',
									description: 'When the message was sent',
								},
								{
									displayName: 'Person ID',
									name: 'personId',
									type: 'string',
									default: '',
									description: 'The ID of the Conversation Persons entry who wrote it',
								},
							],
						},
					],
				},
				{
					displayName: 'Conversation Persons',
					name: 'conversationPersons',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Person',
					default: {},
					description: 'The people taking part in a conversation push',
					options: [
						{
							displayName: 'Person',
							name: 'person',
							values: [
								{
									displayName: 'ID',
									name: 'id',
									type: 'string',
									default: '',
									description: 'An ID you choose for this person',
								},
								{
									displayName: 'Name',
									name: 'name',
									type: 'string',
									default: '',
									description: 'The name shown for this person',
								},
							],
						},
					],
				},
				{
					displayName: 'Conversation Reply Person ID',
					name: 'conversationReplyPersonId',
					type: 'string',
					default: '',
					description: 'The person (from Conversation Persons) who replies: usually the user',
				},
				{
					displayName: 'Conversation Shortcut ID',
					name: 'conversationShortcutId',
					type: 'string',
					default: '',
					description: "The ID of the app's sharing shortcut for this conversation",
				},
				customUriOption('messages.android_push.custom_uri'),
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'androidPushOptions.extra',
					bodyPath: 'messages.android_push.extra',
					description:
						'Key/value data delivered with the push (appboy_image_url shows a big picture)',
				}),
				messageVariationIdOption('messages.android_push.message_variation_id'),
				{
					displayName: 'Notification Channel ID',
					name: 'notificationChannelId',
					type: 'string',
					default: '',
					description:
						"The app's notification channel; empty uses the dashboard's fallback channel",
					routing: {
						send: { type: 'body', property: 'messages.android_push.notification_channel_id' },
					},
				},
				{
					displayName: 'Notification ID',
					name: 'notificationId',
					type: 'number',
					default: 0,
					description: 'Notifications with the same ID replace each other',
					routing: { send: { type: 'body', property: 'messages.android_push.notification_id' } },
				},
				displayPriorityOption('messages.android_push.priority'),
				{
					displayName: 'Push Icon Image URL',
					name: 'pushIconImageUrl',
					type: 'string',
					default: '',
					description: 'A large icon image (square, at least 40×40 px)',
					routing: {
						send: { type: 'body', property: 'messages.android_push.push_icon_image_url' },
					},
				},
				mostRecentDeviceOnlyOption(
					'messages.android_push.send_to_most_recent_device_only',
					'Android device',
				),
				{
					displayName: 'Send to Sync',
					name: 'sendToSync',
					type: 'boolean',
					default: false,
					description:
						'Whether this is a silent data push with no notification shown (then leave Title and Alert empty)',
					routing: { send: { type: 'body', property: 'messages.android_push.send_to_sync' } },
				},
				soundOption('messages.android_push.sound'),
				{
					displayName: 'Summary Text',
					name: 'summaryText',
					type: 'string',
					default: '',
					description: 'A line of summary text shown in the expanded notification',
					routing: { send: { type: 'body', property: 'messages.android_push.summary_text' } },
				},
				{
					displayName: 'Time to Live',
					name: 'timeToLive',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 2419200 },
					default: 2419200,
					description: 'Seconds FCM keeps trying to deliver (at most 2,419,200 = 28 days)',
					routing: { send: { type: 'body', property: 'messages.android_push.time_to_live' } },
				},
				useWebviewOption('messages.android_push.use_webview', false),
			],
		},
	],
	validate(context, message) {
		if (message.send_to_sync === true) {
			if (message.alert !== undefined || message.title !== undefined) {
				throw invalidInput(
					context,
					'Android Push: a Send to Sync push cannot have a Title or an Alert',
					'Clear "Android Push: Title" and "Android Push: Alert", or turn off Android Push Options › Send to Sync.',
				);
			}
		} else {
			for (const [key, label] of [
				['title', 'Android Push: Title'],
				['alert', 'Android Push: Alert'],
			]) {
				if (message[key] === undefined) {
					throw invalidInput(context, `${label} is required`, `Fill in "${label}".`);
				}
			}
		}
		const bytes = byteLength(message.alert) + byteLength(message.extra);
		if (bytes > MAX_ANDROID_PAYLOAD_BYTES) {
			throw invalidInput(
				context,
				`Android Push is ${bytes} bytes; Braze accepts at most ${MAX_ANDROID_PAYLOAD_BYTES} bytes of alert and extra data`,
				'Shorten "Android Push: Alert" or the Extra data.',
			);
		}
	},
};
