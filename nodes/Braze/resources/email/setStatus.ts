import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { addEmails } from './fields/emails';
import { listBatch } from './fields/listBatch';

/**
 * Email › Set Subscription Status: POST /email/status sets the global email subscription state
 * of addresses (subscribed, unsubscribed, opted in), also of addresses no user has yet: Braze
 * applies it when one does. Subscription groups are Subscription Group › Set Status.
 * https://www.braze.com/docs/api/endpoints/email/post_email_subscription_status
 */
const STATES = ['subscribed', 'unsubscribed', 'opted_in'];

export const setStatusProperties: INodeProperties[] = [
	{
		displayName: 'Subscription State',
		name: 'subscriptionState',
		type: 'options',
		default: 'unsubscribed',
		description: 'The global email subscription state to set (subscription_state)',
		displayOptions: showFor('email', ['setStatus']),
		options: [
			{
				name: 'Opted In',
				value: 'opted_in',
				description:
					'Explicitly confirmed: receives emails, also those sent to opted-in users only',
			},
			{
				name: 'Subscribed',
				value: 'subscribed',
				description: 'Receives emails (neither opted in nor unsubscribed)',
			},
			{ name: 'Unsubscribed', value: 'unsubscribed', description: 'Receives no email' },
		],
	},
];

function addState(context: IExecuteSingleFunctions, body: BrazeBody): void {
	const state = context.getNodeParameter('subscriptionState', 'unsubscribed');
	if (!STATES.includes(String(state))) {
		throw invalidInput(
			context,
			`Subscription State must be Opted In, Subscribed or Unsubscribed, but it is ${JSON.stringify(state)}`,
			'Pick one of the three (an expression must give opted_in, subscribed or unsubscribed).',
		);
	}
	body.subscription_state = String(state);
}

export const setStatusOperation: OperationSpec = {
	name: 'Set Subscription Status',
	value: 'setStatus',
	action: 'Set the email subscription status of addresses',
	description:
		'Set the global email subscription state (subscribed, unsubscribed or opted in) of email addresses, e.g. to apply an unsubscribe recorded in a CRM; works for addresses no Braze user has yet. Items with the same state share requests of up to 50 addresses.',
	url: '/email/status',
	permission: 'email.status',
	prepare: [addEmails, addState],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CHANGES.emailStatus),
	batch: listBatch('email', 'subscription_state'),
};
