import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const toUsers = { resource: 'message', operation: 'send', externalUserIds: 'user-1' };

async function send(parameters: Record<string, unknown>) {
	return await runBrazeNode({
		parameters: { ...toUsers, ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

/** Sends, expects exactly one accepted request, and returns its `messages.<key>` object. */
async function sentMessage(parameters: Record<string, unknown>, key: string): Promise<unknown> {
	const result = await send(parameters);
	expect(result.error?.message).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	const messages = standIn.requests[0].body?.messages as IDataObject;
	expect(Object.keys(messages)).toEqual([key]);
	return messages[key];
}

/** Sends, expects the node to refuse before any request reaches Braze, and returns the error. */
async function refused(parameters: Record<string, unknown>) {
	const result = await send(parameters);
	expect(standIn.requests).toHaveLength(0);
	expect(result.error).toBeDefined();
	return result.error as Error & IDataObject;
}

/** An ISO 8601 date `days` from now, to the second. */
function daysFromNow(days: number): string {
	const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
	date.setUTCMilliseconds(0);
	return date.toISOString();
}

const keyValues = (object: Record<string, string>) => ({
	pair: Object.entries(object).map(([key, value]) => ({ key, value })),
});

describe('Send › email', () => {
	it('sends messages.email with the exact keys and types', async () => {
		const result = await send({
			channels: ['email'],
			emailAppId: 'app-1',
			emailFrom: 'Acme <news@acme.com>',
			emailSubject: 'Hello',
			emailBody: '<p>Hi</p>',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].path).toBe('/messages/send');
		expect(standIn.requests[0].headers.authorization).toBe('Bearer local-dev-key');
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['user-1'],
			broadcast: false,
			messages: {
				email: {
					app_id: 'app-1',
					from: 'Acme <news@acme.com>',
					subject: 'Hello',
					body: '<p>Hi</p>',
				},
			},
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.dispatch_id).toEqual(standIn.requests[0].response.dispatch_id);
	});

	it('sends a template email without subject or body', async () => {
		const email = await sentMessage(
			{
				channels: ['email'],
				emailAppId: 'app-1',
				emailFrom: 'Acme <news@acme.com>',
				emailOptions: { emailTemplateId: 'tpl-1' },
			},
			'email',
		);
		expect(email).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			email_template_id: 'tpl-1',
		});
	});

	it('sends every email option with its Braze key and type', async () => {
		const email = await sentMessage(
			{
				channels: ['email'],
				emailAppId: 'app-1',
				emailFrom: 'Acme <news@acme.com>',
				emailSubject: 'Hello',
				emailBody: '<p>Hi</p>',
				emailOptions: {
					ampBody: '<html amp4email></html>',
					attachments: {
						attachment: [
							{
								fileName: 'invoice',
								url: 'https://files.acme.com/invoice.pdf',
								basicAuthCredential: 'files-cred',
							},
							{ fileName: 'terms', url: 'https://files.acme.com/terms.txt' },
						],
					},
					bcc: 'archive@acme.com',
					emailTemplateId: 'tpl-1',
					extras: keyValues({ order_id: '42', 'x.dotted': 'yes' }),
					headers: keyValues({ 'X-Campaign': 'spring', 'List-Unsubscribe': '<mailto:u@acme.com>' }),
					messageVariationId: 'email-var-1',
					plaintextBody: 'Hi',
					preheader: 'Spring is here',
					replyTo: 'support@acme.com',
					shouldInlineCss: false,
				},
			},
			'email',
		);
		expect(email).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			subject: 'Hello',
			body: '<p>Hi</p>',
			amp_body: '<html amp4email></html>',
			attachments: [
				{
					file_name: 'invoice',
					url: 'https://files.acme.com/invoice.pdf',
					basic_auth_credential: 'files-cred',
				},
				{ file_name: 'terms', url: 'https://files.acme.com/terms.txt' },
			],
			bcc: 'archive@acme.com',
			email_template_id: 'tpl-1',
			extras: { order_id: '42', 'x.dotted': 'yes' },
			headers: { 'X-Campaign': 'spring', 'List-Unsubscribe': '<mailto:u@acme.com>' },
			message_variation_id: 'email-var-1',
			plaintext_body: 'Hi',
			preheader: 'Spring is here',
			reply_to: 'support@acme.com',
			should_inline_css: false,
		});
	});
});

describe('Send › apple_push', () => {
	it('sends a plain alert as a string', async () => {
		const apple = await sentMessage(
			{ channels: ['apple_push'], applePushAlert: 'Hi there' },
			'apple_push',
		);
		expect(apple).toEqual({ alert: 'Hi there' });
	});

	it('sends a silent push (Content Available) without an alert', async () => {
		const apple = await sentMessage(
			{ channels: ['apple_push'], applePushOptions: { contentAvailable: true } },
			'apple_push',
		);
		expect(apple).toEqual({ 'content-available': true });
	});

	it('sends every Apple option, with the alert object carrying title and loc keys/args', async () => {
		const apple = await sentMessage(
			{
				channels: ['apple_push'],
				applePushAlert: 'Your order shipped',
				applePushTitle: 'Good news',
				applePushOptions: {
					actionLocKey: 'ACTION_VIEW',
					apnsPriority: 5,
					assetFileType: 'jpg',
					assetUrl: 'https://cdn.acme.com/box.jpg',
					badge: 3,
					buttons: {
						button: [
							{
								actionId: 'ab_pb_accept',
								action: 'URI',
								uri: 'https://acme.com/track',
								useWebview: false,
							},
							{ actionId: 'ab_pb_decline', action: 'CLOSE' },
						],
					},
					category: 'ab_cat_accept_decline',
					collapseId: 'order-42',
					contentAvailable: true,
					customUri: 'acme://orders/42',
					expiry: '2030-06-01T12:30:00.000Z',
					extra: keyValues({ order_id: '42' }),
					interruptionLevel: 'time-sensitive',
					locArgs: 'Ann, 42',
					locKey: 'ORDER_SHIPPED',
					messageVariationId: 'ios-var-1',
					mutableContent: true,
					notificationGroupThreadId: 'orders',
					relevanceScore: 0.75,
					sendToMostRecentDeviceOnly: true,
					sound: 'default',
					titleLocArgs: 'Ann',
					titleLocKey: 'TITLE_SHIPPED',
					useWebview: false,
				},
			},
			'apple_push',
		);
		expect(apple).toEqual({
			alert: {
				body: 'Your order shipped',
				title: 'Good news',
				title_loc_key: 'TITLE_SHIPPED',
				title_loc_args: ['Ann'],
				action_loc_key: 'ACTION_VIEW',
				loc_key: 'ORDER_SHIPPED',
				loc_args: ['Ann', '42'],
			},
			apns_priority: 5,
			asset_file_type: 'jpg',
			asset_url: 'https://cdn.acme.com/box.jpg',
			badge: 3,
			buttons: [
				{
					action_id: 'ab_pb_accept',
					action: 'URI',
					uri: 'https://acme.com/track',
					use_webview: false,
				},
				{ action_id: 'ab_pb_decline', action: 'CLOSE', use_webview: true },
			],
			category: 'ab_cat_accept_decline',
			collapse_id: 'order-42',
			'content-available': true,
			custom_uri: 'acme://orders/42',
			expiry: '2030-06-01T12:30:00.000Z',
			extra: { order_id: '42' },
			interruption_level: 'time-sensitive',
			message_variation_id: 'ios-var-1',
			mutable_content: true,
			notification_group_thread_id: 'orders',
			relevance_score: 0.75,
			send_to_most_recent_device_only: true,
			sound: 'default',
			use_webview: false,
		});
	});

	it('sends an expiry given as a Luxon date from an expression as ISO 8601', async () => {
		const apple = (await sentMessage(
			{
				channels: ['apple_push'],
				applePushAlert: 'Hi',
				applePushOptions: { expiry: "={{ DateTime.fromISO('2030-06-01T12:30:00.000Z') }}" },
			},
			'apple_push',
		)) as IDataObject;
		expect(apple).toEqual({ alert: 'Hi', expiry: '2030-06-01T12:30:00.000Z' });
	});
});

describe('Send › android_push', () => {
	it('sends a minimal Android push', async () => {
		const android = await sentMessage(
			{ channels: ['android_push'], androidPushTitle: 'Hello', androidPushAlert: 'Hi there' },
			'android_push',
		);
		expect(android).toEqual({ title: 'Hello', alert: 'Hi there' });
	});

	it('sends every Android option with its Braze key and type', async () => {
		const android = await sentMessage(
			{
				channels: ['android_push'],
				androidPushTitle: 'Hello',
				androidPushAlert: 'Hi there',
				androidPushOptions: {
					accentColor: 16711680,
					androidPriority: 'normal',
					buttons: {
						button: [
							{ text: 'Open', action: 'DEEP_LINK', uri: 'acme://home', useWebview: false },
							{ text: 'Dismiss', action: 'CLOSE' },
						],
					},
					collapseKey: 'promo',
					customUri: 'https://acme.com',
					extra: keyValues({
						appboy_image_url: 'https://cdn.acme.com/big.png',
						campaign: 'spring',
					}),
					messageVariationId: 'android-var-1',
					notificationChannelId: 'marketing',
					notificationId: 7,
					priority: -1,
					pushIconImageUrl: 'https://cdn.acme.com/icon.png',
					sendToMostRecentDeviceOnly: true,
					sound: 'chime',
					summaryText: 'Spring sale',
					timeToLive: 3600,
					useWebview: true,
				},
			},
			'android_push',
		);
		expect(android).toEqual({
			title: 'Hello',
			alert: 'Hi there',
			accent_color: 16711680,
			android_priority: 'normal',
			buttons: [
				{ text: 'Open', action: 'DEEP_LINK', uri: 'acme://home', use_webview: false },
				{ text: 'Dismiss', action: 'CLOSE', use_webview: true },
			],
			collapse_key: 'promo',
			custom_uri: 'https://acme.com',
			extra: { appboy_image_url: 'https://cdn.acme.com/big.png', campaign: 'spring' },
			message_variation_id: 'android-var-1',
			notification_channel_id: 'marketing',
			notification_id: 7,
			priority: -1,
			push_icon_image_url: 'https://cdn.acme.com/icon.png',
			send_to_most_recent_device_only: true,
			sound: 'chime',
			summary_text: 'Spring sale',
			time_to_live: 3600,
			use_webview: true,
		});
	});
});

describe('Send › kindle_push', () => {
	it('sends a minimal Kindle push', async () => {
		const kindle = await sentMessage(
			{ channels: ['kindle_push'], kindlePushTitle: 'Hello', kindlePushAlert: 'Hi there' },
			'kindle_push',
		);
		expect(kindle).toEqual({ title: 'Hello', alert: 'Hi there' });
	});

	it('sends every Kindle option with its Braze key and type', async () => {
		const kindle = await sentMessage(
			{
				channels: ['kindle_push'],
				kindlePushTitle: 'Hello',
				kindlePushAlert: 'Hi there',
				kindlePushOptions: {
					collapseKey: 'promo',
					customUri: 'acme://home',
					extra: keyValues({ campaign: 'spring' }),
					messageVariationId: 'kindle-var-1',
					priority: 2,
					sound: 'default',
				},
			},
			'kindle_push',
		);
		expect(kindle).toEqual({
			title: 'Hello',
			alert: 'Hi there',
			collapse_key: 'promo',
			custom_uri: 'acme://home',
			extra: { campaign: 'spring' },
			message_variation_id: 'kindle-var-1',
			priority: 2,
			sound: 'default',
		});
	});
});

describe('Send › web_push', () => {
	it('sends a minimal web push', async () => {
		const web = await sentMessage(
			{ channels: ['web_push'], webPushTitle: 'Hello', webPushAlert: 'Hi there' },
			'web_push',
		);
		expect(web).toEqual({ title: 'Hello', alert: 'Hi there' });
	});

	it('sends every web push option with its Braze key and type', async () => {
		const web = await sentMessage(
			{
				channels: ['web_push'],
				webPushTitle: 'Hello',
				webPushAlert: 'Hi there',
				webPushOptions: {
					buttons: {
						button: [
							{ text: 'Shop', action: 'URI', uri: 'https://acme.com/shop' },
							{ text: 'Later', action: 'CLOSE' },
						],
					},
					customUri: 'https://acme.com',
					extra: keyValues({ campaign: 'spring' }),
					imageUrl: 'https://cdn.acme.com/icon.png',
					largeImageUrl: 'https://cdn.acme.com/large.png',
					messageVariationId: 'web-var-1',
					requireInteraction: true,
					sendToMostRecentDeviceOnly: true,
					timeToLive: 600,
				},
			},
			'web_push',
		);
		expect(web).toEqual({
			title: 'Hello',
			alert: 'Hi there',
			buttons: [
				{ text: 'Shop', action: 'URI', uri: 'https://acme.com/shop' },
				{ text: 'Later', action: 'CLOSE' },
			],
			custom_uri: 'https://acme.com',
			extra: { campaign: 'spring' },
			image_url: 'https://cdn.acme.com/icon.png',
			large_image_url: 'https://cdn.acme.com/large.png',
			message_variation_id: 'web-var-1',
			require_interaction: true,
			send_to_most_recent_device_only: true,
			time_to_live: 600,
		});
	});
});

describe('Send › content_card', () => {
	const card = {
		channels: ['content_card'],
		contentCardTitle: 'Spring sale',
		contentCardDescription: '20% off everything',
	};

	it('sends a minimal Classic card that expires after the default week', async () => {
		const contentCard = await sentMessage(card, 'content_card');
		expect(contentCard).toEqual({
			type: 'CLASSIC',
			title: 'Spring sale',
			description: '20% off everything',
			time_to_live: 604800,
		});
	});

	it('sends every content card option, expiring after a time to live', async () => {
		const contentCard = await sentMessage(
			{
				...card,
				contentCardType: 'CAPTIONED_IMAGE',
				contentCardImageUrl: 'https://cdn.acme.com/card.png',
				contentCardExpiry: 'timeToLive',
				contentCardTimeToLive: 86400,
				contentCardOptions: {
					androidUri: 'acme://sale',
					androidUseWebview: false,
					extra: keyValues({ campaign: 'spring' }),
					iosUri: 'acme://sale',
					iosUseWebview: false,
					messageVariationId: 'card-var-1',
					pinned: true,
					uriText: 'Shop now',
					webUri: 'https://acme.com/sale',
				},
			},
			'content_card',
		);
		expect(contentCard).toEqual({
			type: 'CAPTIONED_IMAGE',
			title: 'Spring sale',
			description: '20% off everything',
			image_url: 'https://cdn.acme.com/card.png',
			time_to_live: 86400,
			android_uri: 'acme://sale',
			android_use_webview: false,
			extra: { campaign: 'spring' },
			ios_uri: 'acme://sale',
			ios_use_webview: false,
			message_variation_id: 'card-var-1',
			pinned: true,
			uri_text: 'Shop now',
			web_uri: 'https://acme.com/sale',
		});
	});

	it('sends every content card option, expiring at a date a few days away', async () => {
		const expireAt = daysFromNow(5);
		const contentCard = await sentMessage(
			{
				...card,
				contentCardType: 'CAPTIONED_IMAGE',
				contentCardImageUrl: 'https://cdn.acme.com/banner.png',
				contentCardExpiry: 'expireAt',
				contentCardExpireAt: expireAt,
				contentCardOptions: {
					androidUri: 'acme://sale',
					androidUseWebview: true,
					expireInLocalTime: true,
					extra: keyValues({ campaign: 'spring' }),
					iosUri: 'acme://sale',
					iosUseWebview: true,
					messageVariationId: 'card-var-1',
					pinned: false,
					uriText: 'Shop now',
					webUri: 'https://acme.com/sale',
				},
			},
			'content_card',
		);
		expect(contentCard).toEqual({
			type: 'CAPTIONED_IMAGE',
			title: 'Spring sale',
			description: '20% off everything',
			image_url: 'https://cdn.acme.com/banner.png',
			expire_at: expireAt,
			android_uri: 'acme://sale',
			android_use_webview: true,
			expire_in_local_time: true,
			extra: { campaign: 'spring' },
			ios_uri: 'acme://sale',
			ios_use_webview: true,
			message_variation_id: 'card-var-1',
			pinned: false,
			uri_text: 'Shop now',
			web_uri: 'https://acme.com/sale',
		});
	});
});

describe('Send › webhook', () => {
	it('sends a minimal webhook with the default POST method', async () => {
		const webhook = await sentMessage(
			{ channels: ['webhook'], webhookUrl: 'https://hooks.acme.com/braze' },
			'webhook',
		);
		expect(webhook).toEqual({ url: 'https://hooks.acme.com/braze', request_method: 'POST' });
	});

	it('sends every webhook option with its Braze key and type', async () => {
		const webhook = await sentMessage(
			{
				channels: ['webhook'],
				webhookUrl: 'https://hooks.acme.com/braze',
				webhookRequestMethod: 'PUT',
				webhookBody: '{"user":"{{${user_id}}}"}',
				webhookOptions: {
					messageVariationId: 'webhook-var-1',
					requestHeaders: keyValues({ 'Content-Type': 'application/json', 'X-Api-Key': 'k' }),
				},
			},
			'webhook',
		);
		expect(webhook).toEqual({
			url: 'https://hooks.acme.com/braze',
			request_method: 'PUT',
			body: '{"user":"{{${user_id}}}"}',
			message_variation_id: 'webhook-var-1',
			request_headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k' },
		});
	});
});

describe('Send › sms', () => {
	const sms = {
		channels: ['sms'],
		smsAppId: 'app-1',
		smsSubscriptionGroupId: 'sg-1',
		smsBody: 'Hi there',
	};

	it('sends a minimal SMS', async () => {
		expect(await sentMessage(sms, 'sms')).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			body: 'Hi there',
		});
	});

	it('sends every SMS option with its Braze key and type', async () => {
		const message = await sentMessage(
			{
				...sms,
				smsOptions: {
					linkShorteningEnabled: true,
					mediaItems: 'https://cdn.acme.com/a.png, https://cdn.acme.com/b.gif',
					messageVariationId: 'sms-var-1',
					userClickTrackingEnabled: true,
				},
			},
			'sms',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			body: 'Hi there',
			link_shortening_enabled: true,
			media_items: ['https://cdn.acme.com/a.png', 'https://cdn.acme.com/b.gif'],
			message_variation_id: 'sms-var-1',
			user_click_tracking_enabled: true,
		});
	});
});

describe('Send › whats_app', () => {
	const whatsApp = {
		channels: ['whats_app'],
		whatsAppAppId: 'app-1',
		whatsAppSubscriptionGroupId: 'sg-1',
	};

	it('sends a minimal template message with the default language', async () => {
		const message = await sentMessage(
			{ ...whatsApp, whatsAppTemplateName: 'welcome' },
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'template_message',
			message: { template_name: 'welcome', template_language_code: 'en' },
		});
	});

	it('sends a template message with body variables keyed by zero-based position', async () => {
		const message = await sentMessage(
			{
				...whatsApp,
				whatsAppMessageType: 'template_message',
				whatsAppTemplateName: 'order_update',
				whatsAppTemplateLanguageCode: 'en_US',
				whatsAppBodyVariables: { variable: [{ value: 'Ann' }, { value: '42' }] },
				whatsAppOptions: { messageVariationId: 'wa-var-1' },
			},
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'template_message',
			message_variation_id: 'wa-var-1',
			message: {
				template_name: 'order_update',
				template_language_code: 'en_US',
				body_variables: { '0': 'Ann', '1': '42' },
			},
		});
	});

	it('sends a text response with every option', async () => {
		const message = await sentMessage(
			{
				...whatsApp,
				whatsAppMessageType: 'text_response_message',
				whatsAppBody: 'See https://acme.com',
				whatsAppOptions: { messageVariationId: 'wa-var-1', previewUrl: true },
			},
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'text_response_message',
			message_variation_id: 'wa-var-1',
			message: { body: 'See https://acme.com', preview_url: true },
		});
	});

	it('sends a text-with-image response with a caption', async () => {
		const message = await sentMessage(
			{
				...whatsApp,
				whatsAppMessageType: 'text_image_response_message',
				whatsAppImageUri: 'https://cdn.acme.com/box.jpg',
				whatsAppCaption: 'Your parcel',
				whatsAppOptions: { messageVariationId: 'wa-var-1' },
			},
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'text_image_response_message',
			message_variation_id: 'wa-var-1',
			message: { image_uri: 'https://cdn.acme.com/box.jpg', caption: 'Your parcel' },
		});
	});
});

/**
 * Additional JSON, per channel: `form` is a minimal send, `minimal` what it puts on the wire,
 * `conflict` one key the form already sets (its value must survive the JSON's).
 */
const additionalJsonCases: Array<{
	key: string;
	name: string;
	optionsName: string;
	form: Record<string, unknown>;
	minimal: IDataObject;
	conflict: string;
	/** Documented fields of the object that the minimal form leaves unset, of several JSON types. */
	fromJson: IDataObject;
}> = [
	{
		key: 'email',
		name: 'Email',
		optionsName: 'emailOptions',
		form: { emailAppId: 'app-1', emailFrom: 'Acme <news@acme.com>', emailBody: '<p>Hi</p>' },
		minimal: { app_id: 'app-1', from: 'Acme <news@acme.com>', body: '<p>Hi</p>' },
		conflict: 'from',
		fromJson: { preheader: 'From JSON', should_inline_css: false, extras: { source: 'json' } },
	},
	{
		key: 'apple_push',
		name: 'Apple Push',
		optionsName: 'applePushOptions',
		form: { applePushAlert: 'Hi' },
		minimal: { alert: 'Hi' },
		conflict: 'alert',
		fromJson: { badge: 2, mutable_content: true, category: 'ab_cat_yes_no' },
	},
	{
		key: 'android_push',
		name: 'Android Push',
		optionsName: 'androidPushOptions',
		form: { androidPushTitle: 'Hello', androidPushAlert: 'Hi' },
		minimal: { title: 'Hello', alert: 'Hi' },
		conflict: 'title',
		fromJson: { summary_text: 'From JSON', priority: 1, use_webview: true },
	},
	{
		key: 'kindle_push',
		name: 'Kindle',
		optionsName: 'kindlePushOptions',
		form: { kindlePushTitle: 'Hello', kindlePushAlert: 'Hi' },
		minimal: { title: 'Hello', alert: 'Hi' },
		conflict: 'title',
		fromJson: { sound: 'default', priority: -1, extra: { source: 'json' } },
	},
	{
		key: 'web_push',
		name: 'Web Push',
		optionsName: 'webPushOptions',
		form: { webPushTitle: 'Hello', webPushAlert: 'Hi' },
		minimal: { title: 'Hello', alert: 'Hi' },
		conflict: 'alert',
		fromJson: {
			image_url: 'https://cdn.acme.com/json.png',
			require_interaction: true,
			time_to_live: 60,
		},
	},
	{
		key: 'content_card',
		name: 'Content Card',
		optionsName: 'contentCardOptions',
		form: { contentCardTitle: 'Sale', contentCardDescription: 'Now' },
		minimal: { type: 'CLASSIC', title: 'Sale', description: 'Now', time_to_live: 604800 },
		conflict: 'title',
		fromJson: { pinned: true, ios_use_webview: false, extra: { source: 'json' } },
	},
	{
		key: 'webhook',
		name: 'Webhook',
		optionsName: 'webhookOptions',
		form: { webhookUrl: 'https://hooks.acme.com/braze' },
		minimal: { url: 'https://hooks.acme.com/braze', request_method: 'POST' },
		conflict: 'url',
		fromJson: {
			message_variation_id: 'webhook-var-json',
			request_headers: { 'Content-Type': 'text/plain' },
		},
	},
	{
		key: 'sms',
		name: 'SMS',
		optionsName: 'smsOptions',
		form: { smsAppId: 'app-1', smsSubscriptionGroupId: 'sg-1', smsBody: 'Hi' },
		minimal: { app_id: 'app-1', subscription_group_id: 'sg-1', body: 'Hi' },
		conflict: 'body',
		fromJson: { link_shortening_enabled: true, media_items: ['https://cdn.acme.com/a.png'] },
	},
	{
		key: 'whats_app',
		name: 'WhatsApp',
		optionsName: 'whatsAppOptions',
		form: {
			whatsAppAppId: 'app-1',
			whatsAppSubscriptionGroupId: 'sg-1',
			whatsAppTemplateName: 'welcome',
		},
		minimal: {
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'template_message',
			message: { template_name: 'welcome', template_language_code: 'en' },
		},
		conflict: 'app_id',
		fromJson: { message_variation_id: 'wa-var-json' },
	},
];

describe.each(additionalJsonCases)('Send › $key › Additional JSON', (testCase) => {
	const withJson = (additionalJson: string) => ({
		channels: [testCase.key],
		...testCase.form,
		[testCase.optionsName]: { additionalJson },
	});

	it('is merged under the form fields, the form winning on conflicts', async () => {
		const message = await sentMessage(
			withJson(JSON.stringify({ ...testCase.fromJson, [testCase.conflict]: 'overridden by json' })),
			testCase.key,
		);
		expect(message).toEqual({ ...testCase.minimal, ...testCase.fromJson });
	});

	it('refuses invalid JSON, naming the channel, before anything is sent', async () => {
		const error = await refused(withJson('{"future_field": '));
		expect(error.message).toContain(testCase.name);
		expect(error.message).toContain('Additional JSON is not valid JSON');
	});

	it('refuses JSON that is not an object, naming the channel', async () => {
		const error = await refused(withJson('["a", "b"]'));
		expect(error.message).toContain(testCase.name);
		expect(error.message).toContain('Additional JSON must be a JSON object');
	});
});

describe('Send › whats_app › Additional JSON inside the message object', () => {
	it('keeps template fields the form has no field for (header/button variables) next to the form ones', async () => {
		const message = await sentMessage(
			{
				channels: ['whats_app'],
				whatsAppAppId: 'app-1',
				whatsAppSubscriptionGroupId: 'sg-1',
				whatsAppTemplateName: 'order_update',
				whatsAppOptions: {
					additionalJson: JSON.stringify({
						message: { header_variables: { '0': 'Ann' }, button_variables: { '1': 'orders/42' } },
					}),
				},
			},
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'sg-1',
			message_type: 'template_message',
			message: {
				template_name: 'order_update',
				template_language_code: 'en',
				header_variables: { '0': 'Ann' },
				button_variables: { '1': 'orders/42' },
			},
		});
	});
});

describe('Send › Additional JSON and empty form fields', () => {
	it('keeps a webhook body given in Additional JSON when the form body is left empty', async () => {
		const webhook = await sentMessage(
			{
				channels: ['webhook'],
				webhookUrl: 'https://hooks.acme.com/braze',
				webhookOptions: { additionalJson: JSON.stringify({ body: '{"from":"json"}' }) },
			},
			'webhook',
		);
		expect(webhook).toEqual({
			url: 'https://hooks.acme.com/braze',
			request_method: 'POST',
			body: '{"from":"json"}',
		});
	});

	it('keeps an email subject given in Additional JSON when the form subject is left empty', async () => {
		const email = await sentMessage(
			{
				channels: ['email'],
				emailAppId: 'app-1',
				emailFrom: 'Acme <news@acme.com>',
				emailBody: '<p>Hi</p>',
				emailOptions: { additionalJson: JSON.stringify({ subject: 'From JSON' }) },
			},
			'email',
		);
		expect(email).toEqual({
			app_id: 'app-1',
			from: 'Acme <news@acme.com>',
			body: '<p>Hi</p>',
			subject: 'From JSON',
		});
	});
});
