import type { INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report, resend, resendIf } from '../../transport/request/unclearAnswers';
import { onlySetsAttributes } from './repeatable';
import { resourceProperties } from '../resource';
import { addAliasProperties, buildAlias } from './addAlias';
import { identityBatch, trackBatch } from './batching';
import { aliasProperties } from './aliasFields';
import { buildDelete, deleteNotice, deleteProperties } from './delete';
import { occurrenceProperties } from './eventFields';
import { updateExistingOnlyProperty } from './updateExistingOnly';
import { buildIdentify, identifyProperties } from './identify';
import { identityProperties } from './identity';
import { userOptionsProperty } from './options';
import { buildEvent, trackEventProperties } from './trackEvent';
import { buildPurchase, trackPurchaseProperties } from './trackPurchase';
import { buildAttributes, upsertProperties } from './upsert';

// Each operation: its form words, its endpoint and permission, the step that builds its object,
// and how its items share requests. https://www.braze.com/docs/api/endpoints/user_data/
const operations: OperationSpec[] = [
	{
		name: 'Add Alias',
		value: 'addAlias',
		action: 'Add an alias to a user',
		description:
			'Add an alias to a user, or create an alias-only profile (the New User Alias endpoint). Items share requests of up to 50.',
		url: '/users/alias/new',
		permission: 'users.alias.new',
		prepare: [buildAlias],
		onUnclearAnswer: resend(CHANGES.alias),
		batch: identityBatch(['user_aliases'], (objects) => {
			const [alias] = objects.user_aliases ?? [];
			return {
				alias_name: alias?.alias_name,
				alias_label: alias?.alias_label,
				...(alias?.external_id ? { external_id: alias.external_id } : {}),
			};
		}),
	},
	{
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a user',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		url: '/users/track',
		permission: 'users.track',
		prepare: [buildAttributes],
		onUnclearAnswer: resendIf(onlySetsAttributes, CHANGES.profileUpdate),
		perUserWrite: true,
		batch: trackBatch('attributes'),
	},
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a user',
		description:
			'Delete users and all their data from Braze, for good (the Delete Users endpoint). Needs Confirm Deletion. Items share requests of up to 50.',
		url: '/users/delete',
		permission: 'users.delete',
		prepare: [buildDelete],
		onUnclearAnswer: resend(CHANGES.deletion),
		batch: identityBatch(
			['external_ids', 'braze_ids', 'user_aliases', 'email_addresses', 'phone_numbers'],
			(objects) => {
				const [kind, [entry]] = Object.entries(objects)[0] ?? ['', []];
				return { [kind]: [entry] };
			},
		),
	},
	{
		name: 'Identify',
		value: 'identify',
		action: 'Identify an alias-only user',
		description:
			'Give an alias-only profile an external ID, merging it into the user with that ID if there is one (the Identify Users endpoint). Items share requests of up to 50.',
		url: '/users/identify',
		permission: 'users.identify',
		prepare: [buildIdentify],
		onUnclearAnswer: resend(CHANGES.identification),
		batch: identityBatch(['aliases_to_identify']),
	},
	{
		name: 'Track Event',
		value: 'trackEvent',
		action: 'Track a custom event',
		description:
			"Record a custom event on the user's profile (the Track Users endpoint, events). Items share requests of up to 75.",
		url: '/users/track',
		permission: 'users.track',
		prepare: [buildEvent],
		onUnclearAnswer: report(CHANGES.event),
		perUserWrite: true,
		batch: trackBatch('events'),
	},
	{
		name: 'Track Purchase',
		value: 'trackPurchase',
		action: 'Track a purchase',
		description:
			"Record a purchase on the user's profile (the Track Users endpoint, purchases). Items share requests of up to 75.",
		url: '/users/track',
		permission: 'users.track',
		prepare: [buildPurchase],
		onUnclearAnswer: report(CHANGES.purchase),
		perUserWrite: true,
		batch: trackBatch('purchases'),
	},
];

export const userProperties: INodeProperties[] = resourceProperties(
	'user',
	operations,
	[
		deleteNotice,
		...identityProperties,
		...upsertProperties,
		...trackEventProperties,
		...trackPurchaseProperties,
		...occurrenceProperties,
		updateExistingOnlyProperty,
		...identifyProperties,
		...aliasProperties,
		...addAliasProperties,
		...deleteProperties,
		userOptionsProperty(
			'user',
			operations.map((operation) => operation.value),
		),
	],
	'upsert',
);
