import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField, idField, textField } from '../../validation/fieldValues';
import { invalidInput } from '../../validation/invalidInput';
import { emailAddress, isProblem, phoneNumber } from '../../validation/userData';
import { aliasOf } from './aliasFields';

const show = (deleteBy?: string) => ({
	show: {
		resource: ['user'],
		operation: ['delete'],
		...(deleteBy ? { deleteBy: [deleteBy] } : {}),
	},
});

/**
 * User › Delete: removes users and all their data, for good. Items share /users/delete requests
 * of up to 50, all of one identifier kind (Braze takes one kind per request).
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_delete
 */
export const deleteProperties: INodeProperties[] = [
	{
		displayName:
			'Deleting a user removes the profile and all its data from Braze. It cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		description: 'Deletion is permanent',
		displayOptions: show(),
	},
	{
		displayName: 'Confirm Deletion',
		name: 'confirmDelete',
		type: 'boolean',
		default: false,
		required: true,
		description:
			'Whether you mean to delete these users for good; nothing is deleted while this is off',
		displayOptions: show(),
	},
	{
		displayName: 'Delete User By',
		name: 'deleteBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Braze ID', value: 'brazeId', description: 'The ID Braze gave the user (braze_ids)' },
			{
				name: 'Email',
				value: 'email',
				description: 'The email address on the profile (email_addresses)',
			},
			{
				name: 'External ID',
				value: 'externalId',
				description: 'Your own ID for the user (external_ids)',
			},
			{
				name: 'Phone',
				value: 'phone',
				description: 'The phone number on the profile (phone_numbers)',
			},
			{
				name: 'User Alias',
				value: 'userAlias',
				description: 'An alias name and label (user_aliases)',
			},
		],
		default: 'externalId',
		description: 'How the user to delete is named; every item of the node uses the same kind',
		displayOptions: show(),
	},
	{
		displayName: 'External ID',
		name: 'deleteExternalId',
		type: 'string',
		default: '',
		description: 'Your ID for the user to delete (external_ids)',
		required: true,
		displayOptions: show('externalId'),
	},
	{
		displayName: 'Braze ID',
		name: 'deleteBrazeId',
		type: 'string',
		default: '',
		description: 'The braze_id of the user to delete (braze_ids)',
		required: true,
		displayOptions: show('brazeId'),
	},
	{
		displayName: 'Alias Name',
		name: 'newAliasName',
		type: 'string',
		default: '',
		required: true,
		description: 'The alias name of the user to delete (alias_name); case sensitive',
		displayOptions: show('userAlias'),
	},
	{
		displayName: 'Alias Label',
		name: 'newAliasLabel',
		type: 'string',
		default: '',
		required: true,
		description: 'The alias label of the user to delete (alias_label)',
		displayOptions: show('userAlias'),
	},
	{
		displayName: 'Email',
		name: 'deleteEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'The email address of the user to delete (email_addresses)',
		required: true,
		displayOptions: show('email'),
	},
	{
		displayName: 'Phone',
		name: 'deletePhone',
		type: 'string',
		default: '',
		description: 'The phone number of the user to delete, in E.164 form (phone_numbers)',
		required: true,
		placeholder: '+14155552671',
		displayOptions: show('phone'),
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
			show: { resource: ['user'], operation: ['delete'], deleteBy: ['email', 'phone'] },
		},
	},
];

/** The array each kind goes in; a request holds one kind. */
const ARRAYS: Record<string, string> = {
	externalId: 'external_ids',
	brazeId: 'braze_ids',
	userAlias: 'user_aliases',
	email: 'email_addresses',
	phone: 'phone_numbers',
};

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
	const by = context.getNodeParameter('deleteBy', 'externalId') as string;
	const prioritization = () => {
		const first = String(context.getNodeParameter('deletePrioritization', 'identified'));
		return first === 'most_recently_updated' ? [first] : [first, 'most_recently_updated'];
	};
	let entry: IDataObject | string;
	if (by === 'userAlias') entry = aliasOf(context);
	else if (by === 'email') {
		const checked = emailAddress(
			textField(context, context.getNodeParameter('deleteEmail', ''), 'Email'),
		);
		if (isProblem(checked)) throw invalidInput(context, `Email: ${checked.problem}`, checked.fix);
		entry = { email: checked.value, prioritization: prioritization() };
	} else if (by === 'phone') {
		const checked = phoneNumber(
			textField(context, context.getNodeParameter('deletePhone', ''), 'Phone'),
		);
		if (isProblem(checked)) throw invalidInput(context, `Phone: ${checked.problem}`, checked.fix);
		entry = { phone: checked.value, prioritization: prioritization() };
	} else {
		const [name, label] =
			by === 'brazeId' ? ['deleteBrazeId', 'Braze ID'] : ['deleteExternalId', 'External ID'];
		entry = idField(context, context.getNodeParameter(name, ''), label);
		if (!entry)
			throw invalidInput(
				context,
				`${label} is empty`,
				`Fill in the ${label} of the user to delete.`,
			);
	}
	body[ARRAYS[by] ?? 'external_ids'] = [entry];
}
