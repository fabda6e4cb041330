import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { textField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { accepted } from '../../helpers/validation/userData';
import { trackBatch } from './batching';
import { userIdentifier } from './fields/identity';
import { occurrence } from './fields/occurrence';
import { eventName, MAX_EVENT_PROPERTIES_BYTES } from './fields/occurrenceRules';
import { updateExistingOnly } from './fields/updateExistingOnly';

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
			_update_existing_only: updateExistingOnly(context),
		},
	];
}

export const trackEventOperation: OperationSpec = {
	name: 'Track Event',
	value: 'trackEvent',
	action: 'Track a custom event',
	description:
		"Record a custom event (something the user did, e.g. order_shipped) with its properties on the user's profile (the Track Users endpoint, events). Use it to start event-triggered campaigns or Canvases in Braze, or to segment users by what they did. Items share requests of up to 75.",
	url: '/users/track',
	permission: 'users.track',
	prepare: [buildEvent],
	onUnclearAnswer: report(CHANGES.event),
	perUserWrite: true,
	batch: trackBatch('events'),
};
