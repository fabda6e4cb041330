import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField, textField } from '../../validation/fieldValues';
import { invalidInput } from '../../validation/invalidInput';
import { accepted, eventName, MAX_EVENT_PROPERTIES_BYTES } from '../../validation/userData';
import { occurrence } from './eventFields';
import { userIdentifier } from './identity';

/**
 * User › Track Event: one event object per item, in shared /users/track requests.
 * https://www.braze.com/docs/api/objects_filters/event_object
 */
export const trackEventProperties: INodeProperties[] = [
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'signed_up',
		description:
			'The custom event (name), as your segments and campaigns know it: at most 255 characters, not starting with "$"',
		displayOptions: { show: { resource: ['user'], operation: ['trackEvent'] } },
	},
];

export function buildEvent(context: IExecuteSingleFunctions, body: IDataObject): void {
	const name = textField(context, context.getNodeParameter('eventName', ''), 'Event Name');
	if (!name)
		throw invalidInput(
			context,
			'Event Name is empty',
			'Give the name of the custom event, e.g. signed_up.',
		);
	accepted(context, 'Event Name ', eventName(name));
	body.events = [
		{
			...userIdentifier(context),
			name,
			...occurrence(context, 'event', MAX_EVENT_PROPERTIES_BYTES),
			_update_existing_only: booleanField(
				context,
				context.getNodeParameter('updateExistingOnly', false),
				'Update Existing Only',
				false,
			),
		},
	];
}
