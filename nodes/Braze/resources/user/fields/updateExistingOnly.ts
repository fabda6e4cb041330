import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField } from '../../../helpers/validation/fieldValues';
import { TRACK_OPERATIONS } from './options';

/** "Update Existing Only" (_update_existing_only), one field for every /users/track operation. */
export const updateExistingOnlyProperty: INodeProperties = {
	displayName: 'Update Existing Only',
	name: 'updateExistingOnly',
	type: 'boolean',
	default: false,
	description:
		'Whether to change only profiles that already exist (_update_existing_only). Off creates a missing profile, also an alias-only one for a User Alias.',
	displayOptions: { show: { resource: ['user'], operation: TRACK_OPERATIONS } },
};

/** The item's Update Existing Only, for the `_update_existing_only` of its /users/track object. */
export function updateExistingOnly(context: IExecuteSingleFunctions): boolean {
	return booleanField(
		context,
		context.getNodeParameter('updateExistingOnly', false),
		'Update Existing Only',
		false,
	);
}
