import type { IDataObject } from 'n8n-workflow';

import { runBrazeNode } from '../../../helpers/engine';
import { applePushMessage, smsMessage, smsWire } from '../../../helpers/fixtures';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';

const standIn = useStandIn();

const toUsers = { resource: 'message', operation: 'send', externalUserIds: 'user-1' };

async function send(parameters: Record<string, unknown>) {
	return await runBrazeNode({
		parameters: { ...toUsers, ...parameters } as never,
		credentials: standInCredentials(standIn),
	});
}

/** Sends and expects the node to refuse before any request reaches Braze. */
async function expectRefused(parameters: Record<string, unknown>, message: string) {
	const result = await send(parameters);
	expect(result.error?.message).toBe(message);
	expect(standIn.requests).toHaveLength(0);
	return result.error as Error & IDataObject;
}

/** Sends, expects one accepted request, and returns its `messages.<key>` object. */
async function sentMessage(parameters: Record<string, unknown>, key: string): Promise<IDataObject> {
	const result = await send(parameters);
	expect(result.error?.message).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	return (standIn.requests[0].body?.messages as IDataObject)[key] as IDataObject;
}

function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
}

const android = { channels: ['android_push'], androidPushTitle: 'Hello', androidPushAlert: 'Hi' };
const email = {
	channels: ['email'],
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
	emailSubject: 'Hello',
	emailBody: '<p>Hi</p>',
};
const card = {
	channels: ['content_card'],
	contentCardTitle: 'Sale',
	contentCardDescription: 'Now',
};

describe('Types › numbers', () => {
	it('refuses text where a number is expected, naming the field', async () => {
		const error = await expectRefused(
			{ ...android, androidPushOptions: { timeToLive: '={{ "abc" }}' } },
			'Android Push Options › Time to Live must be a number, but it is "abc"',
		);
		expect(error.description).toContain('Enter a number in "Android Push Options › Time to Live"');
	});

	it('refuses a number followed by text', async () => {
		await expectRefused(
			{ ...applePushMessage, applePushOptions: { badge: '={{ "3 items" }}' } },
			'Apple Push Options › Badge must be a number, but it is "3 items"',
		);
	});

	it('accepts a numeric string and sends it as a number', async () => {
		const message = await sentMessage(
			{ ...android, androidPushOptions: { timeToLive: '={{ "3600" }}' } },
			'android_push',
		);
		expect(message).toEqual({ title: 'Hello', alert: 'Hi', time_to_live: 3600 });
		expect(typeof message.time_to_live).toBe('number');
	});

	it('accepts a numeric string for a top-level number field (content card time to live)', async () => {
		const message = await sentMessage(
			{ ...card, contentCardTimeToLive: '={{ "86400" }}' },
			'content_card',
		);
		expect(message.time_to_live).toBe(86400);
	});

	it('refuses an Android time to live above 28 days', async () => {
		await expectRefused(
			{ ...android, androidPushOptions: { timeToLive: 2419201 } },
			'Android Push Options › Time to Live is 2419201; Braze accepts 0 to 2,419,200',
		);
	});

	it('refuses a fraction where Braze expects an integer', async () => {
		const result = await send({
			...android,
			androidPushOptions: { timeToLive: '={{ "3600.5" }}' },
		});
		expect(standIn.requests).toHaveLength(0);
		expect(result.error?.message).toContain('Android Push Options › Time to Live');
	});
});

describe('Types › booleans', () => {
	it('refuses a value that is not true or false, naming the field', async () => {
		const error = await expectRefused(
			{ ...smsMessage, smsOptions: { linkShorteningEnabled: '={{ "maybe" }}' } },
			'SMS Options › Link Shortening Enabled must be true or false, but it is "maybe"',
		);
		expect(error.description).toContain('Link Shortening Enabled');
	});

	it('accepts "true"/"false" strings and sends booleans', async () => {
		const message = await sentMessage(
			{
				...smsMessage,
				smsOptions: {
					linkShorteningEnabled: '={{ "true" }}',
					userClickTrackingEnabled: '={{ "false" }}',
				},
			},
			'sms',
		);
		expect(message).toEqual({
			...smsWire,
			link_shortening_enabled: true,
			user_click_tracking_enabled: false,
		});
	});
});

describe('Types › dates', () => {
	it('refuses text that is not a date, naming the field', async () => {
		const error = await expectRefused(
			{ ...applePushMessage, applePushOptions: { expiry: '={{ "not a date" }}' } },
			'Apple Push Options › Expiry must be a date, but it is "not a date"',
		);
		expect(error.description).toContain('ISO 8601');
	});

	it('refuses a content card expiry date that is not a date', async () => {
		await expectRefused(
			{ ...card, contentCardExpiry: 'expireAt', contentCardExpireAt: '={{ "next tuesday" }}' },
			'Content Card: Expire At must be a date, but it is "next tuesday"',
		);
	});

	it('sends a date with an offset as ISO 8601 in UTC', async () => {
		const message = await sentMessage(
			{ ...applePushMessage, applePushOptions: { expiry: '2030-06-01T14:30:00+02:00' } },
			'apple_push',
		);
		expect(message.expiry).toBe('2030-06-01T12:30:00.000Z');
	});
});

describe('Types › options', () => {
	it('refuses an unknown value given by an expression, listing the allowed ones', async () => {
		const error = await expectRefused(
			{ ...android, androidPushOptions: { androidPriority: '={{ "urgent" }}' } },
			'Android Push Options › Android Priority (FCM) cannot be "urgent"',
		);
		expect(error.description).toBe('Choose one of: high, normal.');
	});

	it('refuses an unknown top-level option (webhook method)', async () => {
		await expectRefused(
			{
				channels: ['webhook'],
				webhookUrl: 'https://hooks.acme.com',
				webhookRequestMethod: '={{ "PATCH" }}',
			},
			'Webhook: Request Method cannot be "PATCH"',
		);
	});

	it('refuses an unknown content card type', async () => {
		await expectRefused(
			{ ...card, contentCardType: '={{ "HERO" }}' },
			'Content Card: Type cannot be "HERO"',
		);
	});
});

describe('Types › required fields', () => {
	it('refuses an empty required field (n8n itself stops the workflow, naming the field)', async () => {
		await expect(send({ ...email, emailFrom: '' })).rejects.toThrow(
			'Parameter "Email: From" is required',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	it('refuses a required field whose expression gives an empty value, naming the field', async () => {
		const error = await expectRefused(
			{ ...email, emailFrom: '={{ $json.sender ?? "" }}' },
			'Email: From is required',
		);
		expect(error.description).toContain('Fill in "Email: From"');
	});

	it('refuses a required field whose expression gives nothing', async () => {
		await expectRefused({ ...smsMessage, smsBody: '={{ "" }}' }, 'SMS: Body is required');
	});

	it('refuses an email without body or template', async () => {
		await expectRefused({ ...email, emailBody: '' }, 'Email needs a body or a template');
	});

	it('refuses an Apple push without alert (and without Content Available)', async () => {
		await expectRefused(
			{ channels: ['apple_push'], applePushTitle: '' },
			'Apple Push: Alert is required',
		);
	});

	it('refuses no channel at all', async () => {
		await expect(send({ channels: [] })).rejects.toThrow('Parameter "Channels" is required');
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Types › channel rules', () => {
	it('refuses a Captioned Image content card without image', async () => {
		await expectRefused(
			{ ...card, contentCardType: 'CAPTIONED_IMAGE' },
			'Content Card: Image URL is required for a CAPTIONED_IMAGE card',
		);
	});

	it('refuses a Banner content card without image', async () => {
		await expectRefused(
			{ ...card, contentCardType: 'BANNER' },
			'Content Card: Image URL is required for a BANNER card',
		);
	});

	it('refuses a content card expiry date more than 30 days away', async () => {
		await expectRefused(
			{ ...card, contentCardExpiry: 'expireAt', contentCardExpireAt: daysFromNow(31) },
			'Content Card: Expire At is more than 30 days away',
		);
	});

	it('accepts a content card expiry date 29 days away', async () => {
		const message = await sentMessage(
			{ ...card, contentCardExpiry: 'expireAt', contentCardExpireAt: daysFromNow(29) },
			'content_card',
		);
		expect(typeof message.expire_at).toBe('string');
		expect(message.time_to_live).toBeUndefined();
	});

	it('refuses a content card time to live over 30 days', async () => {
		await expectRefused(
			{ ...card, contentCardTimeToLive: 30 * 86400 + 1 },
			'Content Card: Time to Live (Seconds) is 2592001; Braze accepts 1 to 2,592,000',
		);
	});

	it('refuses an Apple asset URL without file type', async () => {
		await expectRefused(
			{ ...applePushMessage, applePushOptions: { assetUrl: 'https://cdn.acme.com/box.jpg' } },
			'Apple Push › Asset URL needs an Asset File Type',
		);
	});

	it('refuses a campaign ID when a channel has no message variation ID, naming the channel', async () => {
		const error = await expectRefused(
			{ ...android, options: { campaignId: 'campaign-1' } },
			'Android Push needs a Message Variation ID because a Campaign ID is set',
		);
		expect(error.description).toContain('Android Push Options › Message Variation ID');
	});

	it('names the channel that lacks its variation when others have theirs', async () => {
		await expectRefused(
			{
				...email,
				...smsMessage,
				channels: ['email', 'sms'],
				emailOptions: { messageVariationId: 'email-var' },
				options: { campaignId: 'campaign-1' },
			},
			'SMS needs a Message Variation ID because a Campaign ID is set',
		);
	});
});

describe('Types › send ID', () => {
	it('refuses a non-ASCII send ID', async () => {
		await expectRefused(
			{ ...smsMessage, options: { sendId: 'café-launch' } },
			'Options › Send ID must contain only ASCII characters',
		);
	});

	it('refuses a send ID over 64 characters', async () => {
		await expectRefused(
			{ ...smsMessage, options: { sendId: 'x'.repeat(65) } },
			'Options › Send ID is 65 characters long; Braze accepts at most 64',
		);
	});

	it('accepts a 64-character ASCII send ID', async () => {
		await sentMessage({ ...smsMessage, options: { sendId: 'x'.repeat(64) } }, 'sms');
		expect(standIn.requests[0].body?.send_id).toBe('x'.repeat(64));
	});
});

describe('Types › top-level send options', () => {
	it('sends every option with its Braze key and type', async () => {
		const result = await send({
			...smsMessage,
			options: {
				campaignId: 'campaign-1',
				overrideFrequencyCapping: true,
				recipientSubscriptionState: 'all',
				sendId: 'launch-1',
			},
			smsOptions: { messageVariationId: 'sms-var' },
		});
		expect(result.error?.message).toBeUndefined();
		expect(standIn.requests[0].body).toEqual({
			external_user_ids: ['user-1'],
			broadcast: false,
			campaign_id: 'campaign-1',
			override_frequency_capping: true,
			recipient_subscription_state: 'all',
			send_id: 'launch-1',
			messages: {
				sms: {
					...smsWire,
					message_variation_id: 'sms-var',
				},
			},
		});
	});

	it('refuses an unknown recipient subscription state', async () => {
		await expectRefused(
			{ ...smsMessage, options: { recipientSubscriptionState: '={{ "everyone" }}' } },
			'Options › Recipient Subscription State cannot be "everyone"',
		);
	});
});
