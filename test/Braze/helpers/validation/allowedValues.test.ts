import type { IDataObject } from 'n8n-workflow';

import { collectBodyFields } from '../../../../nodes/Braze/helpers/body/fields';
import { Braze } from '../../../../nodes/Braze/Braze.node';
import { CHECKED_ID_KEYS } from '../../../../nodes/Braze/helpers/validation/brazeId';
import { runBrazeNode } from '../../../helpers/engine';
import { standInCredentials, useStandIn } from '../../../helpers/standIn';
import { applePushMessage, emailMessage, smsMessage } from '../../../helpers/fixtures';

// Issue 20 § 3, Message side. The refusals are cases of badInput.cases.ts; this file checks
// that the new rules leave good values alone, and that every ID field has a rule or a reason.

const standIn = useStandIn();

const SEND = { resource: 'message', operation: 'send', externalUserIds: 'u1' };
const UUID = '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

async function sentBody(parameters: IDataObject): Promise<IDataObject> {
	const result = await runBrazeNode({
		parameters: parameters as never,
		credentials: standInCredentials(standIn),
	});
	expect(result.error).toBeUndefined();
	expect(standIn.requests).toHaveLength(1);
	expect(standIn.requests[0].status).toBeLessThan(300);
	return standIn.requests[0].body as IDataObject;
}

const messageOf = (body: IDataObject, channel: string) =>
	(body.messages as IDataObject)[channel] as IDataObject;

describe('IDs', () => {
	it("sends Braze's UUID-shaped IDs, and IDs at the 128-character bound, as they are", async () => {
		const long = `seg_${'a'.repeat(124)}`;
		const body = await sentBody({
			...SEND,
			...emailMessage,
			emailAppId: UUID,
			externalUserIds: 'u1',
			segmentId: rl(long),
			options: { campaignId: rl(UUID) },
			emailOptions: { messageVariationId: UUID, emailTemplateId: rl(UUID) },
		});
		expect(body).toMatchObject({ campaign_id: UUID, segment_id: long });
		expect(messageOf(body, 'email')).toMatchObject({
			app_id: UUID,
			message_variation_id: UUID,
			email_template_id: UUID,
		});
	});

	it('sends a Live Activity ID with punctuation: it is the user’s own name', async () => {
		const activityId = `match:2026/07.14 #7 ${'x'.repeat(235)}`;
		expect([...activityId]).toHaveLength(255);
		const body = await sentBody({
			resource: 'liveActivity',
			operation: 'update',
			liveActivityAppId: UUID,
			activityId,
			contentState: '{"score": "1-0"}',
		});
		expect(body).toMatchObject({ app_id: UUID, activity_id: activityId });
	});

	it('has a rule for every ID field the form routes, or a reason to leave it to Braze', () => {
		// The app's own text, which Braze passes on to the device or to WhatsApp.
		const appText = [
			'collapse_id',
			'notification_group_thread_id',
			'notification_channel_id',
			'notification_id',
			'flow_id',
		];
		const keys = new Set(
			collectBodyFields(new Braze().description.properties)
				.map((field) => field.path.slice(field.path.lastIndexOf('.') + 1))
				.filter((key) => key.endsWith('_id')),
		);
		const unchecked = [...keys].filter(
			(key) => !CHECKED_ID_KEYS.includes(key) && !appText.includes(key),
		);
		expect(unchecked).toEqual([]);
		// Every rule is used by some field of the form (or by Transactional Email's path).
		expect(CHECKED_ID_KEYS.filter((key) => !keys.has(key))).toEqual([]);
	});
});

describe('Message › Send values that stay allowed', () => {
	it('sends a badge of 0, which clears the badge', async () => {
		const body = await sentBody({ ...SEND, ...applePushMessage, applePushOptions: { badge: 0 } });
		expect(messageOf(body, 'apple_push').badge).toBe(0);
	});

	it('sends SMS user click tracking with link shortening on', async () => {
		const body = await sentBody({
			...SEND,
			...smsMessage,
			smsOptions: { linkShorteningEnabled: true, userClickTrackingEnabled: true },
		});
		expect(messageOf(body, 'sms')).toMatchObject({
			link_shortening_enabled: true,
			user_click_tracking_enabled: true,
		});
	});

	it.each([
		['a bare From address', { emailFrom: 'news@acme.com' }],
		['a From display name in Liquid', { emailFrom: '{{campaign.${name}}} <news@acme.com>' }],
		['Reply To NO_REPLY_TO', { emailOptions: { replyTo: 'NO_REPLY_TO' } }],
		['Reply To in Liquid', { emailOptions: { replyTo: '{{custom_attribute.${rep}}}' } }],
	])('sends %s', async (_name, change) => {
		const body = await sentBody({ ...SEND, ...emailMessage, ...change });
		expect(messageOf(body, 'email').from).toBe(
			(change as IDataObject).emailFrom ?? emailMessage.emailFrom,
		);
	});

	it("sends a button of the app's own category that opens a deep link", async () => {
		const body = await sentBody({
			...SEND,
			...applePushMessage,
			applePushOptions: {
				category: 'order_actions',
				buttons: { button: [{ actionId: 'track', action: 'DEEP_LINK', uri: 'acme://orders/7' }] },
			},
		});
		expect(messageOf(body, 'apple_push').buttons).toEqual([
			{ action_id: 'track', action: 'DEEP_LINK', uri: 'acme://orders/7', use_webview: true },
		]);
	});

	it("sends a default category's buttons without an action, for Braze's default", async () => {
		const body = await sentBody({
			...SEND,
			...applePushMessage,
			applePushOptions: {
				category: 'ab_cat_accept_decline',
				additionalJson: JSON.stringify({
					buttons: [{ action_id: 'ab_pb_accept' }, { action_id: 'ab_pb_decline' }],
				}),
			},
		});
		expect(messageOf(body, 'apple_push').buttons).toEqual([
			{ action_id: 'ab_pb_accept' },
			{ action_id: 'ab_pb_decline' },
		]);
	});
});
