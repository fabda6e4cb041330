import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { assertBrazeId } from '../../helpers/validation/brazeId';
import { booleanField, textField, userIdField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { emailAddress, accepted, phoneNumber } from '../../helpers/validation/userData';

/** Braze updates at most 50 users per request. */
export const MAX_USERS_PER_STATUS_REQUEST = 50;
const show = (extra: IDataObject = {}) => ({
	show: { resource: ['subscriptionGroup'], operation: ['setStatus'], ...extra },
});

/**
 * Subscription Group › Set Status: subscribes users to an email or SMS group, or unsubscribes
 * them. Items share /v2/subscription/status/set requests of up to 50 users.
 * https://www.braze.com/docs/api/endpoints/subscription_groups/post_update_user_subscription_group_status_v2
 */
export const setStatusProperties: INodeProperties[] = [
	{
		displayName: 'Subscription Group ID',
		name: 'subscriptionGroupId',
		type: 'string',
		default: '',
		required: true,
		description:
			'The email or SMS group (subscription_group_id), from Audience › Subscriptions in Braze',
		displayOptions: show(),
	},
	{
		displayName: 'Status',
		name: 'subscriptionState',
		type: 'options',
		options: [
			{
				name: 'Subscribed',
				value: 'subscribed',
				description: 'The users receive messages of this group',
			},
			{
				name: 'Unsubscribed',
				value: 'unsubscribed',
				description: 'The users receive no messages of this group',
			},
		],
		default: 'subscribed',
		description: 'The state to set (subscription_state)',
		displayOptions: show(),
	},
	{
		displayName: 'Users By',
		name: 'usersBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Email', value: 'emails', description: 'Email groups only' },
			{ name: 'External ID', value: 'external_ids', description: 'Email and SMS groups' },
			{ name: 'Phone', value: 'phones', description: 'SMS groups only, E.164 numbers' },
		],
		default: 'external_ids',
		description:
			'How the users are named; every item of the node uses the same kind, since Braze refuses emails and phones in one request',
		displayOptions: show(),
	},
	{
		displayName: 'Users',
		name: 'subscriptionUsers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm-7; crm-8',
		description:
			'The users of this item: one, several separated by semicolons, or a list from an expression. Braze also updates every profile that shares an email address or phone number.',
		displayOptions: show(),
	},
	{
		displayName: 'Use Double Opt-In',
		name: 'useDoubleOptIn',
		type: 'boolean',
		default: false,
		description:
			'Whether subscribing sends SMS users into the double opt-in flow (use_double_opt_in_logic). SMS groups only.',
		displayOptions: show({ usersBy: ['external_ids', 'phones'] }),
	},
];

function usersOf(context: IExecuteSingleFunctions, kind: string): string[] {
	const raw = context.getNodeParameter('subscriptionUsers', '') as unknown;
	const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(';') : [raw];
	const users: string[] = [];
	for (const value of values) {
		const text =
			kind === 'external_ids'
				? userIdField(context, value, 'Users')
				: textField(context, value, 'Users');
		if (text === '') continue;
		if (kind === 'emails') users.push(accepted(context, 'Users: ', emailAddress(text)));
		else if (kind === 'phones') users.push(accepted(context, 'Users: ', phoneNumber(text)));
		else users.push(text);
	}
	return [...new Set(users)];
}

export function buildStatus(context: IExecuteSingleFunctions, body: IDataObject): void {
	const groupId = userIdField(
		context,
		context.getNodeParameter('subscriptionGroupId', ''),
		'Subscription Group ID',
	);
	if (!groupId)
		throw invalidInput(
			context,
			'Subscription Group ID is empty',
			'Fill in the group ID from Audience › Subscriptions.',
		);
	assertBrazeId(context, 'subscription_group_id', groupId, 'Subscription Group ID');
	const state = String(context.getNodeParameter('subscriptionState', 'subscribed'));
	const kind = context.getNodeParameter('usersBy', 'external_ids') as string;
	const users = usersOf(context, kind);
	if (users.length === 0) throw invalidInput(context, 'Users is empty', 'Give at least one user.');
	if (users.length > MAX_USERS_PER_STATUS_REQUEST) {
		throw invalidInput(
			context,
			`Users holds ${users.length} users`,
			`Braze updates at most ${MAX_USERS_PER_STATUS_REQUEST} users per request: give at most ${MAX_USERS_PER_STATUS_REQUEST} per item (the node groups items into requests).`,
		);
	}
	const entry: IDataObject = {
		subscription_group_id: groupId,
		subscription_state: state,
		[kind]: users,
	};
	if (
		kind !== 'emails' &&
		booleanField(
			context,
			context.getNodeParameter('useDoubleOptIn', false),
			'Use Double Opt-In',
			false,
		)
	) {
		entry.use_double_opt_in_logic = true;
	}
	body.subscription_groups = [entry];
}

/** The lists that name an entry's users: one of them per entry, as Users By says. */
const USER_LISTS = ['external_ids', 'emails', 'phones'];
const usersIn = (entry: IDataObject) =>
	USER_LISTS.reduce((sum, key) => {
		const users = entry[key];
		return sum + (Array.isArray(users) ? users.length : 0);
	}, 0);

export const setStatusOperation: OperationSpec = {
	name: 'Set Status',
	value: 'setStatus',
	action: 'Set the subscription status of users',
	description:
		'Subscribe users to an email or SMS subscription group, or unsubscribe them, by external ID, email or phone (the Update User Subscription Group Status V2 endpoint). Use it when a user opts in or out of a newsletter or SMS list, e.g. from a form or a reply. Items share requests of up to 50 users.',
	url: '/v2/subscription/status/set',
	permission: 'subscription.status.set',
	prepare: [buildStatus],
	onUnclearAnswer: resend(CHANGES.subscription),
	// Items share requests of up to 50 users in all, counted across the entries' user lists.
	batch: {
		arrays: ['subscription_groups'],
		limits: () => ({ total: MAX_USERS_PER_STATUS_REQUEST, weight: usersIn }),
		describe: (objects) => {
			const [entry = {}] = objects.subscription_groups ?? [];
			const users = USER_LISTS.find((key) => entry[key] !== undefined);
			return {
				subscription_group_id: entry.subscription_group_id,
				subscription_state: entry.subscription_state,
				...(users ? { [users]: entry[users] } : {}),
			};
		},
	},
};
