import type { INodeProperties } from 'n8n-workflow';

import { dryRunOption } from '../transport/dryRun';
import { batchItemsOption } from './batchItems';
import {
	DEFAULT_MAX_WAIT_ON_RATE_LIMIT,
	DEFAULT_TIMEOUT_SECONDS,
} from '../transport/request/settings';
import { showFor } from '../helpers/form/displayOptions';
import { brazeIdLocator } from '../helpers/form/locator';

/** The Message operations whose Options collection this is. */
const MESSAGE_REQUEST_OPERATIONS = [
	'send',
	'schedule',
	'updateSchedule',
	'deleteSchedule',
	'listScheduled',
];
/** Collection options are shown relative to the collection: '/operation' is the root field. */
const onlyFor = (...operations: string[]) => ({ show: { '/operation': operations } });

export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'Campaign tracking, send ID, frequency capping or messaging limits, subscription state, dry run, timeout, and how to handle rate limits and server errors',
	displayOptions: { show: { resource: ['message'], operation: MESSAGE_REQUEST_OPERATIONS } },
	options: [
		{ ...batchItemsOption, displayOptions: onlyFor('send') },
		{
			displayName: 'Campaign ID',
			name: 'campaignId',
			...brazeIdLocator('searchCampaigns', 'cmp-0a1b2c3d'),
			description:
				'The API campaign to track this send under, so it shows in campaign analytics. When set, every channel needs its Message Variation ID (in its options).',
			displayOptions: onlyFor('send', 'schedule'),
			routing: { send: { type: 'body', property: 'campaign_id' } },
		},
		dryRunOption,
		{
			displayName: 'Max Wait on Rate Limit',
			name: 'maxWaitOnRateLimit',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_WAIT_ON_RATE_LIMIT,
			description:
				"The longest the node waits, in seconds, for Braze's rate limit to reset before sending again (default 60). A rate-limited request was not sent, so sending it after the reset is safe. When the reset is further away, the item fails with the reset time. Braze's hourly limit resets on the clock hour: up to 3600 waits it out. 0 never waits.",
		},
		{
			displayName: 'Override Frequency Capping',
			name: 'overrideFrequencyCapping',
			type: 'boolean',
			default: false,
			description: "Whether to ignore the workspace's frequency capping for this send",
			displayOptions: onlyFor('send'),
			routing: { send: { type: 'body', property: 'override_frequency_capping' } },
		},
		{
			displayName: 'Override Messaging Limits',
			name: 'overrideMessagingLimits',
			type: 'boolean',
			default: false,
			description:
				"Whether to ignore the workspace's global rate limits and frequency capping for this scheduled message (Braze's override_messaging_limits; the schedule endpoint's counterpart of Override Frequency Capping)",
			displayOptions: onlyFor('schedule'),
			routing: { send: { type: 'body', property: 'override_messaging_limits' } },
		},
		{
			displayName: 'Recipient Subscription State',
			name: 'recipientSubscriptionState',
			type: 'options',
			default: 'subscribed',
			description: 'Which users receive the message, by their subscription state',
			displayOptions: onlyFor('send', 'schedule'),
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
			displayName: 'Retry Server Errors',
			name: 'retryServerErrors',
			type: 'boolean',
			default: false,
			description:
				// The operations named here declare `resend` for an unclear answer (unclearAnswers.ts).
				'Whether to send again (up to twice, after 1 s, then 3 s) after a 5xx, a timeout or a connection dropped after sending, only where a second try comes out the same: User › Create or Update (without Increment By, $add or $update), Identify, Add Alias, Delete; Subscription Group › Set Status; Update and Delete Schedule; Send ID › Create with a Send ID; Email Template and Content Block › Update. Everything else ignores it: sends, triggers, new schedules, Live Activities, events and purchases are never sent again (the item fails, saying what may have happened); a Transactional Email with a key is resent under it whatever this says.',
		},
		{
			displayName: 'Send ID',
			name: 'sendId',
			type: 'string',
			default: '',
			description:
				'A send identifier for per-send analytics (ASCII, at most 64 characters). Create it first in Braze (the Create Send ID endpoint).',
			displayOptions: onlyFor('send', 'schedule'),
			routing: { send: { type: 'body', property: 'send_id' } },
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long, in seconds, to wait for an answer from Braze (default 30). A request that gets no answer in time may or may not have been acted on: the item fails and says so, and is sent again only where Retry Server Errors allows it.',
		},
	],
};

/** Send's options, to pick from by name. */
const sendOptionFields = (sendOptionsProperty.options ?? []).filter(
	(option): option is INodeProperties => 'displayName' in option && 'type' in option,
);

/**
 * An Options collection for an operation other than Send, made of Send's own options picked by
 * name (same routing and defaults): the executor reads Max Wait on Rate Limit, Retry Server
 * Errors and Dry Run from `options` whatever the operation. A name Send's collection lacks is
 * skipped. `extra`: the operation's own options, e.g. fields version 2 moved into Options
 * (kept with their own display conditions), sorted in by name.
 */
export function optionsPropertyFor(
	resource: string,
	operation: string,
	names: string[],
	description: string,
	extra: INodeProperties[] = [],
): INodeProperties {
	const picked = sendOptionFields
		.filter((option) => names.includes(option.name))
		.map((option) => {
			// Shown whenever the collection is: Send's own conditions name Message operations.
			const copy = { ...option };
			delete copy.displayOptions;
			return copy;
		});
	const options = [...picked, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		...sendOptionsProperty,
		description,
		displayOptions: showFor(resource, [operation]),
		options,
	};
}
