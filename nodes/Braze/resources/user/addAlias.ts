import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { userIdField } from '../../helpers/validation/fieldValues';
import { identityBatch } from './batching';
import { aliasOf } from './fields/alias';

/**
 * User › Add Alias: adds an alias to the user with an external ID, or, without one, creates an
 * alias-only profile. Items share /users/alias/new requests of up to 50.
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_alias
 */
export const addAliasProperties: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'aliasExternalId',
		type: 'string',
		default: '',
		placeholder: 'crm-contact-7',
		description:
			'The user who gets the alias (external_id). Leave empty to create a new alias-only profile. If no user has this ID, Braze adds the alias to no one.',
		displayOptions: { show: { resource: ['user'], operation: ['addAlias'] } },
	},
];

export function buildAlias(context: IExecuteSingleFunctions, body: IDataObject): void {
	const externalId = userIdField(
		context,
		context.getNodeParameter('aliasExternalId', ''),
		'External ID',
	);
	// The elements are flat: alias_name and alias_label beside external_id, no user_alias wrapper.
	body.user_aliases = [{ ...(externalId ? { external_id: externalId } : {}), ...aliasOf(context) }];
}

export const addAliasOperation: OperationSpec = {
	name: 'Add Alias',
	value: 'addAlias',
	action: 'Add an alias to a user',
	description:
		'Add an alias (a name under a label, e.g. a CRM or shop ID) to a user, or create an alias-only profile for someone who has no external ID yet (the New User Alias endpoint). Use it to reach a contact by your own ID before they sign up. Items share requests of up to 50.',
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
};
