import { additionalJsonOption, messageVariationIdOption } from '../helpers/form/channelOptions';
import { showForChannel } from '../helpers/form/displayOptions';
import { keyValueField } from '../helpers/form/keyValueField';
import { invalidInput } from '../helpers/validation/invalidInput';
import type { BrazeChannel } from './types';

const KEY = 'content_card';
const MAX_EXPIRY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** UTC−12, the last zone a local time reaches. */
const LATEST_ZONE_MS = 12 * 60 * 60 * 1000;

export const contentCardChannel: BrazeChannel = {
	key: KEY,
	name: 'Content Card',
	description: 'A card in the in-app Content Card feed (messages.content_card)',
	properties: [
		{
			displayName: 'Content Card: Type',
			name: 'contentCardType',
			type: 'options',
			default: 'CLASSIC',
			description: 'The card layout',
			options: [
				{ name: 'Banner', value: 'BANNER', description: 'An image only' },
				{
					name: 'Captioned Image',
					value: 'CAPTIONED_IMAGE',
					description: 'An image with title and text',
				},
				{
					name: 'Classic',
					value: 'CLASSIC',
					description: 'Title and text, with an optional small image',
				},
			],
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.content_card.type' } },
		},
		{
			displayName: 'Content Card: Title',
			name: 'contentCardTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'The card title (shown on Classic and Captioned Image cards)',
			displayOptions: showForChannel(KEY, { contentCardType: ['CLASSIC', 'CAPTIONED_IMAGE'] }),
			routing: { send: { type: 'body', property: 'messages.content_card.title' } },
		},
		{
			displayName: 'Content Card: Description',
			name: 'contentCardDescription',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			description: 'The card text (shown on Classic and Captioned Image cards)',
			displayOptions: showForChannel(KEY, { contentCardType: ['CLASSIC', 'CAPTIONED_IMAGE'] }),
			routing: { send: { type: 'body', property: 'messages.content_card.description' } },
		},
		{
			displayName: 'Content Card: Image URL',
			name: 'contentCardImageUrl',
			type: 'string',
			default: '',
			description: 'The card image. Required for Captioned Image and Banner cards.',
			displayOptions: showForChannel(KEY),
			routing: { send: { type: 'body', property: 'messages.content_card.image_url' } },
		},
		{
			displayName: 'Content Card: Expires',
			name: 'contentCardExpiry',
			type: 'options',
			default: 'timeToLive',
			description: 'How the card expires; Braze needs one of the two, at most 30 days away',
			options: [
				{
					name: 'After a Duration',
					value: 'timeToLive',
					description: 'Expires a number of seconds after it is sent (time_to_live)',
				},
				{
					name: 'At a Date',
					value: 'expireAt',
					description: 'Expires at a date and time (expire_at)',
				},
			],
			displayOptions: showForChannel(KEY),
		},
		{
			displayName: 'Content Card: Time to Live (Seconds)',
			name: 'contentCardTimeToLive',
			type: 'number',
			required: true,
			typeOptions: { minValue: 1, maxValue: MAX_EXPIRY_DAYS * 86400 },
			default: 604800,
			description: 'Seconds until the card expires (at most 2,592,000 = 30 days)',
			displayOptions: showForChannel(KEY, { contentCardExpiry: ['timeToLive'] }),
			routing: { send: { type: 'body', property: 'messages.content_card.time_to_live' } },
		},
		{
			displayName: 'Content Card: Expire At',
			name: 'contentCardExpireAt',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'When the card expires (at most 30 days from now)',
			displayOptions: showForChannel(KEY, { contentCardExpiry: ['expireAt'] }),
			routing: { send: { type: 'body', property: 'messages.content_card.expire_at' } },
		},
		{
			displayName: 'Content Card Options',
			name: 'contentCardOptions',
			type: 'collection',
			placeholder: 'Add Content Card Option',
			default: {},
			description: 'Optional content card fields: links per platform, pinning, extra data and more',
			displayOptions: showForChannel(KEY),
			options: [
				additionalJsonOption('messages.content_card', 'Content Card', 'contentCardOptions'),
				{
					displayName: 'Android URI',
					name: 'androidUri',
					type: 'string',
					default: '',
					description: 'A web URL or deep link opened on Android',
					routing: { send: { type: 'body', property: 'messages.content_card.android_uri' } },
				},
				{
					displayName: 'Android Use Webview',
					name: 'androidUseWebview',
					type: 'boolean',
					default: true,
					description: 'Whether a web Android URI opens inside the app',
					routing: {
						send: { type: 'body', property: 'messages.content_card.android_use_webview' },
					},
				},
				{
					displayName: 'Expire in Local Time',
					name: 'expireInLocalTime',
					type: 'boolean',
					default: false,
					description: "Whether Expire At is read in each user's local time",
					routing: {
						send: { type: 'body', property: 'messages.content_card.expire_in_local_time' },
					},
				},
				keyValueField({
					displayName: 'Extra',
					name: 'extra',
					parameterPath: 'contentCardOptions.extra',
					bodyPath: 'messages.content_card.extra',
					description: 'Key/value data sent with the card',
				}),
				{
					displayName: 'iOS URI',
					name: 'iosUri',
					type: 'string',
					default: '',
					description: 'A web URL or deep link opened on iOS',
					routing: { send: { type: 'body', property: 'messages.content_card.ios_uri' } },
				},
				{
					displayName: 'iOS Use Webview',
					name: 'iosUseWebview',
					type: 'boolean',
					default: true,
					description: 'Whether a web iOS URI opens inside the app',
					routing: { send: { type: 'body', property: 'messages.content_card.ios_use_webview' } },
				},
				messageVariationIdOption('messages.content_card.message_variation_id'),
				{
					displayName: 'Pinned',
					name: 'pinned',
					type: 'boolean',
					default: false,
					description: 'Whether the card stays at the top of the feed',
					routing: { send: { type: 'body', property: 'messages.content_card.pinned' } },
				},
				{
					displayName: 'URI Text',
					name: 'uriText',
					type: 'string',
					default: '',
					description: "The text of the card's link",
					routing: { send: { type: 'body', property: 'messages.content_card.uri_text' } },
				},
				{
					displayName: 'Web URI',
					name: 'webUri',
					type: 'string',
					default: '',
					description: 'A web URL opened on the web',
					routing: { send: { type: 'body', property: 'messages.content_card.web_uri' } },
				},
			],
		},
	],
	validate(context, message) {
		// A banner is an image only; Braze still wants the two text keys, as empty strings.
		if (message.type === 'BANNER') {
			message.title = message.title ?? '';
			message.description = message.description ?? '';
		}
		if (message.type !== 'CLASSIC' && !message.image_url) {
			throw invalidInput(
				context,
				`Content Card: Image URL is required for a ${String(message.type)} card`,
				'Fill in "Content Card: Image URL", or choose the Classic type.',
			);
		}
		if (message.time_to_live === undefined && message.expire_at === undefined) {
			throw invalidInput(
				context,
				'Content Card needs an expiry',
				'Set "Content Card: Time to Live" or "Content Card: Expire At".',
			);
		}
		if (typeof message.expire_at === 'string') {
			const expiresAt = new Date(message.expire_at).getTime();
			// With Expire in Local Time the date is read in each user's zone: allow the latest one.
			const slack = message.expire_in_local_time === true ? LATEST_ZONE_MS : 0;
			if (expiresAt + slack <= Date.now()) {
				throw invalidInput(
					context,
					`Content Card: Expire At (${message.expire_at}) is in the past`,
					'The card would expire before anyone sees it. Pick a date and time in the next 30 days, or use a Time to Live.',
				);
			}
			if (expiresAt - Date.now() > MAX_EXPIRY_DAYS * DAY_MS) {
				throw invalidInput(
					context,
					`Content Card: Expire At is more than ${MAX_EXPIRY_DAYS} days away`,
					`Braze keeps content cards for at most ${MAX_EXPIRY_DAYS} days; pick an earlier date.`,
				);
			}
		}
		if (message.expire_in_local_time !== undefined && message.expire_at === undefined) {
			throw invalidInput(
				context,
				'Content Card › Expire in Local Time only works with an expiry date',
				'Set "Content Card: Expires" to "At a Date", or remove Expire in Local Time.',
			);
		}
	},
};
