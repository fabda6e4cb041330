import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idField } from '../../validation/fieldValues';
import { invalidInput } from '../../validation/invalidInput';
import { byteLength } from '../../values/bytes';

const MAX_ALIAS_BYTES = 236;

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

/** The alias of Alias Name and Alias Label, checked. */
export function aliasOf(context: IExecuteSingleFunctions): IDataObject {
	const alias: IDataObject = {};
	for (const [key, name, label] of [
		['alias_name', 'newAliasName', 'Alias Name'],
		['alias_label', 'newAliasLabel', 'Alias Label'],
	] as const) {
		const value = idField(context, context.getNodeParameter(name, ''), label);
		if (!value) throw invalidInput(context, `${label} is empty`, `Fill in "${label}".`);
		if (byteLength(value) > MAX_ALIAS_BYTES) {
			throw invalidInput(
				context,
				`${label} is longer than ${MAX_ALIAS_BYTES} bytes`,
				`Braze accepts at most ${MAX_ALIAS_BYTES} bytes: shorten it.`,
			);
		}
		alias[key] = value;
	}
	return alias;
}
