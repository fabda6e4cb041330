import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showForSend } from './displayOptions';
import { invalidInput } from './validationError';

const MAX_SEND_ID_LENGTH = 64;

export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description: 'Campaign tracking, send ID, frequency capping and subscription state for this send',
	displayOptions: showForSend(),
	options: [
		{
			displayName: 'Campaign ID',
			name: 'campaignId',
			type: 'string',
			default: '',
			description:
				'The API campaign to track this send under, so it shows in campaign analytics. When set, every channel needs its Message Variation ID (in its options).',
			routing: { send: { type: 'body', property: 'campaign_id' } },
		},
		{
			displayName: 'Override Frequency Capping',
			name: 'overrideFrequencyCapping',
			type: 'boolean',
			default: false,
			description: "Whether to ignore the workspace's frequency capping for this send",
			routing: { send: { type: 'body', property: 'override_frequency_capping' } },
		},
		{
			displayName: 'Recipient Subscription State',
			name: 'recipientSubscriptionState',
			type: 'options',
			default: 'subscribed',
			description: 'Which users receive the message, by their subscription state',
			options: [
				{
					name: 'All (Including Unsubscribed)',
					value: 'all',
					description:
						'Every targeted user, including unsubscribed ones; for transactional messages',
				},
				{
					name: 'Opted In Only',
					value: 'opted_in',
					description: 'Only users who explicitly opted in',
				},
				{
					name: 'Subscribed or Opted In',
					value: 'subscribed',
					description: "Braze's default: users who are subscribed or opted in",
				},
			],
			routing: { send: { type: 'body', property: 'recipient_subscription_state' } },
		},
		{
			displayName: 'Send ID',
			name: 'sendId',
			type: 'string',
			default: '',
			description:
				'A send identifier for per-send analytics (ASCII, at most 64 characters). Create it first in Braze (the Create Send ID endpoint).',
			routing: { send: { type: 'body', property: 'send_id' } },
		},
	],
};

/** Send ID: all ASCII, at most 64 characters (§2). */
export function assertValidSendId(context: IExecuteSingleFunctions, body: IDataObject): void {
	const sendId = body.send_id;
	if (typeof sendId !== 'string') return;
	if (!/^[\x20-\x7e]*$/.test(sendId)) {
		throw invalidInput(
			context,
			'Send ID must contain only ASCII characters',
			'Use plain letters, digits and punctuation (no accents, emoji or line breaks) in Options › Send ID.',
		);
	}
	if (sendId.length > MAX_SEND_ID_LENGTH) {
		throw invalidInput(
			context,
			`Send ID is ${sendId.length} characters long; Braze accepts at most ${MAX_SEND_ID_LENGTH}`,
			'Shorten Options › Send ID.',
		);
	}
}
