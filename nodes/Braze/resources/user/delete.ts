import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { booleanField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { identityBatch } from './batching';
import { userIdentifier } from './fields/identity';

const show = { show: { resource: ['user'], operation: ['delete'] } };

/** Shown first on Delete: what it does cannot be undone. */
export const deleteNotice: INodeProperties = {
	displayName:
		'Deleting a user removes the profile and all its data from Braze. It cannot be undone.',
	name: 'deleteNotice',
	type: 'notice',
	default: '',
	description: 'Deletion is permanent',
	displayOptions: show,
};

/**
 * User › Delete: removes users and all their data, for good. The user is named by the shared
 * "Identify User By" fields; items share /users/delete requests of up to 50, all of one kind
 * (Braze takes one kind per request, and Identify User By is the same for every item).
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_delete
 */
export const deleteProperties: INodeProperties[] = [
	{
		displayName: 'Confirm Deletion',
		name: 'confirmDelete',
		type: 'boolean',
		default: false,
		required: true,
		description:
			'Whether you mean to delete these users for good; nothing is deleted while this is off',
		displayOptions: show,
	},
	{
		displayName: 'If Several Profiles Match',
		name: 'deletePrioritization',
		type: 'options',
		options: [
			{
				name: 'Identified, Then Most Recently Updated',
				value: 'identified',
				description:
					'A profile with an external ID first; among several, the most recently updated',
			},
			{
				name: 'Most Recently Updated',
				value: 'most_recently_updated',
				description: 'The most recently updated profile',
			},
			{
				name: 'Unidentified, Then Most Recently Updated',
				value: 'unidentified',
				description:
					'A profile without an external ID first; among several, the most recently updated',
			},
		],
		default: 'identified',
		description:
			'Which profile with this email or phone is deleted (prioritization). If several still match, Braze deletes none.',
		displayOptions: {
			show: { resource: ['user'], operation: ['delete'], identifyBy: ['email', 'phone'] },
		},
	},
];

export function buildDelete(context: IExecuteSingleFunctions, body: IDataObject): void {
	if (
		!booleanField(
			context,
			context.getNodeParameter('confirmDelete', false),
			'Confirm Deletion',
			false,
		)
	) {
		throw invalidInput(
			context,
			'Confirm Deletion is off, so nothing was deleted',
			'Deleting removes the user and all their data for good. If that is what you want, switch on "Confirm Deletion".',
		);
	}
	const user = userIdentifier(context);
	const prioritization = () => {
		const first = String(context.getNodeParameter('deletePrioritization', 'identified'));
		return first === 'most_recently_updated' ? [first] : [first, 'most_recently_updated'];
	};
	// Each kind goes in its own list: https://www.braze.com/docs/api/endpoints/user_data/post_user_delete
	if (user.external_id !== undefined) body.external_ids = [user.external_id];
	else if (user.braze_id !== undefined) body.braze_ids = [user.braze_id];
	else if (user.user_alias !== undefined) body.user_aliases = [user.user_alias];
	else if (user.email !== undefined)
		body.email_addresses = [{ email: user.email, prioritization: prioritization() }];
	else body.phone_numbers = [{ phone: user.phone, prioritization: prioritization() }];
}

export const deleteOperation: OperationSpec = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description:
		'Delete a user and all their data from Braze, for good (the Delete Users endpoint), e.g. for a data erasure request. It cannot be undone; needs Confirm Deletion. Items share requests of up to 50.',
	url: '/users/delete',
	permission: 'users.delete',
	prepare: [buildDelete],
	onUnclearAnswer: resend(CHANGES.deletion),
	// Each item names one user; the output names the one kind and entry it sent.
	batch: identityBatch(
		['external_ids', 'braze_ids', 'user_aliases', 'email_addresses', 'phone_numbers'],
		(objects) => {
			const [kind, [entry]] = Object.entries(objects)[0] ?? ['', []];
			return { [kind]: [entry] };
		},
	),
};
