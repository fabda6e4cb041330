import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const base = { resource: 'message', operation: 'send', externalUserIds: 'user-1' };
const whatsApp = {
	channels: ['whats_app'],
	whatsAppAppId: 'app-1',
	whatsAppSubscriptionGroupId: 'wa-group',
};
const android = {
	channels: ['android_push'],
	androidPushTitle: 'Hi',
	androidPushAlert: 'Your order shipped',
};
const apple = { channels: ['apple_push'], applePushAlert: 'Your order shipped' };

async function send(parameters: IDataObject) {
	return await runBrazeNode({
		parameters: { ...base, ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

async function sent(parameters: IDataObject, channel: string): Promise<IDataObject> {
	const result = await send(parameters);
	expect(result.error).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	expect(standIn.requests[0].status).toBe(201);
	return (standIn.requests[0].body?.messages as IDataObject)[channel] as IDataObject;
}

async function refused(parameters: IDataObject, message: string | RegExp) {
	const result = await send(parameters);
	if (typeof message === 'string') expect(result.error?.message).toBe(message);
	else expect(result.error?.message).toMatch(message);
	expect(standIn.requests).toHaveLength(0);
}

describe('WhatsApp message types', () => {
	it('template with header, body and button variables and header media', async () => {
		const message = await sent(
			{
				...whatsApp,
				whatsAppMessageType: 'template_message',
				whatsAppTemplateName: 'order_update',
				whatsAppTemplateLanguageCode: 'en_US',
				whatsAppHeaderVariable: 'Ada',
				whatsAppBodyVariables: { variable: [{ value: 'A-42' }, { value: 'Friday' }] },
				whatsAppButtonVariable: { variable: { buttonIndex: 1, value: 'orders/42' } },
				whatsAppHeaderMediaUri: 'https://cdn.acme.com/box.png',
			},
			'whats_app',
		);
		expect(message).toEqual({
			app_id: 'app-1',
			subscription_group_id: 'wa-group',
			message_type: 'template_message',
			message: {
				template_name: 'order_update',
				template_language_code: 'en_US',
				header_variables: { '0': 'Ada' },
				body_variables: { '0': 'A-42', '1': 'Friday' },
				button_variables: { '1': 'orders/42' },
				header_media_uri: 'https://cdn.acme.com/box.png',
			},
		});
	});

	it('quick reply with header text, footer and buttons', async () => {
		const message = await sent(
			{
				...whatsApp,
				whatsAppMessageType: 'quick_reply_response_message',
				whatsAppBody: 'Did it arrive?',
				whatsAppHeaderText: 'Delivery',
				whatsAppFooter: 'Acme',
				whatsAppButtons: { button: [{ text: 'Yes' }, { text: 'No' }] },
			},
			'whats_app',
		);
		expect(message.message).toEqual({
			body: 'Did it arrive?',
			header_text: 'Delivery',
			footer: 'Acme',
			buttons: [{ text: 'Yes' }, { text: 'No' }],
		});
	});

	it('list with sections and rows', async () => {
		const message = await sent(
			{
				...whatsApp,
				whatsAppMessageType: 'list_response_message',
				whatsAppHeader: 'Menu',
				whatsAppBody: 'Pick a slot',
				whatsAppFooter: 'Acme',
				whatsAppListButtonText: 'Slots',
				whatsAppListSections: {
					section: [
						{
							sectionTitle: 'Morning',
							rows: { row: [{ rowTitle: '9:00', rowDescription: 'Early' }, { rowTitle: '10:00' }] },
						},
						{ sectionTitle: 'Evening', rows: { row: [{ rowTitle: '18:00' }] } },
					],
				},
			},
			'whats_app',
		);
		expect(message.message).toEqual({
			header: 'Menu',
			body: 'Pick a slot',
			footer: 'Acme',
			list: {
				list_button_text: 'Slots',
				list_sections: [
					{
						section_title: 'Morning',
						list_rows: [{ row_title: '9:00', row_description: 'Early' }, { row_title: '10:00' }],
					},
					{ section_title: 'Evening', list_rows: [{ row_title: '18:00' }] },
				],
			},
		});
	});

	it('flow with its button', async () => {
		const message = await sent(
			{
				...whatsApp,
				whatsAppMessageType: 'flow_response_message',
				whatsAppBody: 'Tell us more',
				whatsAppHeaderText: 'Survey',
				whatsAppFlowId: 'flow-1',
				whatsAppFlowCaption: 'Start',
				whatsAppGenerateCustomAttribute: true,
			},
			'whats_app',
		);
		expect(message.message).toEqual({
			body: 'Tell us more',
			header_text: 'Survey',
			flow_button: { flow_id: 'flow-1', caption: 'Start', generate_custom_attribute: true },
		});
	});

	it.each([
		[
			'a quick reply with both headers',
			{
				whatsAppMessageType: 'quick_reply_response_message',
				whatsAppBody: 'b',
				whatsAppHeaderText: 't',
				whatsAppHeaderImageUri: 'https://x/i.png',
				whatsAppButtons: { button: [{ text: 'Yes' }] },
			},
			'WhatsApp: a quick reply can have a Header Text or a Header Image URI, not both',
		],
		[
			'a quick reply without buttons',
			{ whatsAppMessageType: 'quick_reply_response_message', whatsAppBody: 'b' },
			'WhatsApp: a quick reply needs at least one button',
		],
		[
			'a list with 11 rows',
			{
				whatsAppMessageType: 'list_response_message',
				whatsAppBody: 'b',
				whatsAppListButtonText: 'Go',
				whatsAppListSections: {
					section: [
						{
							sectionTitle: 'A',
							rows: { row: Array.from({ length: 6 }, (_, i) => ({ rowTitle: `a${i}` })) },
						},
						{
							sectionTitle: 'B',
							rows: { row: Array.from({ length: 5 }, (_, i) => ({ rowTitle: `b${i}` })) },
						},
					],
				},
			},
			'WhatsApp: the list has 11 rows; WhatsApp allows at most 10 in all sections together',
		],
		[
			'a list without sections',
			{
				whatsAppMessageType: 'list_response_message',
				whatsAppBody: 'b',
				whatsAppListButtonText: 'Go',
			},
			'WhatsApp: a list needs at least one section',
		],
		[
			'a list section without rows',
			{
				whatsAppMessageType: 'list_response_message',
				whatsAppBody: 'b',
				whatsAppListButtonText: 'Go',
				whatsAppListSections: { section: [{ sectionTitle: 'A' }] },
			},
			'WhatsApp › List section 1 needs a Section Title and at least one row',
		],
		[
			'a flow caption over 20 characters',
			{
				whatsAppMessageType: 'flow_response_message',
				whatsAppBody: 'b',
				whatsAppFlowId: 'f',
				whatsAppFlowCaption: 'A caption that is too long',
			},
			'WhatsApp: Flow Button Caption is 26 characters; WhatsApp allows at most 20',
		],
	])('refuses %s', async (_case, parameters, message) => {
		await refused({ ...whatsApp, ...parameters }, message);
	});
});

describe('Android conversation push and silent push', () => {
	it('sends conversation_data with persons and messages', async () => {
		const message = await sent(
			{
				...android,
				androidPushOptions: {
					conversationShortcutId: 'chat-7',
					conversationReplyPersonId: 'me',
					conversationPersons: {
						person: [
							{ id: 'me', name: 'Ada' },
							{ id: 'bob', name: 'Bob' },
						],
					},
					conversationMessages: {
						message: [{ text: 'Lunch?', timestamp: '2026-11-28T12:00:00Z', personId: 'bob' }],
					},
				},
			},
			'android_push',
		);
		expect(message.conversation_data).toEqual({
			shortcut_id: 'chat-7',
			reply_person_id: 'me',
			persons: [
				{ id: 'me', name: 'Ada' },
				{ id: 'bob', name: 'Bob' },
			],
			messages: [{ text: 'Lunch?', timestamp: 1795867200, person_id: 'bob' }],
		});
	});

	it('refuses a conversation with a missing part', async () => {
		await refused(
			{ ...android, androidPushOptions: { conversationShortcutId: 'chat-7' } },
			'Android Push › a conversation push needs all of its parts',
		);
	});

	it('sends a silent push without title and alert', async () => {
		const message = await sent(
			{ channels: ['android_push'], androidPushOptions: { sendToSync: true } },
			'android_push',
		);
		expect(message).toEqual({ send_to_sync: true });
	});

	it('refuses send_to_sync with a title or alert', async () => {
		await refused(
			{ ...android, androidPushOptions: { sendToSync: true } },
			'Android Push: a Send to Sync push cannot have a Title or an Alert',
		);
	});

	it('refuses a normal push without a title', async () => {
		await refused(
			{ channels: ['android_push'], androidPushAlert: 'x' },
			'Android Push: Title is required',
		);
	});

	it('refuses an alert and extra over 4,000 bytes', async () => {
		await refused(
			{
				...android,
				androidPushAlert: 'x'.repeat(3990),
				androidPushOptions: { extra: { pair: [{ key: 'k', value: 'v'.repeat(20) }] } },
			},
			/^Android Push is \d+ bytes; Braze accepts at most 4000 bytes/,
		);
	});
});

describe('Apple push alert object', () => {
	it('puts a Live Activity sound inside the alert object', async () => {
		const message = await sent(
			{
				...apple,
				applePushTitle: 'Score',
				applePushOptions: { alertSound: 'goal.caf', sound: 'default' },
			},
			'apple_push',
		);
		expect(message.alert).toEqual({
			body: 'Your order shipped',
			title: 'Score',
			sound: 'goal.caf',
		});
		expect(message.sound).toBe('default');
	});
});

describe('Apple push rules', () => {
	it.each([
		[
			'the extra key aps',
			{ applePushOptions: { extra: { pair: [{ key: 'aps', value: '1' }] } } },
			'Apple Push › Extra cannot use the key "aps"',
		],
		[
			'the extra key ab',
			{ applePushOptions: { extra: { pair: [{ key: 'ab', value: '1' }] } } },
			'Apple Push › Extra cannot use the key "ab"',
		],
		[
			'buttons without a category',
			{
				applePushOptions: { buttons: { button: [{ actionId: 'ab_pb_yes', action: 'OPEN_APP' }] } },
			},
			'Apple Push › Buttons need a Category',
		],
		[
			'a payload over 1,912 bytes',
			{ applePushAlert: 'x'.repeat(1913) },
			/^Apple Push is \d+ bytes; Braze accepts at most 1912 bytes/,
		],
		[
			'an APNs priority of 11 from an expression',
			{ applePushOptions: { apnsPriority: '={{ 11 }}' } },
			'Apple Push Options › APNs Priority is 11; Braze accepts 1 to 10',
		],
		[
			'a relevance score of 1.5',
			{ applePushOptions: { relevanceScore: '={{ 1.5 }}' } },
			'Apple Push Options › Relevance Score is 1.5; Braze accepts 0 to 1',
		],
		[
			'an unknown interruption level',
			{ applePushOptions: { interruptionLevel: '={{ "loud" }}' } },
			'Apple Push Options › Interruption Level cannot be "loud"',
		],
	])('refuses %s', async (_case, parameters, message) => {
		await refused({ ...apple, ...parameters }, message);
	});

	it('accepts buttons with their category', async () => {
		const message = await sent(
			{
				...apple,
				applePushOptions: {
					category: 'ab_cat_yes_no',
					buttons: { button: [{ actionId: 'ab_pb_yes', action: 'URI', uri: 'https://acme.com' }] },
				},
			},
			'apple_push',
		);
		expect(message.buttons).toEqual([
			{ action_id: 'ab_pb_yes', action: 'URI', uri: 'https://acme.com', use_webview: true },
		]);
	});
});

describe('Ranges and lists checked for expressions too', () => {
	it.each([
		[
			'android priority 3',
			{ ...android, androidPushOptions: { priority: '={{ 3 }}' } },
			'Android Push Options › Priority is 3; Braze accepts -2 to 2',
		],
		[
			'kindle priority -3',
			{
				channels: ['kindle_push'],
				kindlePushTitle: 't',
				kindlePushAlert: 'a',
				kindlePushOptions: { priority: '={{ -3 }}' },
			},
			'Kindle Push Options › Priority is -3; Braze accepts -2 to 2',
		],
		[
			'webhook method PATCH',
			{ channels: ['webhook'], webhookUrl: 'https://x', webhookRequestMethod: '={{ "PATCH" }}' },
			'Webhook: Request Method cannot be "PATCH"',
		],
	])('refuses %s', async (_case, parameters, message) => {
		await refused(parameters, message);
	});
});

describe('Content card types', () => {
	it('a banner sends only its image, with the empty text keys Braze expects', async () => {
		const message = await sent(
			{
				channels: ['content_card'],
				contentCardType: 'BANNER',
				contentCardImageUrl: 'https://cdn.acme.com/b.png',
				contentCardTimeToLive: 3600,
			},
			'content_card',
		);
		expect(message).toEqual({
			type: 'BANNER',
			title: '',
			description: '',
			image_url: 'https://cdn.acme.com/b.png',
			time_to_live: 3600,
		});
	});

	it('refuses Expire in Local Time without an expiry date', async () => {
		await refused(
			{
				channels: ['content_card'],
				contentCardTitle: 't',
				contentCardDescription: 'd',
				contentCardTimeToLive: 3600,
				contentCardOptions: { expireInLocalTime: true },
			},
			'Content Card › Expire in Local Time only works with an expiry date',
		);
	});
});
