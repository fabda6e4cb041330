import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertValidMessages,
	channelProperties,
	channelSelectionProperty,
} from '../../channels/selection';
import { shownOnUpdateSchedule } from '../../helpers/form/displayOptions';
import {
	assertValidScheduleId,
	buildSchedule,
	scheduleTimeProperties,
} from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { booleanField } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';

// Message › Update Schedule: schedule_id plus a new schedule and/or new messages. Each part has
// a toggle; it shows copies of the Schedule form's time fields and of Send's channel fields.

const showOnUpdateSchedule = { resource: ['message'], operation: ['updateSchedule'] };

/** Update Send At, then copies of Send At and its modes shown while it is on. */
export const updateTimeProperties: INodeProperties[] = [
	{
		displayName: 'Update Send At',
		name: 'updateTime',
		type: 'boolean',
		default: false,
		description:
			'Whether to change when the message is sent (shows Send At, In Local Time and At Optimal Time; sent as schedule)',
		displayOptions: { show: showOnUpdateSchedule },
	},
	...shownOnUpdateSchedule(scheduleTimeProperties, 'updateTime'),
];

/** Update Messages, then copies of Send's channel fields shown while it is on. */
export const updateMessagesProperties: INodeProperties[] = [
	{
		displayName: 'Update Messages',
		name: 'updateMessages',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace the messages of the scheduled message (shows Channels and their fields; sent as messages)',
		displayOptions: { show: showOnUpdateSchedule },
	},
	...shownOnUpdateSchedule([channelSelectionProperty, ...channelProperties], 'updateMessages'),
];

/** At least one toggle on: `schedule` from the new time, the new messages checked (or dropped). */
function applyUpdateToggles(context: IExecuteSingleFunctions, body: IDataObject): void {
	const flag = (name: string, label: string) =>
		booleanField(context, context.getNodeParameter(name, false), label, false);
	const updateTime = flag('updateTime', 'Update Send At');
	const updateMessages = flag('updateMessages', 'Update Messages');
	if (!updateTime && !updateMessages) {
		throw invalidInput(
			context,
			'Nothing to update: turn on Update Send At or Update Messages (or both)',
			'Braze needs a new schedule, new messages, or both. To cancel the scheduled message instead, use Message › Delete Schedule.',
		);
	}
	if (updateTime) body.schedule = buildSchedule(context);
	if (updateMessages) assertValidMessages(context, body);
	else delete body.messages;
}

export const updateScheduleOperation: OperationSpec = {
	name: 'Update Schedule',
	value: 'updateSchedule',
	action: 'Update a scheduled message',
	description:
		'Change the send time and/or the content of a message scheduled with Message › Schedule, by its schedule_id, before it goes out (POST /messages/schedule/update). Use it to move or correct a scheduled message; the recipients stay as scheduled. Outputs schedule_id and message.',
	url: '/messages/schedule/update',
	permission: 'messages.schedule.update',
	prepare: [assertValidScheduleId, applyUpdateToggles],
	echoBodyKeys: ['schedule_id'],
	onUnclearAnswer: resend(CHANGES.scheduleUpdate),
};
