import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { entriesParameter } from '../../../helpers/form/parameters';
import { assertBrazeId } from '../../../helpers/validation/brazeId';
import { userIdField } from '../../../helpers/validation/fieldValues';
import { invalidInput } from '../../../helpers/validation/invalidInput';

/**
 * Subscription groups set with the profile (attributes.subscription_groups). Braze applies them to
 * every profile that shares the user's email address.
 */
export const subscriptionGroupsProperty: INodeProperties = {
	displayName: 'Subscription Groups',
	name: 'subscriptionGroups',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Subscription Group',
	default: {},
	description:
		'Email or SMS subscription groups to subscribe the user to, or unsubscribe them from. Braze also applies this to every profile with the same email address.',
	displayOptions: { show: { resource: ['user'], operation: ['upsert'] } },
	options: [
		{
			displayName: 'Group',
			name: 'group',
			values: [
				{
					displayName: 'Subscription Group ID',
					name: 'id',
					type: 'string',
					default: '',
					description: 'The group ID, from Audience › Subscriptions in Braze',
				},
				{
					displayName: 'State',
					name: 'state',
					type: 'options',
					options: [
						{
							name: 'Subscribed',
							value: 'subscribed',
							description: 'The user receives messages of this group',
						},
						{
							name: 'Unsubscribed',
							value: 'unsubscribed',
							description: 'The user receives no messages of this group',
						},
					],
					default: 'subscribed',
					description: 'Subscribe the user to the group, or unsubscribe them (subscription_state)',
				},
			],
		},
	],
};

/** The item's Subscription Groups rows, each checked, as Braze's subscription_groups entries. */
export function subscriptionGroups(context: IExecuteSingleFunctions): IDataObject[] {
	return entriesParameter(context, 'subscriptionGroups.group').map((row, index) => {
		const label = `Subscription Groups row ${index + 1} › Subscription Group ID`;
		const id = userIdField(context, row.id, label);
		if (!id)
			throw invalidInput(context, `${label} is empty`, 'Fill in the group ID, or remove the row.');
		assertBrazeId(context, 'subscription_group_id', id, label);
		const state = String(row.state ?? 'subscribed');
		if (state !== 'subscribed' && state !== 'unsubscribed') {
			throw invalidInput(
				context,
				`Subscription Groups row ${index + 1} › State is "${state}"`,
				'Pick Subscribed or Unsubscribed.',
			);
		}
		return { subscription_group_id: id, subscription_state: state };
	});
}
