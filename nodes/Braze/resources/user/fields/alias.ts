import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { userIdField } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';
import { byteLength } from '../../../helpers/values/bytes';
import { MAX_ALIAS_BYTES } from '../../../shared/recipients';
import type { UserAlias } from '../../../helpers/body/types';

/** Alias Name and Alias Label of Identify and Add Alias (one definition for both). */
export const aliasProperties: INodeProperties[] = [
	{
		displayName: 'Alias Name',
		name: 'newAliasName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'lead-4821',
		description:
			'The alias name (alias_name): on Identify, the alias-only profile to identify; on Add Alias, the new alias. Case sensitive, at most 236 bytes.',
		displayOptions: { show: { resource: ['user'], operation: ['identify', 'addAlias'] } },
	},
	{
		displayName: 'Alias Label',
		name: 'newAliasLabel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm_lead_id',
		description: 'The kind of alias (alias_label); a user has at most one alias per label',
		displayOptions: { show: { resource: ['user'], operation: ['identify', 'addAlias'] } },
	},
];

/**
 * An alias from two of the form's fields, checked: both filled in, each at most 236 bytes.
 * `emptyFix` ends the sentence that tells how to fill an empty one.
 */
export function aliasFrom(
	context: IExecuteSingleFunctions,
	fields: { name: string; label: string },
	emptyFix = '',
): UserAlias {
	const part = (parameter: string, label: string) => {
		const value = userIdField(context, context.getNodeParameter(parameter, ''), label);
		if (!value) throw invalidInput(context, `${label} is empty`, `Fill in "${label}"${emptyFix}.`);
		if (byteLength(value) > MAX_ALIAS_BYTES) {
			throw invalidInput(
				context,
				`${label} is longer than ${MAX_ALIAS_BYTES} bytes`,
				`Braze accepts alias names and labels of at most ${MAX_ALIAS_BYTES} bytes; shorten it.`,
			);
		}
		return value;
	};
	return {
		alias_name: part(fields.name, 'Alias Name'),
		alias_label: part(fields.label, 'Alias Label'),
	};
}

/** The alias of Identify and Add Alias. */
export function aliasOf(context: IExecuteSingleFunctions): UserAlias {
	return aliasFrom(context, { name: 'newAliasName', label: 'newAliasLabel' });
}
