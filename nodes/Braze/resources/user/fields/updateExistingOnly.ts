import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_2, ONLY_VERSION_1 } from '../../../helpers/form/displayOptions';
import { booleanField } from '../../../helpers/validation/fieldValues';
import { movedToOptions } from './movedToOptions';
import { TRACK_OPERATIONS } from './options';

const field = {
	displayName: 'Update Existing Only',
	name: 'updateExistingOnly',
	type: 'boolean',
	default: false,
	description:
		'Whether to change only profiles that already exist (_update_existing_only). Off creates a missing profile, also an alias-only one for a User Alias.',
} satisfies INodeProperties;

/**
 * "Update Existing Only" (_update_existing_only), one field for every /users/track operation:
 * at the top of the form on version 1 (saved workflows), in Options from version 2.
 */
export const updateExistingOnlyProperty: INodeProperties = {
	...field,
	displayOptions: { show: { resource: ['user'], operation: TRACK_OPERATIONS, ...ONLY_VERSION_1 } },
};

/** The same field in the User Options collection (version 2): '/operation' is the root field. */
export const updateExistingOnlyOption: INodeProperties = {
	...field,
	displayOptions: { show: { '/operation': TRACK_OPERATIONS, ...FROM_VERSION_2 } },
};

/** The item's Update Existing Only, for the `_update_existing_only` of its /users/track object. */
export function updateExistingOnly(context: IExecuteSingleFunctions): boolean {
	const { path, label } = movedToOptions(context, field.name, field.displayName);
	return booleanField(context, context.getNodeParameter(path, false), label, false);
}
