import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { getPath, isPlainObject, setPath } from '../helpers/values/object';
import {
	customUriOption,
	mostRecentDeviceOnlyOption,
	soundOption,
	useWebviewOption,
} from '../helpers/form/pushOptions';
import { pushButtonsField } from '../helpers/form/pushButtons';
import { byteLength } from '../helpers/values/bytes';
import { bodyOf } from '../helpers/body/requestBody';
import { invalidInput } from '../helpers/validation/invalidInput';
import type { BrazeChannel } from './types';
import { collectionParameter } from '../helpers/form/parameters';

const KEY = 'apple_push';
/**
 * Braze refuses an Apple payload (alert, extra and the other fields) over 1,912 bytes
 * (https://www.braze.com/docs/api/objects_filters/messaging/apple_object).
 */
const MAX_APPLE_PAYLOAD_BYTES = 1912;

/** A plain alert is a string; a title (or localisation) turns it into Apple's alert object. */
async function sendAppleAlert(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = String(this.getNodeParameter('applePushAlert', '') ?? '');
	const title = String(this.getNodeParameter('applePushTitle', '') ?? '');
	const options = collectionParameter(this, 'applePushOptions');
	const alert: IDataObject = {};
	if (body) alert.body = body;
	if (title) alert.title = title;
	for (const [option, key] of [
		['titleLocKey', 'title_loc_key'],
		['actionLocKey', 'action_loc_key'],
		['locKey', 'loc_key'],
		['alertSound', 'sound'],
	]) {
		if (options[option]) alert[key] = String(options[option]);
	}
	for (const [option, key] of [
		['titleLocArgs', 'title_loc_args'],
		['locArgs', 'loc_args'],
	]) {
		if (options[option]) {
			alert[key] = String(options[option])
				.split(',')
				.map((argument) => argument.trim())
				.filter((argument) => argument !== '');
		}
	}
	const keys = Object.keys(alert);
	if (keys.length === 0) return requestOptions;
	setPath(
		bodyOf(requestOptions),
		'messages.apple_push.alert',
		keys.length === 1 && alert.body ? body : alert,
	);
	return requestOptions;
}

/**
 * Apple reserves these keys of the push payload; Braze rejects them in `extra`
 * (https://www.braze.com/docs/api/objects_filters/messaging/apple_object).
 */
const RESERVED_EXTRA_KEYS = ['ab', 'aps'];

function assertNoReservedExtraKeys(
	context: IExecuteSingleFunctions,
	channelName: string,
	extra: unknown,
): void {
	if (extra === null || typeof extra !== 'object') return;
	const reserved = Object.keys(extra).filter((key) => RESERVED_EXTRA_KEYS.includes(key));
	if (reserved.length) {
		throw invalidInput(
			context,
			`${channelName} › Extra cannot use the key "${reserved[0]}"`,
			`The keys ${RESERVED_EXTRA_KEYS.join(' and ')} are reserved for the push payload itself; rename the Extra entry.`,
		);
	}
}

const OPENS = ['OPEN_APP', 'URI', 'DEEP_LINK'];
/**
 * Braze's default iOS categories: their buttons, and what each may do. A button of the app's
 * own category must open a URI or a deep link, and name it
 * (https://www.braze.com/docs/api/objects_filters/messaging/apple_object).
 */
const DEFAULT_CATEGORIES: Record<string, Record<string, string[]>> = {
	ab_cat_accept_decline: { ab_pb_accept: OPENS, ab_pb_decline: ['CLOSE'] },
	ab_cat_yes_no: { ab_pb_yes: OPENS, ab_pb_no: ['CLOSE'] },
	ab_cat_confirm_cancel: { ab_pb_confirm: OPENS, ab_pb_cancel: ['CLOSE'] },
	ab_cat_more: { ab_pb_more: OPENS },
};
const ACTION_NAMES: Record<string, string> = {
	OPEN_APP: 'Open App',
	URI: 'Open URI',
	DEEP_LINK: 'Deep Link',
	CLOSE: 'Close',
};

function assertButtonsFitCategory(context: IExecuteSingleFunctions, message: IDataObject): void {
	if (!Array.isArray(message.buttons) || typeof message.category !== 'string') return;
	const category = message.category;
	const defaults = Object.hasOwn(DEFAULT_CATEGORIES, category)
		? DEFAULT_CATEGORIES[category]
		: undefined;
	message.buttons.forEach((entry: unknown, index) => {
		const button = isPlainObject(entry) ? entry : {};
		const label = `Apple Push › Button ${index + 1}`;
		const action = typeof button.action === 'string' ? button.action : undefined;
		if (!defaults) {
			if ((action !== 'URI' && action !== 'DEEP_LINK') || !button.uri) {
				throw invalidInput(
					context,
					`${label} must open a URI or a deep link: "${category}" is your app's own category`,
					"Braze takes only Open URI or Deep Link, with a URI, for the buttons of an app's own category. Set the button's Action and URI, or use one of Braze's categories (ab_cat_accept_decline, ab_cat_yes_no, ab_cat_confirm_cancel, ab_cat_more).",
				);
			}
			return;
		}
		const actionId = String(button.action_id ?? '');
		if (!Object.hasOwn(defaults, actionId)) {
			throw invalidInput(
				context,
				`${label}: Action ID "${actionId}" is not a button of ${category}`,
				`Use ${Object.keys(defaults).join(' or ')}, the buttons of ${category}.`,
			);
		}
		const allowed = defaults[actionId];
		if (action !== undefined && !allowed.includes(action)) {
			throw invalidInput(
				context,
				`${label} (${actionId}) cannot ${ACTION_NAMES[action] ?? action}`,
				`Braze lets ${actionId} only ${allowed.map((name) => ACTION_NAMES[name]).join(', ')}: set the button's Action to ${allowed.length > 1 ? 'one of those' : 'that'}.`,
			);
		}
	});
}

export const applePushChannel: BrazeChannel = {
	key: KEY,
	name: 'Apple Push (iOS)',
	description: 'A push notification to iOS devices (messages.apple_push)',
	properties: [
		{
			displayName: 'Apple Push: Alert',
			name: 'applePushAlert',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description:
				'The notification text. Required unless Apple Push Options › Content Available (silent push) is on.',
			displayOptions: showForChannel(KEY),
			routing: { send: { preSend: [sendAppleAlert] } },
		},
		{
			displayName: 'Apple Push: Title',
			name: 'applePushTitle',
			type: 'string',
			default: '',
			description: 'A title shown above the text (optional)',
			displayOptions: showForChannel(KEY),
		},
		{
			displayName: 'Apple Push Options',
			name: 'applePushOptions',
			type: 'collection',
			placeholder: 'Add Apple Push Option',
			default: {},
			description:
				'Optional Apple push fields: badge, sound, buttons, rich media, priority and more',
			displayOptions: showForChannel(KEY),
			options: [
				{
					displayName: 'Action Loc Key',
					name: 'actionLocKey',
					type: 'string',
					default: '',
					description: 'A localisation key for the action button of the alert',
				},
				additionalJsonOption('messages.apple_push', 'Apple Push', 'applePushOptions'),
				{
					displayName: 'Alert Sound (Live Activities)',
					name: 'alertSound',
					type: 'string',
					default: '',
					description:
						'For Live Activity updates: the sound, sent inside the alert object (use Sound for ordinary pushes)',
				},
				{
					displayName: 'APNs Priority',
					name: 'apnsPriority',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 10 },
					default: 10,
					description: '10 = immediately, 5 = when power allows, 1 = minimal power and no wake',
					routing: { send: { type: 'body', property: 'messages.apple_push.apns_priority' } },
				},
				{
					displayName: 'Asset File Type',
					name: 'assetFileType',
					type: 'options',
					default: 'png',
					description: 'The type of the rich media at Asset URL (required with it)',
					options: ['aif', 'gif', 'jpg', 'm4a', 'mp3', 'mp4', 'png', 'wav'].map((value) => ({
						name: value.toUpperCase(),
						value,
						description: `The asset is a .${value} file`,
					})),
					routing: { send: { type: 'body', property: 'messages.apple_push.asset_file_type' } },
				},
				{
					displayName: 'Asset URL',
					name: 'assetUrl',
					type: 'string',
					default: '',
					description:
						'Rich media (image, GIF, audio, video) shown in the notification; set Asset File Type too',
					routing: { send: { type: 'body', property: 'messages.apple_push.asset_url' } },
				},
				{
					displayName: 'Badge',
					name: 'badge',
					type: 'number',
					// Apple's badge is a count: a whole number, 0 or more (0 clears the badge).
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'The number the app icon shows after this message: a whole number, 0 or more (0 clears the badge)',
					routing: { send: { type: 'body', property: 'messages.apple_push.badge' } },
				},
				pushButtonsField({
					channelName: 'Apple Push',
					parameterPath: 'applePushOptions.buttons',
					bodyPath: 'messages.apple_push.buttons',
					actions: ['OPEN_APP', 'URI', 'DEEP_LINK', 'CLOSE'],
					labelKey: 'action_id',
					withWebview: true,
				}),
				{
					displayName: 'Category',
					name: 'category',
					type: 'string',
					default: '',
					description:
						'The notification category that defines the buttons, e.g. ab_cat_accept_decline',
					routing: { send: { type: 'body', property: 'messages.apple_push.category' } },
				},
				{
					displayName: 'Collapse ID',
					name: 'collapseId',
					type: 'string',
					default: '',
					description: 'Send again with the same ID to replace a notification already delivered',
					routing: { send: { type: 'body', property: 'messages.apple_push.collapse_id' } },
				},
				{
					displayName: 'Content Available',
					name: 'contentAvailable',
					type: 'boolean',
					default: false,
					description: 'Whether this is a silent background push (then no alert is needed)',
					routing: { send: { type: 'body', property: 'messages.apple_push.content-available' } },
				},
				customUriOption('messages.apple_push.custom_uri'),
				{
					displayName: 'Expiry',
					name: 'expiry',
					type: 'dateTime',
					default: '',
					description: 'When the push expires if it has not been delivered',
					routing: { send: { type: 'body', property: 'messages.apple_push.expiry' } },
				},
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'applePushOptions.extra',
					bodyPath: 'messages.apple_push.extra',
					description: 'Key/value data delivered with the push (the keys ab and aps are reserved)',
				}),
				{
					displayName: 'Interruption Level',
					name: 'interruptionLevel',
					type: 'options',
					default: 'active',
					description: 'How strongly iOS 15+ presents the notification',
					options: [
						{
							name: 'Active',
							value: 'active',
							description: 'Shown and sounds at once (the default)',
						},
						{
							name: 'Critical',
							value: 'critical',
							description: 'Breaks through Do Not Disturb and mute (needs an Apple entitlement)',
						},
						{
							name: 'Passive',
							value: 'passive',
							description: 'Added quietly to the list, no sound',
						},
						{
							name: 'Time Sensitive',
							value: 'time-sensitive',
							description: 'Shown at once, even during a Focus',
						},
					],
					routing: { send: { type: 'body', property: 'messages.apple_push.interruption_level' } },
				},
				{
					displayName: 'Loc Args',
					name: 'locArgs',
					type: 'string',
					default: '',
					description: 'Comma-separated arguments for the Loc Key string',
				},
				{
					displayName: 'Loc Key',
					name: 'locKey',
					type: 'string',
					default: '',
					description: 'A localisation key for the alert text',
				},
				messageVariationIdOption('messages.apple_push.message_variation_id'),
				{
					displayName: 'Mutable Content',
					name: 'mutableContent',
					type: 'boolean',
					default: false,
					description:
						'Whether a notification service extension may modify the push (set automatically for rich media)',
					routing: { send: { type: 'body', property: 'messages.apple_push.mutable_content' } },
				},
				{
					displayName: 'Notification Group Thread ID',
					name: 'notificationGroupThreadId',
					type: 'string',
					default: '',
					description: 'Groups notifications with the same thread ID together',
					routing: {
						send: { type: 'body', property: 'messages.apple_push.notification_group_thread_id' },
					},
				},
				{
					displayName: 'Relevance Score',
					name: 'relevanceScore',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
					default: 0.5,
					description:
						'From 0 to 1: which notification of a group iOS 15+ highlights in the summary',
					routing: { send: { type: 'body', property: 'messages.apple_push.relevance_score' } },
				},
				mostRecentDeviceOnlyOption(
					'messages.apple_push.send_to_most_recent_device_only',
					'iOS device',
				),
				soundOption('messages.apple_push.sound'),
				{
					displayName: 'Title Loc Args',
					name: 'titleLocArgs',
					type: 'string',
					default: '',
					description: 'Comma-separated arguments for the Title Loc Key string',
				},
				{
					displayName: 'Title Loc Key',
					name: 'titleLocKey',
					type: 'string',
					default: '',
					description: 'A localisation key for the title',
				},
				useWebviewOption('messages.apple_push.use_webview', true),
			],
		},
	],
	validate(context, message) {
		assertNoReservedExtraKeys(context, 'Apple Push', message.extra);
		if (message.buttons !== undefined && !message.category) {
			throw invalidInput(
				context,
				'Apple Push › Buttons need a Category',
				'Set Apple Push Options › Category (for example ab_cat_accept_decline) to the category the buttons belong to.',
			);
		}
		assertButtonsFitCategory(context, message);
		const bytes = Object.entries(message)
			.filter(([key]) => key !== 'message_variation_id')
			.reduce((total, [, value]) => total + byteLength(value), 0);
		if (bytes > MAX_APPLE_PAYLOAD_BYTES) {
			throw invalidInput(
				context,
				`Apple Push is ${bytes} bytes; Braze accepts at most ${MAX_APPLE_PAYLOAD_BYTES} bytes of alert, extra data and options`,
				'Shorten "Apple Push: Alert", its title or the Extra data.',
			);
		}
		if (message.alert === undefined && message['content-available'] !== true) {
			throw invalidInput(
				context,
				'Apple Push: Alert is required',
				'Fill in "Apple Push: Alert", or turn on Apple Push Options › Content Available for a silent push.',
			);
		}
		if (getPath(message, 'asset_url') !== undefined && message.asset_file_type === undefined) {
			throw invalidInput(
				context,
				'Apple Push › Asset URL needs an Asset File Type',
				'Add Apple Push Options › Asset File Type (for example PNG or MP4).',
			);
		}
	},
};
