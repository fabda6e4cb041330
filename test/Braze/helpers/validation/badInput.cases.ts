import type { IDataObject } from 'n8n-workflow';

import { applePushMessage, emailMessage, smsMessage } from '../../../helpers/fixtures';

/**
 * Bad inputs across every operation and channel, each of which the node must refuse before
 * sending, with an error message that names `field` as the form shows it. `value`, when given,
 * is what an expression ({{ $json.v }}) hands the field: objects, NaN, 1.5 and the like cannot
 * be typed into the form.
 */
export interface BadInput {
	operation: string;
	name: string;
	field: string;
	parameters: IDataObject;
	value?: unknown;
}

export const V = '={{ $json.v }}';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const FUTURE = `${NEXT_YEAR}-06-01T09:00:00Z`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const pairs = (key: unknown, value: unknown) => ({ pair: [{ key, value }] });

// A valid starting point per operation and channel; each case breaks one thing.
const SEND = { resource: 'message', operation: 'send', externalUserIds: 'u1' };
const ANDROID = { channels: ['android_push'], androidPushTitle: 'Hi', androidPushAlert: 'Shipped' };
const KINDLE = { channels: ['kindle_push'], kindlePushTitle: 'Hi', kindlePushAlert: 'Shipped' };
const WEB = { channels: ['web_push'], webPushTitle: 'Hi', webPushAlert: 'Shipped' };
const CARD = { channels: ['content_card'], contentCardTitle: 'T', contentCardDescription: 'D' };
const WEBHOOK = { channels: ['webhook'], webhookUrl: 'https://example.com/hook' };
const WHATSAPP = {
	channels: ['whats_app'],
	whatsAppAppId: 'app-1',
	whatsAppSubscriptionGroupId: 'wa-1',
	whatsAppMessageType: 'text_response_message',
	whatsAppBody: 'Hi',
};
const WHATSAPP_LIST = {
	...WHATSAPP,
	whatsAppMessageType: 'list_response_message',
	whatsAppListButtonText: 'Slots',
};
const SCHEDULE = { ...SEND, ...emailMessage, operation: 'schedule', scheduleTime: FUTURE };
const UPDATE = {
	resource: 'message',
	operation: 'updateSchedule',
	scheduleId: 'sched-1',
	updateTime: true,
	scheduleTime: FUTURE,
};
const DELETE = { resource: 'message', operation: 'deleteSchedule', scheduleId: 'sched-1' };
const CAMPAIGN = { resource: 'campaign', operation: 'trigger', campaignId: 'cmp-1' };
const CANVAS = { resource: 'canvas', operation: 'trigger', canvasId: 'cnv-1' };
const SEND_ID = { resource: 'sendId', operation: 'create', campaignId: 'cmp-1' };

const cases: BadInput[] = [];
function add(
	operation: string,
	base: IDataObject,
	list: Array<[string, string, IDataObject, unknown?]>,
) {
	for (const entry of list) {
		const [name, field, change] = entry;
		// A fourth element is what the item gives the expression {{ $json.v }}.
		const value = entry.length > 3 ? { value: entry[3] } : {};
		cases.push({ operation, name, field, parameters: { ...base, ...change }, ...value });
	}
}

const alias = (aliasName: unknown, aliasLabel: unknown) => ({
	userAliases: { alias: [{ aliasName, aliasLabel }] },
});
const audienceJson = (audience: unknown) => ({
	broadcast: true,
	externalUserIds: '',
	audienceMode: 'json',
	audienceJson: typeof audience === 'string' ? audience : JSON.stringify(audience),
});
const regex = (value: string) =>
	audienceJson({
		custom_attribute: { custom_attribute_name: 'plan', comparison: 'matches_regex', value },
	});
const formFilter = (dataType: string, comparison: string, value: unknown) => ({
	broadcast: true,
	externalUserIds: '',
	audienceMode: 'form',
	audienceFilters: {
		filter: [
			{ filterType: 'customAttribute', customAttributeName: 'n', dataType, comparison, value },
		],
	},
});
const nested = (depth: number) =>
	`${'{"AND":['.repeat(depth)}{"push_subscription_status":{"comparison":"is","value":"opted_in"}}${']}'.repeat(depth)}`;

add('Message › Send (recipients)', { ...SEND, ...emailMessage }, [
	['External User IDs as an object', 'External User IDs', { externalUserIds: V }, { id: 'u1' }],
	['External User IDs as true', 'External User IDs', { externalUserIds: V }, true],
	['External User IDs as the number 1.5', 'External User IDs', { externalUserIds: V }, 1.5],
	[
		'External User IDs as the text "undefined"',
		'External User IDs',
		{ externalUserIds: 'undefined' },
	],
	['External User IDs as the text "null"', 'External User IDs', { externalUserIds: 'null' }],
	[
		'External User IDs with "[object Object]"',
		'External User IDs',
		{ externalUserIds: 'a, [object Object]' },
	],
	['an object in the ID list', 'External User IDs', { externalUserIds: V }, ['a', { id: 'b' }]],
	['null in the ID list', 'External User IDs', { externalUserIds: V }, ['a', null]],
	['a list in the ID list', 'External User IDs', { externalUserIds: V }, [['a', 'b']]],
	['true in the ID list', 'External User IDs', { externalUserIds: V }, ['a', true]],
	['NaN in the ID list', 'External User IDs', { externalUserIds: V }, [Number.NaN]],
	[
		'Infinity in the ID list',
		'External User IDs',
		{ externalUserIds: V },
		[Number.NEGATIVE_INFINITY],
	],
	['1e21 in the ID list', 'External User IDs', { externalUserIds: V }, [1e21]],
	['2.5 in the ID list', 'External User IDs', { externalUserIds: V }, [2.5]],
	['an unsafe integer in the ID list', 'External User IDs', { externalUserIds: V }, [2 ** 60]],
	['"undefined" in the ID list', 'External User IDs', { externalUserIds: V }, ['undefined']],
	['Alias Name as an object', 'Alias Name', { ...alias(V, 'crm') }, { n: 1 }],
	['Alias Name as a list', 'Alias Name', { ...alias(V, 'crm') }, ['x', 'y']],
	['Alias Name as NaN', 'Alias Name', { ...alias(V, 'crm') }, Number.NaN],
	['Alias Name as 1.5', 'Alias Name', { ...alias(V, 'crm') }, 1.5],
	['Alias Name as "null"', 'Alias Name', { ...alias('null', 'crm') }],
	['Alias Name of 237 bytes', 'Alias Name', { ...alias('n'.repeat(237), 'crm') }],
	['Alias Label as an object', 'Alias Label', { ...alias('a-1', V) }, { l: 'crm' }],
	['Alias Label as true', 'Alias Label', { ...alias('a-1', V) }, true],
	['Alias Label as "undefined"', 'Alias Label', { ...alias('a-1', 'undefined') }],
	['Alias Label missing', 'Alias Label', { ...alias('a-1', '') }],
	['Alias Label of 237 bytes (multi-byte)', 'Alias Label', { ...alias('a-1', 'é'.repeat(119)) }],
	[
		'Segment ID as an object',
		'Segment ID',
		{ broadcast: true, externalUserIds: '', segmentId: rl(V) },
		{ id: 's' },
	],
	[
		'Segment ID as "undefined"',
		'Segment ID',
		{ broadcast: true, externalUserIds: '', segmentId: rl('undefined') },
	],
	[
		'Segment ID as 1e21',
		'Segment ID',
		{ broadcast: true, externalUserIds: '', segmentId: rl(V) },
		1e21,
	],
	['Broadcast as "yes"', 'Broadcast', { broadcast: V }, 'yes'],
	['Broadcast as 1', 'Broadcast', { broadcast: V }, 1],
	['Broadcast on with named users', 'Broadcast', { broadcast: true }],
	['Broadcast off for a segment', 'Broadcast', { externalUserIds: '', segmentId: rl('seg-1') }],
]);

add('Message › Send (options)', { ...SEND, ...emailMessage }, [
	['Dry Run as "yes"', 'Dry Run', { options: { dryRun: V } }, 'yes'],
	['Dry Run as 1', 'Dry Run', { options: { dryRun: V } }, 1],
	['Dry Run as "TRUE"', 'Dry Run', { options: { dryRun: V } }, 'TRUE'],
	['Dry Run as an empty expression result', 'Dry Run', { options: { dryRun: V } }, ''],
	['Dry Run as an object', 'Dry Run', { options: { dryRun: V } }, { on: true }],
	['Send ID with an accent', 'Send ID', { options: { sendId: 'soldé' } }],
	['Send ID of 65 characters', 'Send ID', { options: { sendId: 's'.repeat(65) } }],
	['Send ID as an object', 'Send ID', { options: { sendId: V } }, { id: 's' }],
	['Send ID as 1.5', 'Send ID', { options: { sendId: V } }, 1.5],
	['Campaign ID as "null"', 'Campaign ID', { options: { campaignId: rl('null') } }],
	[
		'Campaign ID without a Message Variation ID',
		'Message Variation ID',
		{ options: { campaignId: rl('cmp-1') } },
	],
	[
		'Recipient Subscription State unknown',
		'Recipient Subscription State',
		{ options: { recipientSubscriptionState: V } },
		'everyone',
	],
	[
		'Override Frequency Capping as "on"',
		'Override Frequency Capping',
		{ options: { overrideFrequencyCapping: V } },
		'on',
	],
]);

add('Message › Send › Email', { ...SEND, ...emailMessage }, [
	['Body of only spaces', 'Email: Body (HTML)', { emailBody: '   ' }],
	['Body of only line breaks and tabs', 'Email: Body (HTML)', { emailBody: '\n\t \n' }],
	['App ID of only spaces', 'Email: App ID', { emailAppId: '   ' }],
	['App ID as an object', 'Email: App ID', { emailAppId: V }, { id: 'app' }],
	['App ID as 1.5', 'Email: App ID', { emailAppId: V }, 1.5],
	['App ID as "undefined"', 'Email: App ID', { emailAppId: 'undefined' }],
	['From as an empty expression result', 'Email: From', { emailFrom: V }, ''],
	['From as a list', 'Email: From', { emailFrom: V }, ['a@b.c']],
	['Subject as an object', 'Email: Subject', { emailSubject: V }, { s: 1 }],
	[
		'Message Variation ID as "null"',
		'Message Variation ID',
		{ emailOptions: { messageVariationId: 'null' } },
	],
	[
		'Additional JSON that is not JSON',
		'Additional JSON',
		{ emailOptions: { additionalJson: '{bad' } },
	],
	[
		'Additional JSON that is a list',
		'Additional JSON',
		{ emailOptions: { additionalJson: '[1]' } },
	],
	[
		'Attachment without a URL',
		'Attachment',
		{ emailOptions: { attachments: { attachment: [{ fileName: 'invoice' }] } } },
	],
	[
		'Attachment URL as an object',
		'Attachment 1 › URL',
		{ emailOptions: { attachments: { attachment: [{ fileName: 'invoice', url: V }] } } },
		{ href: 'https://x' },
	],
	['Headers entry without a name', 'Headers', { emailOptions: { headers: pairs('', 'x') } }],
	[
		'Headers value as an object',
		'Headers',
		{ emailOptions: { headers: pairs('X-Id', V) } },
		{ a: 1 },
	],
	['Extras key as an object', 'Extras', { emailOptions: { extras: pairs(V, 'x') } }, { k: 1 }],
	[
		'Should Inline CSS as "yes"',
		'Should Inline CSS',
		{ emailOptions: { shouldInlineCss: V } },
		'yes',
	],
]);

add('Message › Send › Apple Push', { ...SEND, ...applePushMessage }, [
	['Badge as hex "0x10"', 'Badge', { applePushOptions: { badge: V } }, '0x10'],
	['Badge as "1e3"', 'Badge', { applePushOptions: { badge: V } }, '1e3'],
	['Badge as binary "0b1"', 'Badge', { applePushOptions: { badge: V } }, '0b1'],
	['Badge as octal "0o7"', 'Badge', { applePushOptions: { badge: V } }, '0o7'],
	['Badge as 1.5', 'Badge', { applePushOptions: { badge: V } }, 1.5],
	['Badge as "Infinity"', 'Badge', { applePushOptions: { badge: V } }, 'Infinity'],
	['Badge as "1_000"', 'Badge', { applePushOptions: { badge: V } }, '1_000'],
	['APNs Priority 11', 'APNs Priority', { applePushOptions: { apnsPriority: 11 } }],
	['Relevance Score 2', 'Relevance Score', { applePushOptions: { relevanceScore: 2 } }],
	['Mutable Content as "1"', 'Mutable Content', { applePushOptions: { mutableContent: V } }, '1'],
	['Expiry that is not a date', 'Expiry', { applePushOptions: { expiry: V } }, 'tomorrow'],
	['Alert empty', 'Apple Push: Alert', { applePushAlert: '' }],
	['Extra value as a list', 'Extra', { applePushOptions: { extra: pairs('k', V) } }, [1, 2]],
]);

add('Message › Send › Android Push', { ...SEND, ...ANDROID }, [
	[
		'Accent Color as hex "0xFF0000"',
		'Accent Color',
		{ androidPushOptions: { accentColor: V } },
		'0xFF0000',
	],
	['Priority 3', 'Priority', { androidPushOptions: { priority: 3 } }],
	['Priority as "high"', 'Priority', { androidPushOptions: { priority: V } }, 'high'],
	['Time to Live over 28 days', 'Time to Live', { androidPushOptions: { timeToLive: 2419201 } }],
	[
		'Notification ID as "12.5"',
		'Notification ID',
		{ androidPushOptions: { notificationId: V } },
		'12.5',
	],
	['Title as an object', 'Android Push: Title', { androidPushTitle: V }, { t: 1 }],
	[
		'Notification Channel ID as NaN',
		'Notification Channel ID',
		{ androidPushOptions: { notificationChannelId: V } },
		Number.NaN,
	],
	['Send to Sync as "sure"', 'Send to Sync', { androidPushOptions: { sendToSync: V } }, 'sure'],
]);

add('Message › Send › Kindle Push', { ...SEND, ...KINDLE }, [
	['Title of only spaces', 'Kindle Push: Title', { kindlePushTitle: '  ' }],
	['Alert as spaces from an expression', 'Kindle Push: Alert', { kindlePushAlert: V }, '   '],
	['Priority as "+0x1"', 'Priority', { kindlePushOptions: { priority: V } }, '+0x1'],
	['Priority -3', 'Priority', { kindlePushOptions: { priority: -3 } }],
]);

add('Message › Send › Web Push', { ...SEND, ...WEB }, [
	['Title as an empty expression result', 'Web Push: Title', { webPushTitle: V }, ''],
	['Alert as a list', 'Web Push: Alert', { webPushAlert: V }, ['a']],
	['Time to Live as "1,000"', 'Time to Live', { webPushOptions: { timeToLive: V } }, '1,000'],
	['Time to Live negative', 'Time to Live', { webPushOptions: { timeToLive: -1 } }],
	[
		'Require Interaction as "on"',
		'Require Interaction',
		{ webPushOptions: { requireInteraction: V } },
		'on',
	],
	[
		'Button without text',
		'Button 1',
		{ webPushOptions: { buttons: { button: [{ text: '', action: 'OPEN_APP' }] } } },
	],
]);

add('Message › Send › Content Card', { ...SEND, ...CARD }, [
	[
		'Expire At in the past',
		'Content Card: Expire At',
		{ contentCardExpiry: 'expireAt', contentCardExpireAt: daysFromNow(-1) },
	],
	[
		'Expire At 31 days away',
		'Content Card: Expire At',
		{ contentCardExpiry: 'expireAt', contentCardExpireAt: daysFromNow(31) },
	],
	[
		'Expire At that is not a date',
		'Content Card: Expire At',
		{ contentCardExpiry: 'expireAt', contentCardExpireAt: V },
		'soon',
	],
	['Time to Live 0', 'Content Card: Time to Live', { contentCardTimeToLive: 0 }],
	['Time to Live over 30 days', 'Content Card: Time to Live', { contentCardTimeToLive: 2592001 }],
	['Time to Live as "0x10"', 'Content Card: Time to Live', { contentCardTimeToLive: V }, '0x10'],
	['Title of only spaces', 'Content Card: Title', { contentCardTitle: '   ' }],
	[
		'Captioned Image without an Image URL',
		'Content Card: Image URL',
		{ contentCardType: 'CAPTIONED_IMAGE' },
	],
	[
		'Expire in Local Time with a Time to Live',
		'Expire in Local Time',
		{ contentCardOptions: { expireInLocalTime: true } },
	],
	['Pinned as "1"', 'Pinned', { contentCardOptions: { pinned: V } }, '1'],
]);

add('Message › Send › Webhook', { ...SEND, ...WEBHOOK }, [
	['URL that is words', 'Webhook: URL', { webhookUrl: 'not a url' }],
	['URL without a scheme', 'Webhook: URL', { webhookUrl: 'example.com/hook' }],
	['URL with an ftp scheme', 'Webhook: URL', { webhookUrl: 'ftp://example.com/hook' }],
	['URL with a space in the host', 'Webhook: URL', { webhookUrl: 'https://exa mple.com/hook' }],
	['URL with no host', 'Webhook: URL', { webhookUrl: 'https://' }],
	['URL of only spaces', 'Webhook: URL', { webhookUrl: '   ' }],
	['URL as an object', 'Webhook: URL', { webhookUrl: V }, { url: 'https://x' }],
	['Request Method PATCH', 'Webhook: Request Method', { webhookRequestMethod: V }, 'PATCH'],
	[
		'Request Headers entry without a name',
		'Request Headers',
		{ webhookOptions: { requestHeaders: pairs(' ', 'x') } },
	],
]);

add('Message › Send › SMS', { ...SEND, ...smsMessage }, [
	['Body of only spaces', 'SMS: Body', { smsBody: '  \n ' }],
	['App ID as an object', 'SMS: App ID', { smsAppId: V }, { id: 1 }],
	[
		'Subscription Group ID as 1.5',
		'SMS: Subscription Group ID',
		{ smsSubscriptionGroupId: V },
		1.5,
	],
	[
		'Subscription Group ID as "undefined"',
		'SMS: Subscription Group ID',
		{ smsSubscriptionGroupId: 'undefined' },
	],
	[
		'Link Shortening Enabled as "maybe"',
		'Link Shortening Enabled',
		{ smsOptions: { linkShorteningEnabled: V } },
		'maybe',
	],
]);

add('Message › Send › WhatsApp', { ...SEND, ...WHATSAPP }, [
	['App ID as "null"', 'WhatsApp: App ID', { whatsAppAppId: 'null' }],
	[
		'Subscription Group ID of only spaces',
		'WhatsApp: Subscription Group ID',
		{ whatsAppSubscriptionGroupId: ' ' },
	],
	['Body of only spaces', 'WhatsApp: Body', { whatsAppBody: '   ' }],
	[
		'Template Name of only spaces',
		'WhatsApp: Template Name',
		{
			whatsAppMessageType: 'template_message',
			whatsAppTemplateName: '  ',
			whatsAppTemplateLanguageCode: 'en',
		},
	],
	[
		'Quick reply button Text as an object',
		'Quick reply button 1 › Text',
		{
			whatsAppMessageType: 'quick_reply_response_message',
			whatsAppButtons: { button: [{ text: V }] },
		},
		{ t: 'Yes' },
	],
	[
		'List Section Title as a list',
		'Section Title',
		{
			whatsAppMessageType: 'list_response_message',
			whatsAppListButtonText: 'Go',
			whatsAppListSections: {
				section: [{ sectionTitle: V, rows: { row: [{ rowTitle: '9:00' }] } }],
			},
		},
		['a'],
	],
	[
		'Flow Button Caption of 21 characters',
		'Flow Button Caption',
		{
			whatsAppMessageType: 'flow_response_message',
			whatsAppFlowId: 'f-1',
			whatsAppFlowCaption: 'c'.repeat(21),
		},
	],
]);

add('Message › Send › WhatsApp list (Additional JSON)', { ...SEND, ...WHATSAPP_LIST }, [
	[
		'a section without list_rows',
		'List Sections',
		{
			whatsAppOptions: {
				additionalJson: JSON.stringify({
					message: { list: { list_sections: [{ section_title: 'A' }] } },
				}),
			},
		},
	],
	[
		'a section that is text',
		'List Sections',
		{
			whatsAppOptions: {
				additionalJson: JSON.stringify({ message: { list: { list_sections: ['A'] } } }),
			},
		},
	],
	[
		'a row without row_title',
		'List Sections',
		{
			whatsAppOptions: {
				additionalJson: JSON.stringify({
					message: {
						list: {
							list_sections: [{ section_title: 'A', list_rows: [{ row_description: 'x' }] }],
						},
					},
				}),
			},
		},
	],
	[
		'list_rows that is an object',
		'List Sections',
		{
			whatsAppOptions: {
				additionalJson: JSON.stringify({
					message: {
						list: { list_sections: [{ section_title: 'A', list_rows: { row_title: 'x' } }] },
					},
				}),
			},
		},
	],
]);

add('Message › Send (audience)', { ...SEND, ...emailMessage }, [
	['regex with an unclosed group', 'Audience', { ...regex('(ab') }],
	['regex with an unclosed class', 'Audience', { ...regex('[a-z') }],
	['regex with nothing to repeat', 'Audience', { ...regex('*gold') }],
	['regex with a reversed range', 'Audience', { ...regex('[z-a]') }],
	['regex ending in a backslash', 'Audience', { ...regex('gold\\') }],
	[
		'form regex that does not compile',
		'Audience filter 1',
		{ ...formFilter('string', 'matches_regex', 'a{2,1}') },
	],
	['audience nested 20,000 deep', 'Audience', { ...audienceJson(nested(20000)) }],
	['audience nested 60 groups deep', 'Audience', { ...audienceJson(nested(60)) }],
	['Audience JSON that is not JSON', 'Audience JSON', { ...audienceJson('{"AND": [') }],
	['Audience JSON empty', 'Audience JSON', { ...audienceJson('  ') }],
	[
		'form number value "0x10"',
		'Audience filter 1',
		{ ...formFilter('number', 'greater_than', '0x10') },
	],
	[
		'form days value "1e3"',
		'Audience filter 1',
		{ ...formFilter('time', 'less_than_x_days_ago', '1e3') },
	],
	['form boolean value "yes"', 'Audience filter 1', { ...formFilter('boolean', 'equals', 'yes') }],
]);

add('Message › Schedule', SCHEDULE, [
	[
		'Send At with an offset of +99:00',
		'Send At',
		{ scheduleTime: `${NEXT_YEAR}-06-01T09:00:00+99:00` },
	],
	[
		'Send At with an offset of +14:30',
		'Send At',
		{ scheduleTime: `${NEXT_YEAR}-06-01T09:00:00+14:30` },
	],
	[
		'Send At with an offset of -13:00',
		'Send At',
		{ scheduleTime: `${NEXT_YEAR}-06-01T09:00:00-13:00` },
	],
	[
		'Send At with offset minutes of 75',
		'Send At',
		{ scheduleTime: `${NEXT_YEAR}-06-01T09:00:00+05:75` },
	],
	['Send At in the year 9999', 'Send At', { scheduleTime: '9999-12-31T00:00:00Z' }],
	['Send At six years ahead', 'Send At', { scheduleTime: `${NEXT_YEAR + 5}-06-01T09:00:00Z` }],
	['Send At in the past', 'Send At', { scheduleTime: '2020-01-01T00:00:00Z' }],
	['Send At as words', 'Send At', { scheduleTime: 'next monday' }],
	['In Local Time as "yes"', 'In Local Time', { inLocalTime: V }, 'yes'],
	['At Optimal Time as 1', 'At Optimal Time', { atOptimalTime: V }, 1],
	[
		'In Local Time and At Optimal Time both on',
		'In Local Time',
		{ inLocalTime: true, atOptimalTime: true },
	],
	[
		'Override Messaging Limits as "no"',
		'Override Messaging Limits',
		{ options: { overrideMessagingLimits: V } },
		'no',
	],
	['External User IDs as an object', 'External User IDs', { externalUserIds: V }, { id: 1 }],
	['Dry Run as "Y"', 'Dry Run', { options: { dryRun: V } }, 'Y'],
]);

add('Message › Update Schedule', UPDATE, [
	['Schedule ID as an object', 'Schedule ID', { scheduleId: V }, { id: 's' }],
	['Schedule ID as "undefined"', 'Schedule ID', { scheduleId: 'undefined' }],
	['Update Send At as "yes"', 'Update Send At', { updateTime: V }, 'yes'],
	['Update Send At as an empty expression result', 'Update Send At', { updateTime: V }, ''],
	['nothing to update', 'Update Send At', { updateTime: false }],
	['Send At in the year 9999', 'Send At', { scheduleTime: '9999-01-01T00:00:00' }],
]);

add('Message › Delete Schedule', DELETE, [
	['Schedule ID of only spaces', 'Schedule ID', { scheduleId: '   ' }],
	['Schedule ID as 1.5', 'Schedule ID', { scheduleId: V }, 1.5],
	['Schedule ID as NaN', 'Schedule ID', { scheduleId: V }, Number.NaN],
	['Schedule ID as a list', 'Schedule ID', { scheduleId: V }, ['a', 'b']],
	['Dry Run as "no"', 'Dry Run', { options: { dryRun: V } }, 'no'],
]);

const recipient = (entry: IDataObject) => ({ recipients: { recipient: [entry] } });
add('Campaign › Trigger', CAMPAIGN, [
	['Campaign ID as "null"', 'Campaign ID', { campaignId: 'null', broadcast: true }],
	[
		'recipient External User ID as an object',
		'External User ID',
		{ ...recipient({ externalUserId: V }) },
		{ id: 1 },
	],
	[
		'recipient External User ID as 1e21',
		'External User ID',
		{ ...recipient({ externalUserId: V }) },
		1e21,
	],
	[
		'recipient Alias Name as a list',
		'Alias Name',
		{ ...recipient({ identifyBy: 'userAlias', aliasName: V, aliasLabel: 'crm' }) },
		['a'],
	],
	[
		'recipient Alias Label as "undefined"',
		'Alias Label',
		{ ...recipient({ identifyBy: 'userAlias', aliasName: 'a', aliasLabel: 'undefined' }) },
	],
	[
		'recipient Email as an object',
		'Email',
		{ ...recipient({ identifyBy: 'email', email: V, prioritization: ['identified'] }) },
		{ e: 1 },
	],
	[
		'recipient Email without Prioritization',
		'Prioritization',
		{ ...recipient({ identifyBy: 'email', email: 'a@b.co' }) },
	],
	[
		'recipient Prioritization unknown',
		'Prioritization',
		{ ...recipient({ identifyBy: 'email', email: 'a@b.co', prioritization: ['first'] }) },
	],
	[
		'recipient Braze ID as NaN',
		'Braze ID',
		{ ...recipient({ identifyBy: 'brazeId', brazeId: V }) },
		Number.NaN,
	],
	[
		'recipient Send to Existing Users Only as "no"',
		'Send to Existing Users Only',
		{ ...recipient({ externalUserId: 'u1', sendToExistingOnly: V }) },
		'no',
	],
	[
		'Trigger Properties value as an object',
		'Trigger Properties',
		{ externalUserIds: 'u1', triggerProperties: pairs('plan', V) },
		{ p: 1 },
	],
	[
		'Attachment URL with ftp',
		'Attachment',
		{
			externalUserIds: 'u1',
			attachments: { attachment: [{ fileName: 'a.pdf', url: 'ftp://x/a.pdf' }] },
		},
	],
	[
		'Attachment File Name as a list',
		'Attachment 1 › File Name',
		{
			externalUserIds: 'u1',
			attachments: { attachment: [{ fileName: V, url: 'https://x/a.pdf' }] },
		},
		['a', 'b'],
	],
	[
		'Attachments with Broadcast',
		'Attachments',
		{
			broadcast: true,
			attachments: { attachment: [{ fileName: 'a.pdf', url: 'https://x/a.pdf' }] },
		},
	],
	['External User IDs with "null"', 'External User IDs', { externalUserIds: 'a;null' }],
	[
		'Send ID of 65 characters',
		'Send ID',
		{ externalUserIds: 'u1', options: { sendId: 's'.repeat(65) } },
	],
	['Dry Run as "yes"', 'Dry Run', { externalUserIds: 'u1', options: { dryRun: V } }, 'yes'],
]);

add('Canvas › Trigger', CANVAS, [
	['Canvas ID as an object', 'Canvas ID', { canvasId: rl(V), broadcast: true }, { id: 'c' }],
	[
		'Context over 50 KB',
		'Context',
		{ externalUserIds: 'u1', context: pairs('blob', 'x'.repeat(51 * 1024)) },
	],
	[
		'Context value as a list',
		'Context',
		{ externalUserIds: 'u1', context: pairs('items', V) },
		['a'],
	],
	[
		'Recipient Context key as an object',
		'Context entry 1 › Key',
		{ ...recipient({ externalUserId: 'u1', properties: pairs(V, 'x') }) },
		{ k: 1 },
	],
	[
		'recipient Email without Prioritization',
		'Prioritization',
		{ ...recipient({ identifyBy: 'email', email: 'a@b.co' }) },
	],
	[
		'recipient Attributes entry without a name',
		'Attributes',
		{
			...recipient({ externalUserId: 'u1', sendToExistingOnly: false, attributes: pairs('', 'x') }),
		},
	],
	['Broadcast as "true " with a space', 'Broadcast', { broadcast: V }, 'true '],
	[
		'regex in the audience that does not compile',
		'Audience',
		{
			broadcast: true,
			audienceMode: 'json',
			audienceJson: JSON.stringify({
				custom_attribute: {
					custom_attribute_name: 'p',
					comparison: 'does_not_match_regex',
					value: '(?<',
				},
			}),
		},
	],
	['Dry Run as 1', 'Dry Run', { externalUserIds: 'u1', options: { dryRun: V } }, 1],
]);

add('Send ID › Create', SEND_ID, [
	['Campaign ID as "undefined"', 'Campaign ID', { campaignId: 'undefined' }],
	['Campaign ID as 1.5', 'Campaign ID', { campaignId: rl(V) }, 1.5],
	['Send ID with an emoji', 'Send ID', { sendId: 'sale-🎉' }],
	['Send ID as an object', 'Send ID', { sendId: V }, { id: 's' }],
	['Send ID of 65 characters', 'Send ID', { sendId: 'x'.repeat(65) }],
	['Dry Run as "TRUE"', 'Dry Run', { options: { dryRun: V } }, 'TRUE'],
]);

// Issue 20 § 3, Message side: IDs of any length or alphabet, a negative badge, SMS click
// tracking without link shortening, sender addresses, Apple buttons outside their category.
const LONG_ID = 'c'.repeat(5000);
const VARIATION = { emailOptions: { messageVariationId: 'email-var-1' } };
const appleButtons = (category: string, button: IDataObject) => ({
	applePushOptions: { category, buttons: { button: [button] } },
});
const TRANSACTIONAL = {
	resource: 'transactional',
	operation: 'send',
	transactionalCampaignId: rl('cmp-order-1'),
	externalId: 'u1',
};
const LIVE_START = {
	resource: 'liveActivity',
	operation: 'start',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	activityAttributesType: 'SportsActivityAttributes',
	activityAttributes: '{"homeTeam": "Lions"}',
	contentState: '{"score": "0-0"}',
	notificationTitle: 'Kick-off',
	notificationBody: 'Started',
	externalUserIds: 'u1',
};
const LIVE_UPDATE = {
	resource: 'liveActivity',
	operation: 'update',
	liveActivityAppId: 'app-ios',
	activityId: 'match-7',
	contentState: '{"score": "1-0"}',
};

add('Message › Send (IDs)', { ...SEND, ...emailMessage, ...VARIATION }, [
	[
		'Campaign ID of 5,000 characters',
		'Options › Campaign ID',
		{ options: { campaignId: rl(LONG_ID) } },
	],
	[
		'Campaign ID with a slash',
		'Options › Campaign ID',
		{ options: { campaignId: rl('cmp/../1') } },
	],
	[
		'Campaign ID as an expression typed as fixed text',
		'Options › Campaign ID',
		{ options: { campaignId: rl('{{ $json.campaign }}') } },
	],
	[
		'Segment ID of 200 characters',
		'Segment ID',
		{ broadcast: true, externalUserIds: '', segmentId: rl('s'.repeat(200)) },
	],
	[
		'Segment ID with a space',
		'Segment ID',
		{ broadcast: true, externalUserIds: '', segmentId: rl('seg 1') },
	],
	['Email App ID of 129 characters', 'Email: App ID', { emailAppId: 'a'.repeat(129) }],
	['Email App ID from an expression with a dot', 'Email: App ID', { emailAppId: V }, 'app.1'],
	[
		'Email Template ID with a dot',
		'Email Template ID',
		{ emailOptions: { messageVariationId: 'v-1', emailTemplateId: rl('tpl.1') } },
	],
	[
		'Message Variation ID of 5,000 characters',
		'Message Variation ID',
		{ emailOptions: { messageVariationId: LONG_ID } },
	],
	[
		'Message Variation ID from Additional JSON with a space',
		'Message Variation ID',
		{ emailOptions: { additionalJson: JSON.stringify({ message_variation_id: 'v 1' }) } },
	],
]);

add('Message › Send › Email (addresses)', { ...SEND, ...emailMessage }, [
	['From without an address', 'Email: From', { emailFrom: 'Acme' }],
	['From with an unclosed bracket', 'Email: From', { emailFrom: 'Acme <news@acme.com' }],
	['From with an address without a domain', 'Email: From', { emailFrom: 'Acme <news>' }],
	[
		'Reply To with a display name',
		'Reply To',
		{ emailOptions: { replyTo: 'Help <help@acme.com>' } },
	],
	['Reply To that is not an address', 'Reply To', { emailOptions: { replyTo: 'support' } }],
]);

add('Message › Send › Apple Push (counts and buttons)', { ...SEND, ...applePushMessage }, [
	['Badge -1', 'Badge', { applePushOptions: { badge: -1 } }],
	['Badge -1 from an expression', 'Badge', { applePushOptions: { badge: V } }, -1],
	['Badge -1 as text from an expression', 'Badge', { applePushOptions: { badge: V } }, '-1'],
	[
		'Badge -5 from Additional JSON',
		'Badge',
		{ applePushOptions: { additionalJson: JSON.stringify({ badge: -5 }) } },
	],
	[
		"Open App button of the app's own category",
		'Apple Push › Button 1',
		appleButtons('order_actions', { actionId: 'track', action: 'OPEN_APP' }),
	],
	[
		'button of another default category',
		'Apple Push › Button 1',
		appleButtons('ab_cat_yes_no', { actionId: 'ab_pb_accept', action: 'OPEN_APP' }),
	],
	[
		'Decline button that opens a URI',
		'Apple Push › Button 1',
		appleButtons('ab_cat_accept_decline', {
			actionId: 'ab_pb_decline',
			action: 'URI',
			uri: 'https://acme.com',
		}),
	],
]);

add('Message › Send › SMS (tracking and IDs)', { ...SEND, ...smsMessage }, [
	[
		'User Click Tracking without Link Shortening',
		'Link Shortening Enabled',
		{ smsOptions: { userClickTrackingEnabled: true } },
	],
	[
		'User Click Tracking with Link Shortening off',
		'Link Shortening Enabled',
		{ smsOptions: { userClickTrackingEnabled: true, linkShorteningEnabled: false } },
	],
	[
		'User Click Tracking from Additional JSON without Link Shortening',
		'Link Shortening Enabled',
		{ smsOptions: { additionalJson: JSON.stringify({ user_click_tracking_enabled: true }) } },
	],
	[
		'Subscription Group ID of 300 characters',
		'SMS: Subscription Group ID',
		{ smsSubscriptionGroupId: 'g'.repeat(300) },
	],
	['App ID with a slash', 'SMS: App ID', { smsAppId: 'app/1' }],
]);

add('Message › Send › WhatsApp (IDs)', { ...SEND, ...WHATSAPP }, [
	[
		'Subscription Group ID with a space',
		'WhatsApp: Subscription Group ID',
		{ whatsAppSubscriptionGroupId: 'wa 1' },
	],
	['App ID of 5,000 characters', 'WhatsApp: App ID', { whatsAppAppId: LONG_ID }],
]);

add('Message › Schedule (IDs)', { ...SCHEDULE, ...VARIATION }, [
	[
		'Campaign ID of 5,000 characters',
		'Options › Campaign ID',
		{ options: { campaignId: rl(LONG_ID) } },
	],
]);

add('Message › Update Schedule (IDs)', UPDATE, [
	['Schedule ID of 5,000 characters', 'Schedule ID', { scheduleId: LONG_ID }],
	['Schedule ID with a slash', 'Schedule ID', { scheduleId: '../sched-1' }],
]);

add('Message › Delete Schedule (IDs)', DELETE, [
	['Schedule ID of 129 characters', 'Schedule ID', { scheduleId: 's'.repeat(129) }],
]);

add('Campaign › Trigger (IDs)', { ...CAMPAIGN, broadcast: true }, [
	['Campaign ID of 5,000 characters', 'Campaign ID', { campaignId: LONG_ID }],
	['Campaign ID with a question mark', 'Campaign ID', { campaignId: 'cmp?x=1' }],
]);

add(
	'Campaign › Schedule (IDs)',
	{ ...CAMPAIGN, operation: 'schedule', broadcast: true, scheduleTime: FUTURE },
	[['Campaign ID of 5,000 characters', 'Campaign ID', { campaignId: LONG_ID }]],
);

add(
	'Campaign › Update Schedule (IDs)',
	{ ...CAMPAIGN, operation: 'updateSchedule', scheduleId: 'sched-1', scheduleTime: FUTURE },
	[
		['Schedule ID of 5,000 characters', 'Schedule ID', { scheduleId: LONG_ID }],
		['Campaign ID with a space', 'Campaign ID', { campaignId: 'cmp 1' }],
	],
);

add('Canvas › Trigger (IDs)', { ...CANVAS, broadcast: true }, [
	['Canvas ID of 5,000 characters', 'Canvas ID', { canvasId: rl(LONG_ID) }],
]);

add(
	'Canvas › Delete Schedule (IDs)',
	{ ...CANVAS, operation: 'deleteSchedule', scheduleId: 'sched-1' },
	[
		['Canvas ID with a slash', 'Canvas ID', { canvasId: rl('cnv/1') }],
		['Schedule ID with a line break', 'Schedule ID', { scheduleId: 'sched\n1' }],
	],
);

add('Send ID › Create (IDs)', SEND_ID, [
	['Campaign ID of 5,000 characters', 'Campaign ID', { campaignId: rl(LONG_ID) }],
]);

add('Transactional Email › Send (IDs)', TRANSACTIONAL, [
	['Campaign ID of 5,000 characters', 'Campaign ID', { transactionalCampaignId: rl(LONG_ID) }],
]);

add('Live Activity › Start (IDs)', LIVE_START, [
	['App ID of 5,000 characters', 'App ID', { liveActivityAppId: LONG_ID }],
	['App ID with a slash', 'App ID', { liveActivityAppId: 'app/ios' }],
	['Activity ID of 256 characters', 'Activity ID', { activityId: 'a'.repeat(256) }],
	['Activity ID with a line break', 'Activity ID', { activityId: 'match\n7' }],
]);

add('Live Activity › Update (IDs)', LIVE_UPDATE, [
	['Activity ID of 5,000 characters', 'Activity ID', { activityId: LONG_ID }],
	['App ID with a space', 'App ID', { liveActivityAppId: 'app ios' }],
]);

// Issue 20 § 2 and § 3, user side: identifiers that still hold expression braces (typed in Fixed
// mode, they would name one made-up user for every item), and the values that reached Braze.
const TYPED_ID = '{{ $json.id ';
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const attributeRow = (name: string, type: string, value: unknown) => ({
	customAttributes: { attribute: [{ name, type, value }] },
});
const USER_UPSERT = { resource: 'user', operation: 'upsert', externalId: 'u1' };
const USER_EVENT = { resource: 'user', operation: 'trackEvent', externalId: 'u1', eventName: 'e' };
const USER_PURCHASE = {
	resource: 'user',
	operation: 'trackPurchase',
	externalId: 'u1',
	productId: 'sku-1',
	currency: 'USD',
	price: 1,
};
const USER_IDENTIFY = {
	resource: 'user',
	operation: 'identify',
	identifyExternalId: 'u1',
	newAliasName: 'lead-1',
	newAliasLabel: 'crm',
};
const USER_ADD_ALIAS = {
	resource: 'user',
	operation: 'addAlias',
	newAliasName: 'lead-1',
	newAliasLabel: 'crm',
};
const USER_DELETE = {
	resource: 'user',
	operation: 'delete',
	confirmDelete: true,
	externalId: 'u1',
};
const GROUP_STATUS = {
	resource: 'subscriptionGroup',
	operation: 'setStatus',
	subscriptionGroupId: 'g-1',
	subscriptionUsers: 'u1',
};
const byEmail = (email: string) => ({
	...recipient({ identifyBy: 'email', email, prioritization: ['identified'] }),
});
const triggerIdentifiers: Array<[string, string, IDataObject, unknown?]> = [
	['External User IDs typed as an expression', 'External User IDs', { externalUserIds: TYPED_ID }],
	[
		'recipient External User ID typed as an expression',
		'External User ID',
		recipient({ externalUserId: TYPED_ID }),
	],
	[
		'recipient Alias Name typed as an expression',
		'Alias Name',
		recipient({ identifyBy: 'userAlias', aliasName: '{{ $json.lead }}', aliasLabel: 'crm' }),
	],
	['recipient Email typed as an expression', 'Email', byEmail('{{ $json.email }}')],
	['recipient Email in angle brackets', 'Email', byEmail('<lin@example.com>')],
];

add('User › Create or Update (identifiers)', USER_UPSERT, [
	['External ID typed as an expression', 'External ID', { externalId: TYPED_ID }],
	['External ID ending in closing braces', 'External ID', { externalId: 'crm-7 }}' }],
	['External ID from an expression that gives braces', 'External ID', { externalId: V }, '{{id}}'],
	[
		'Alias Name typed as an expression',
		'Alias Name',
		{ identifyBy: 'userAlias', aliasName: '{{ $json.lead }}', aliasLabel: 'crm' },
	],
	[
		'Alias Label typed as an expression',
		'Alias Label',
		{ identifyBy: 'userAlias', aliasName: 'lead-1', aliasLabel: '{{ $json.label }}' },
	],
	['Email typed as an expression', 'Email', { identifyBy: 'email', email: '{{ $json.email }}' }],
	['Email in angle brackets', 'Email', { identifyBy: 'email', email: '<lin@example.com>' }],
	['Phone typed as an expression', 'Phone', { identifyBy: 'phone', phone: '{{ $json.phone }}' }],
	['Braze ID typed as an expression', 'Braze ID', { identifyBy: 'brazeId', brazeId: TYPED_ID }],
	[
		'Subscription Group ID typed as an expression',
		'Subscription Group ID',
		{ subscriptionGroups: { group: [{ id: '{{ $json.group }}', state: 'subscribed' }] } },
	],
	[
		'a Subscription Group ID of 200 characters',
		'Subscription Group ID',
		{ subscriptionGroups: { group: [{ id: 'g'.repeat(200), state: 'subscribed' }] } },
	],
]);

add('User › Create or Update (profile)', USER_UPSERT, [
	['Email in angle brackets', 'Profile Fields › Email', { profile: { email: '<a@b.co>' } }],
	[
		'Email with a display name',
		'Profile Fields › Email',
		{ profile: { email: 'Lin <lin@example.com>' } },
	],
	['two emails', 'Profile Fields › Email', { profile: { email: 'a@b.co, c@d.co' } }],
	[
		'Email typed as an expression',
		'Profile Fields › Email',
		{ profile: { email: '{{ $json.email }}' } },
	],
	[
		'Date of Birth 0000-01-01',
		'Profile Fields › Date of Birth',
		{ profile: { dob: '0000-01-01' } },
	],
	[
		'Date of Birth 1899-12-31',
		'Profile Fields › Date of Birth',
		{ profile: { dob: '1899-12-31' } },
	],
	[
		'First Name of 256 characters',
		'Profile Fields › First Name',
		{ profile: { firstName: 'f'.repeat(256) } },
	],
	[
		'Last Name of 256 characters',
		'Profile Fields › Last Name',
		{ profile: { lastName: 'l'.repeat(256) } },
	],
	[
		'Home City of 256 characters',
		'Profile Fields › Home City',
		{ profile: { homeCity: 'c'.repeat(256) } },
	],
	['Gender "X" from an expression', 'Profile Fields › Gender', { profile: { gender: V } }, 'X'],
	['Gender as an object', 'Profile Fields › Gender', { profile: { gender: V } }, { g: 'F' }],
	[
		'Email Subscription "yes" from an expression',
		'Profile Fields › Email Subscription',
		{ profile: { emailSubscribe: V } },
		'yes',
	],
	[
		'Push Subscription "opted-in" from an expression',
		'Profile Fields › Push Subscription',
		{ profile: { pushSubscribe: V } },
		'opted-in',
	],
	...['iw', 'in', 'ji', 'jw', 'mo', 'sh'].map((code): [string, string, IDataObject] => [
		`the withdrawn language code "${code}"`,
		'Profile Fields › Language',
		{ profile: { language: code } },
	]),
]);

add('User › Create or Update (custom attributes)', USER_UPSERT, [
	['a name with a dot', 'Custom Attributes row 1', attributeRow('car.model', 'text', 'x')],
	[
		'an Array value of 256 characters',
		'Custom Attributes row 1',
		attributeRow('tags', 'array', JSON.stringify(['ok', 't'.repeat(256)])),
	],
	[
		'an Add to Array value of 256 characters',
		'Custom Attributes row 1',
		attributeRow('tags', 'add', 't'.repeat(256)),
	],
	[
		'nested JSON text of 256 characters',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: JSON.stringify({ car: { model: 'm'.repeat(256) } }) },
	],
	[
		'nested JSON top-level text of 256 characters',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: JSON.stringify({ note: 'n'.repeat(256) }) },
	],
	[
		'a nested JSON list of 101 values',
		'Nested Custom Attributes (JSON)',
		{
			nestedAttributes: JSON.stringify({ car: { tags: Array.from({ length: 101 }, (_, i) => i) } }),
		},
	],
	[
		'a nested JSON key of 256 characters',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: JSON.stringify({ car: { ['k'.repeat(256)]: 1 } }) },
	],
	[
		'a nested JSON attribute name with a dot',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: '{"car.model": {"name": "Solea"}}' },
	],
	[
		'nested JSON with a __proto__ key',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: '{"car": {"__proto__": {"admin": true}}}' },
	],
	[
		'nested JSON 51 levels deep',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: deepJson(51) },
	],
	[
		'nested JSON 20,000 levels deep',
		'Nested Custom Attributes (JSON)',
		{ nestedAttributes: deepJson(20_000) },
	],
]);

add('User › Track Event', USER_EVENT, [
	['Event Name starting with "$"', 'Event Name', { eventName: '$purchase' }],
	['Event Name of 256 characters', 'Event Name', { eventName: 'e'.repeat(256) }],
	[
		'a nested property key starting with "$"',
		'Properties',
		{ properties: '{"order": {"$total": 5}}' },
	],
	[
		'a "$" key inside a list of objects',
		'Properties',
		{ properties: '{"items": [{"$sku": "a"}]}' },
	],
	['a property named __proto__', 'Properties', { properties: '{"__proto__": {"admin": true}}' }],
	['a property named constructor', 'Properties', { properties: '{"constructor": "Bob"}' }],
	['a nested key named prototype', 'Properties', { properties: '{"a": {"prototype": 1}}' }],
	['Properties 20,000 levels deep', 'Properties', { properties: deepJson(20_000) }],
	[
		'Properties 20,000 levels deep from an expression',
		'Properties',
		{ properties: '={{ JSON.parse($json.v) }}' },
		deepJson(20_000),
	],
	['External ID typed as an expression', 'External ID', { externalId: TYPED_ID }],
]);

add('User › Track Purchase', USER_PURCHASE, [
	['Product ID starting with "$"', 'Product ID', { productId: '$sku-1' }],
	['a negative Price', 'Price', { price: -5 }],
	['a negative Price from an expression', 'Price', { price: V }, '-0.01'],
	[
		'a nested property key starting with "$"',
		'Properties',
		{ properties: '{"gift": {"$wrap": true}}' },
	],
	['Email typed as an expression', 'Email', { identifyBy: 'email', email: '{{ $json.email }}' }],
]);

add('User › Identify', USER_IDENTIFY, [
	['External ID typed as an expression', 'External ID', { identifyExternalId: TYPED_ID }],
	['Alias Name typed as an expression', 'Alias Name', { newAliasName: '{{ $json.lead }}' }],
]);

add('User › Add Alias', USER_ADD_ALIAS, [
	['External ID typed as an expression', 'External ID', { aliasExternalId: TYPED_ID }],
	['Alias Label typed as an expression', 'Alias Label', { newAliasLabel: 'crm }}' }],
]);

add('User › Delete', USER_DELETE, [
	['External ID typed as an expression', 'External ID', { externalId: TYPED_ID }],
	['Email in angle brackets', 'Email', { identifyBy: 'email', email: '<a@b.co>' }],
	['Braze ID typed as an expression', 'Braze ID', { identifyBy: 'brazeId', brazeId: TYPED_ID }],
]);

add('Subscription Group › Set Status', GROUP_STATUS, [
	['Users typed as an expression', 'Users', { subscriptionUsers: TYPED_ID }],
	[
		'one of several Users typed as an expression',
		'Users',
		{ subscriptionUsers: 'u1; {{ $json.id }}' },
	],
	['an email in angle brackets', 'Users', { usersBy: 'emails', subscriptionUsers: '<a@b.co>' }],
	[
		'an email typed as an expression',
		'Users',
		{ usersBy: 'emails', subscriptionUsers: '{{ $json.email }}' },
	],
	[
		'a phone typed as an expression',
		'Users',
		{ usersBy: 'phones', subscriptionUsers: '{{ $json.phone }}' },
	],
	[
		'Subscription Group ID typed as an expression',
		'Subscription Group ID',
		{ subscriptionGroupId: '{{ $json.group }}' },
	],
	[
		'Subscription Group ID with a space',
		'Subscription Group ID',
		{ subscriptionGroupId: 'news letter' },
	],
]);

add('Transactional Email › Send (recipient)', TRANSACTIONAL, [
	['External ID typed as an expression', 'External ID', { externalId: TYPED_ID }],
	[
		'Alias Name typed as an expression',
		'Alias Name',
		{ identifyBy: 'userAlias', aliasName: '{{ $json.lead }}', aliasLabel: 'crm' },
	],
	['Profile Fields › Email in angle brackets', 'Email', { profile: { email: '<a@b.co>' } }],
]);

add('Message › Send (identifiers)', { ...SEND, ...emailMessage }, [
	['External User IDs typed as an expression', 'External User IDs', { externalUserIds: TYPED_ID }],
	[
		'braces in a list of IDs from an expression',
		'External User IDs',
		{ externalUserIds: V },
		['u1', '{{ id }}'],
	],
	['Alias Name typed as an expression', 'Alias Name', alias('{{ $json.lead }}', 'crm')],
	['Alias Label typed as an expression', 'Alias Label', alias('lead-1', '{{ $json.label }}')],
]);

add('Message › Send (JSON)', { ...SEND, ...WEBHOOK }, [
	[
		'Additional JSON with a __proto__ key',
		'Webhook › Additional JSON',
		{ webhookOptions: { additionalJson: '{"__proto__": {"admin": true}}' } },
	],
	[
		'Additional JSON 20,000 levels deep',
		'Webhook › Additional JSON',
		{ webhookOptions: { additionalJson: deepJson(20_000) } },
	],
]);

add('Message › Schedule (identifiers)', SCHEDULE, [
	['External User IDs typed as an expression', 'External User IDs', { externalUserIds: TYPED_ID }],
	['Alias Name typed as an expression', 'Alias Name', alias('{{ $json.lead }}', 'crm')],
]);

add('Live Activity › Start (identifiers)', LIVE_START, [
	['External User IDs typed as an expression', 'External User IDs', { externalUserIds: TYPED_ID }],
	[
		'Alias Name typed as an expression',
		'Alias Name',
		{ externalUserIds: '', ...alias('{{ $json.lead }}', 'crm') },
	],
	['Content State 20,000 levels deep', 'Content State', { contentState: deepJson(20_000) }],
]);

add('Campaign › Trigger (identifiers)', CAMPAIGN, [
	...triggerIdentifiers,
	[
		'recipient Braze ID typed as an expression',
		'Braze ID',
		recipient({ identifyBy: 'brazeId', brazeId: TYPED_ID }),
	],
]);

add('Canvas › Trigger (identifiers)', CANVAS, triggerIdentifiers);

export const BAD_INPUTS: readonly BadInput[] = cases;
