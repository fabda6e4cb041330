import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resendIf } from '../../transport/request/unclearAnswers';
import { isPlainObject } from '../../helpers/values/object';
import { trackBatch } from './batching';
import {
	addCustomAttributes,
	customAttributeProperties,
	mergesNestedObjects,
} from './fields/customAttributes';
import { userIdentifier } from './fields/identity';
import { profileAttributes, profileFieldsProperty } from './fields/profile';
import { subscriptionGroupsProperty, subscriptionGroups } from './fields/subscriptionGroups';
import { updateExistingOnly } from './fields/updateExistingOnly';

/**
 * User › Create or Update: one attributes object per item, sent in shared /users/track requests.
 * https://www.braze.com/docs/api/endpoints/user_data/post_user_track
 */
export const upsertProperties: INodeProperties[] = [
	profileFieldsProperty,
	subscriptionGroupsProperty,
	...customAttributeProperties,
];

/**
 * Builds the item's attributes object once, in the shape it keeps up to the shared request:
 * identifier first, then the profile, groups and custom attributes.
 */
export function buildAttributes(context: IExecuteSingleFunctions, body: IDataObject): void {
	const object: IDataObject = {
		...userIdentifier(context),
		_update_existing_only: updateExistingOnly(context),
		...profileAttributes(context),
	};
	const groups = subscriptionGroups(context);
	if (groups.length) object.subscription_groups = groups;
	const custom = addCustomAttributes(context, object);
	if (
		Object.values(custom).some(
			(value) => value !== null && typeof value === 'object' && !Array.isArray(value),
		)
	) {
		if (mergesNestedObjects(context)) object._merge_objects = true;
	}
	body.attributes = [object];
}

/**
 * Operators inside an attribute's value that Braze applies on top of what is stored, so that
 * applying them twice counts twice: `inc` adds to a number, and `$add` appends objects to an
 * array of objects, which Braze does not keep unique; `$update` counts too, since Braze does not
 * say what a second one does. Setting or removing a value, `add`/`remove` on an array of values
 * (Braze keeps its values unique) and `$remove` (every matching object goes) come out the same
 * when applied twice.
 * https://www.braze.com/docs/api/objects_filters/user_attributes_object/
 * https://www.braze.com/docs/user_guide/data_and_analytics/custom_data/custom_attributes/array_of_objects
 */
const COUNTING_OPERATORS = new Set(['inc', '$add', '$update']);

/** Whether a value holds a counting operator at any depth (walked without recursion). */
function counts(value: unknown): boolean {
	const pending: unknown[] = [value];
	while (pending.length) {
		const next = pending.pop();
		if (Array.isArray(next)) for (const entry of next) pending.push(entry);
		else if (isPlainObject(next)) {
			for (const [key, inner] of Object.entries(next)) {
				if (COUNTING_OPERATORS.has(key)) return true;
				pending.push(inner);
			}
		}
	}
	return false;
}

/**
 * Whether a /users/track body of attribute objects comes out the same when applied twice, so
 * that a request whose answer was unclear may be sent again. An attribute's own name is not an
 * operator (an attribute may be called "inc"): only what its value holds is looked at.
 */
export function onlySetsAttributes(body: BrazeBody): boolean {
	const objects = Array.isArray(body.attributes) ? body.attributes : [];
	return !objects.some((object) => isPlainObject(object) && Object.values(object).some(counts));
}

export const upsertOperation: OperationSpec = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a user',
	// The words n8n's lint rule requires of every Create or Update (node-param-description-wrong-for-upsert).
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	url: '/users/track',
	permission: 'users.track',
	prepare: [buildAttributes],
	// Setting attributes comes out the same when sent twice; counting operators do not.
	onUnclearAnswer: resendIf(onlySetsAttributes, CHANGES.profileUpdate),
	perUserWrite: true,
	batch: trackBatch('attributes'),
};
