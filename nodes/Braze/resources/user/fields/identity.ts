import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { textField, userIdField } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import { aliasFrom } from './alias';
import { emailAddress, accepted, phoneNumber } from '../../../helpers/validation/userData';

/** The User operations that name one user per item, in each object they send. */
export const ONE_USER_OPERATIONS = ['upsert', 'trackEvent', 'trackPurchase', 'delete'];
/** The identifier fields also serve User › Get, whose own selector is "Look Up By" (get.ts). */
const IDENTIFIED_OPERATIONS = [...ONE_USER_OPERATIONS, 'get'];
const show = (identifyBy?: string) => ({
	show: {
		resource: ['user'],
		operation: identifyBy ? IDENTIFIED_OPERATIONS : ONE_USER_OPERATIONS,
		...(identifyBy ? { identifyBy: [identifyBy] } : {}),
	},
});
/** External ID and the alias: also Transactional Email › Send's recipient. */
const showWithTransactional = (identifyBy: string) => ({
	show: {
		resource: ['user', 'transactional'],
		operation: [...IDENTIFIED_OPERATIONS, 'send'],
		identifyBy: [identifyBy],
	},
});

/**
 * "Identify User By" and its fields, shared by the operations that send one object per user.
 * Braze needs exactly one identifier per object; the node sends the one picked here.
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_track
 */
export const identityProperties: INodeProperties[] = [
	{
		displayName: 'Identify User By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Braze ID', value: 'brazeId', description: 'The ID Braze gave the user' },
			{ name: 'Email', value: 'email', description: 'The email address on the profile' },
			{
				name: 'External ID',
				value: 'externalId',
				description: "Your own ID for the user, e.g. the CRM contact's ID",
			},
			{ name: 'Phone', value: 'phone', description: 'The phone number on the profile (E.164)' },
			{ name: 'User Alias', value: 'userAlias', description: 'An alias name and label' },
		],
		default: 'externalId',
		description:
			'How Braze finds the user (on Delete: the user to delete). With External ID a missing profile is created (unless Update Existing Only is on). With Email, the most recently updated profile with that address is updated, or a new email-only profile created; with Phone, only a valid E.164 number works.',
		displayOptions: show(),
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm-contact-7',
		description: 'Your ID for the user (external_id)',
		displayOptions: showWithTransactional('externalId'),
	},
	{
		displayName: 'Alias Name',
		name: 'aliasName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'lead-4821',
		description: 'The alias name (user_alias.alias_name); case sensitive',
		displayOptions: showWithTransactional('userAlias'),
	},
	{
		displayName: 'Alias Label',
		name: 'aliasLabel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm_lead_id',
		description: 'The alias label (user_alias.alias_label), the kind of alias',
		displayOptions: showWithTransactional('userAlias'),
	},
	{
		displayName: 'Braze ID',
		name: 'brazeId',
		type: 'string',
		default: '',
		required: true,
		description: 'The braze_id Braze gave the user',
		displayOptions: show('brazeId'),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The email address that identifies the user (email)',
		displayOptions: show('email'),
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+14155552671',
		description:
			'The phone number that identifies the user (phone), in E.164 form: + then the country code and number',
		displayOptions: show('phone'),
	},
];

/**
 * The identifier object of this item's user, checked: `{ external_id }`, `{ user_alias }`…
 * `selector`: the form's name of the identifyBy field, as the errors name it.
 */
export function userIdentifier(
	context: IExecuteSingleFunctions,
	selector = 'Identify User By',
): IDataObject {
	const identifyBy = context.getNodeParameter('identifyBy', 'externalId') as string;
	const required = (name: string, label: string) => {
		const value = userIdField(context, context.getNodeParameter(name, ''), label);
		if (value === '') {
			throw invalidInput(
				context,
				`${label} is empty`,
				`Fill in "${label}", or pick another way in "${selector}".`,
			);
		}
		return value;
	};
	switch (identifyBy) {
		case 'userAlias':
			return {
				user_alias: aliasFrom(
					context,
					{ name: 'aliasName', label: 'aliasLabel' },
					`, or pick another way in "${selector}"`,
				),
			};
		case 'brazeId':
			return { braze_id: required('brazeId', 'Braze ID') };
		case 'email': {
			const text = textField(context, context.getNodeParameter('email', ''), 'Email');
			return { email: accepted(context, 'Email: ', emailAddress(text)) };
		}
		case 'phone': {
			const text = textField(context, context.getNodeParameter('phone', ''), 'Phone');
			return { phone: accepted(context, 'Phone: ', phoneNumber(text)) };
		}
		default:
			return { external_id: required('externalId', 'External ID') };
	}
}
