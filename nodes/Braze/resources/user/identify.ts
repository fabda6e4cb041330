import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { userIdField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { identityBatch } from './batching';
import { aliasOf } from './fields/alias';

/**
 * User › Identify: gives an alias-only profile an external ID; if a user with that ID exists, the
 * alias-only profile is merged into it. Items share /users/identify requests of up to 50.
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_identify
 */
export const identifyProperties: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'identifyExternalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm-contact-7',
		description:
			'The external ID the alias-only profile gets, or the user it is merged into (external_id)',
		displayOptions: { show: { resource: ['user'], operation: ['identify'] } },
	},
];

export function buildIdentify(context: IExecuteSingleFunctions, body: IDataObject): void {
	const externalId = userIdField(
		context,
		context.getNodeParameter('identifyExternalId', ''),
		'External ID',
	);
	if (!externalId)
		throw invalidInput(
			context,
			'External ID is empty',
			'Fill in the external ID the profile gets.',
		);
	body.aliases_to_identify = [{ external_id: externalId, user_alias: aliasOf(context) }];
}

export const identifyOperation: OperationSpec = {
	name: 'Identify',
	value: 'identify',
	action: 'Identify an alias-only user',
	description:
		'Give an alias-only profile an external ID, merging it into the user with that ID if there is one (the Identify Users endpoint). Use it when a contact known only by an alias signs up and gets their own ID. Items share requests of up to 50.',
	url: '/users/identify',
	permission: 'users.identify',
	prepare: [buildIdentify],
	onUnclearAnswer: resend(CHANGES.identification),
	batch: identityBatch(['aliases_to_identify']),
};
