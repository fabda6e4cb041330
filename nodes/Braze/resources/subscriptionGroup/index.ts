import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { resourceProperties } from '../resource';
import { userOptionsProperty } from '../user/options';
import { buildStatus, MAX_USERS_PER_STATUS_REQUEST, setStatusProperties } from './setStatus';

const USER_LISTS = ['external_ids', 'emails', 'phones'];
const usersIn = (entry: IDataObject) =>
	USER_LISTS.reduce(
		(sum, key) => sum + (Array.isArray(entry[key]) ? (entry[key] as unknown[]).length : 0),
		0,
	);

const setStatusOperation: OperationSpec = {
	name: 'Set Status',
	value: 'setStatus',
	action: 'Set the subscription status of users',
	description:
		'Subscribe users to an email or SMS subscription group, or unsubscribe them (the Update User Subscription Group Status V2 endpoint). Items share requests of up to 50 users.',
	url: '/v2/subscription/status/set',
	permission: 'subscription.status.set',
	prepare: [buildStatus],
	onUnclearAnswer: resend(CHANGES.subscription),
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

export const subscriptionGroupProperties: INodeProperties[] = resourceProperties(
	'subscriptionGroup',
	[setStatusOperation],
	[...setStatusProperties, userOptionsProperty('subscriptionGroup', ['setStatus'])],
	'setStatus',
);
