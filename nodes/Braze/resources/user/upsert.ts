import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField } from '../../validation/fieldValues';
import { addCustomAttributes, customAttributeProperties } from './customAttributes';
import { userIdentifier } from './identity';
import { checkProfileFields, profileFieldsProperty } from './profileFields';
import { subscriptionGroupsProperty, subscriptionGroups } from './subscriptionGroupsField';

/**
 * User › Create or Update: one attributes object per item, sent in shared /users/track requests.
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_track
 */
export const upsertProperties: INodeProperties[] = [
	profileFieldsProperty,
	subscriptionGroupsProperty,
	...customAttributeProperties,
];

/** Builds the item's attributes object: identifier first, then the profile, groups and custom attributes. */
export function buildAttributes(context: IExecuteSingleFunctions, body: IDataObject): void {
	const routed = ((body.attributes as IDataObject[] | undefined)?.[0] ?? {}) as IDataObject;
	checkProfileFields(context, routed);
	const object: IDataObject = {
		...userIdentifier(context),
		_update_existing_only: booleanField(
			context,
			context.getNodeParameter('updateExistingOnly', false),
			'Update Existing Only',
			false,
		),
		...routed,
	};
	const groups = subscriptionGroups(context);
	if (groups.length) object.subscription_groups = groups;
	const custom = addCustomAttributes(context, object);
	if (
		Object.values(custom).some(
			(value) => value !== null && typeof value === 'object' && !Array.isArray(value),
		)
	) {
		if (
			booleanField(
				context,
				context.getNodeParameter('mergeObjects', false),
				'Merge Nested Objects',
				false,
			)
		) {
			object._merge_objects = true;
		}
	}
	body.attributes = [object];
}
