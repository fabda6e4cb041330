import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../helpers/engine';
import { standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const send = { resource: 'message', operation: 'send' };

async function run(
	parameters: Record<string, unknown>,
	items?: IDataObject[],
	onError?: 'continueErrorOutput',
) {
	return await runBrazeNode({
		parameters: { ...send, ...parameters } as never,
		items,
		credentials: standInCredentials(standIn),
		onError,
	});
}

const emailFields = {
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
	emailSubject: 'Hello',
	emailBody: '<p>Hi</p>',
};
const smsFields = { smsAppId: 'app-1', smsSubscriptionGroupId: 'sg-1', smsBody: 'Hi by SMS' };

describe('Send › several channels in one send', () => {
	it('sends one request carrying every selected channel', async () => {
		const result = await run({
			externalUserIds: 'user-1, user-2',
			channels: ['email', 'apple_push', 'android_push', 'sms'],
			...emailFields,
			applePushAlert: 'Hi on iOS',
			applePushTitle: 'Hello',
			androidPushTitle: 'Hello',
			androidPushAlert: 'Hi on Android',
			androidPushOptions: { timeToLive: 3600 },
			...smsFields,
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['user-1', 'user-2'],
			broadcast: false,
			messages: {
				email: {
					app_id: 'app-1',
					from: 'Acme <news@acme.com>',
					subject: 'Hello',
					body: '<p>Hi</p>',
				},
				apple_push: { alert: { body: 'Hi on iOS', title: 'Hello' } },
				android_push: { title: 'Hello', alert: 'Hi on Android', time_to_live: 3600 },
				sms: { app_id: 'app-1', subscription_group_id: 'sg-1', body: 'Hi by SMS' },
			},
		});
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.dispatch_id).toEqual(standIn.requests[0].response.dispatch_id);
	});

	it('sends all nine channels in one request', async () => {
		const result = await run({
			externalUserIds: 'user-1',
			channels: [
				'email',
				'apple_push',
				'android_push',
				'kindle_push',
				'web_push',
				'content_card',
				'webhook',
				'sms',
				'whats_app',
			],
			...emailFields,
			applePushAlert: 'Hi',
			androidPushTitle: 'Hello',
			androidPushAlert: 'Hi',
			kindlePushTitle: 'Hello',
			kindlePushAlert: 'Hi',
			webPushTitle: 'Hello',
			webPushAlert: 'Hi',
			contentCardTitle: 'Sale',
			contentCardDescription: 'Now',
			webhookUrl: 'https://hooks.acme.com/braze',
			...smsFields,
			whatsAppAppId: 'app-1',
			whatsAppSubscriptionGroupId: 'sg-1',
			whatsAppTemplateName: 'welcome',
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].body?.messages).toEqual({
			email: { app_id: 'app-1', from: 'Acme <news@acme.com>', subject: 'Hello', body: '<p>Hi</p>' },
			apple_push: { alert: 'Hi' },
			android_push: { title: 'Hello', alert: 'Hi' },
			kindle_push: { title: 'Hello', alert: 'Hi' },
			web_push: { title: 'Hello', alert: 'Hi' },
			content_card: { type: 'CLASSIC', title: 'Sale', description: 'Now', time_to_live: 604800 },
			webhook: { url: 'https://hooks.acme.com/braze', request_method: 'POST' },
			sms: { app_id: 'app-1', subscription_group_id: 'sg-1', body: 'Hi by SMS' },
			whats_app: {
				app_id: 'app-1',
				subscription_group_id: 'sg-1',
				message_type: 'template_message',
				message: { template_name: 'welcome', template_language_code: 'en' },
			},
		});
	});

	it('sends nothing of a channel that is filled in but not selected', async () => {
		const result = await run({
			externalUserIds: 'user-1',
			channels: ['email'],
			...emailFields,
			...smsFields,
			androidPushTitle: 'Hello',
			androidPushAlert: 'Hi',
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(Object.keys(standIn.requests[0].body?.messages as IDataObject)).toEqual(['email']);
	});

	it('tracks every channel under a campaign when each has its message variation', async () => {
		const result = await run({
			externalUserIds: 'user-1',
			channels: ['email', 'sms'],
			...emailFields,
			emailOptions: { messageVariationId: 'email-var' },
			...smsFields,
			smsOptions: { messageVariationId: 'sms-var' },
			options: { campaignId: 'campaign-1' },
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['user-1'],
			broadcast: false,
			campaign_id: 'campaign-1',
			messages: {
				email: { ...emailFieldsOnWire(), message_variation_id: 'email-var' },
				sms: {
					app_id: 'app-1',
					subscription_group_id: 'sg-1',
					body: 'Hi by SMS',
					message_variation_id: 'sms-var',
				},
			},
		});
	});
});

function emailFieldsOnWire(): IDataObject {
	return { app_id: 'app-1', from: 'Acme <news@acme.com>', subject: 'Hello', body: '<p>Hi</p>' };
}

describe('Send › per-item expressions', () => {
	const items = [
		{ userId: 'u-ann', name: 'Ann', phoneBody: 'Hi Ann, your code is 1234' },
		{ userId: 'u-bob', name: 'Bob', phoneBody: 'Hi Bob, your code is 5678' },
	];

	it('sends one request per item, each with its own values', async () => {
		const result = await run(
			{
				externalUserIds: '={{ $json.userId }}',
				channels: ['email', 'sms'],
				emailAppId: 'app-1',
				emailFrom: 'Acme <news@acme.com>',
				emailSubject: '=Hi {{ $json.name }}',
				emailBody: '=<p>Hello {{ $json.name }}</p>',
				smsAppId: 'app-1',
				smsSubscriptionGroupId: 'sg-1',
				smsBody: '={{ $json.phoneBody }}',
			},
			items,
		);
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(2);
		expect(standIn.requests.map((request) => request.body)).toEqual([
			{
				external_user_ids: ['u-ann'],
				broadcast: false,
				messages: {
					email: {
						app_id: 'app-1',
						from: 'Acme <news@acme.com>',
						subject: 'Hi Ann',
						body: '<p>Hello Ann</p>',
					},
					sms: {
						app_id: 'app-1',
						subscription_group_id: 'sg-1',
						body: 'Hi Ann, your code is 1234',
					},
				},
			},
			{
				external_user_ids: ['u-bob'],
				broadcast: false,
				messages: {
					email: {
						app_id: 'app-1',
						from: 'Acme <news@acme.com>',
						subject: 'Hi Bob',
						body: '<p>Hello Bob</p>',
					},
					sms: {
						app_id: 'app-1',
						subscription_group_id: 'sg-1',
						body: 'Hi Bob, your code is 5678',
					},
				},
			},
		]);
		expect(result.output).toHaveLength(2);
		expect(result.output.map((item) => item.json.dispatch_id)).toEqual(
			standIn.requests.map((request) => request.response.dispatch_id),
		);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('takes a list of IDs from an item', async () => {
		const result = await run(
			{
				externalUserIds: '={{ $json.userIds }}',
				channels: ['sms'],
				...smsFields,
			},
			[{ userIds: ['u-1', 'u-2', 'u-1'] }],
		);
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].body?.external_user_ids).toEqual(['u-1', 'u-2']);
	});

	it('with "continue (using error output)", sends the valid items and routes the invalid one to the error output', async () => {
		const result = await run(
			{
				externalUserIds: '={{ $json.userId }}',
				channels: ['email'],
				...emailFields,
				emailSubject: '=Hi {{ $json.name }}',
			},
			[{ userId: 'u-ann', name: 'Ann' }, { name: 'Nobody' }, { userId: 'u-bob', name: 'Bob' }],
			'continueErrorOutput',
		);
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body?.external_user_ids)).toEqual([
			['u-ann'],
			['u-bob'],
		]);
		expect(result.output).toHaveLength(2);
		expect(result.errorOutput).toHaveLength(1);
		expect(JSON.stringify(result.errorOutput[0].json)).toContain('No recipients');
	});
});
