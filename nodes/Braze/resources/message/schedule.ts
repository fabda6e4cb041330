import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertValidMessages,
	channelProperties,
	channelSelectionProperty,
} from '../../channels/selection';
import { shownOnUpdateSchedule } from '../../form/displayOptions';
import { keepOnlyKeys } from '../../body/requestBody';
import {
	addSchedule,
	assertValidScheduleId,
	buildSchedule,
	scheduleIdProperty,
	scheduleTimeProperties,
	updateMessagesProperty,
	updateTimeProperty,
} from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report, resend } from '../../transport/request/unclearAnswers';
import { booleanField } from '../../validation/fieldValues';
import { invalidInput } from '../../validation/invalidInput';
import { sendSteps } from './send';

/** Message › Update Schedule: schedule_id plus a new schedule and/or new messages. */
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

/** Fields only the schedule operations have; the rest is shared with Send. */
export const scheduleIdProperties: INodeProperties[] = [scheduleIdProperty];
/** Send At and its modes; on Update Schedule behind "Update Send At". */
export const scheduleFormProperties: INodeProperties[] = [
	...scheduleTimeProperties,
	updateTimeProperty,
	...shownOnUpdateSchedule(scheduleTimeProperties, 'updateTime'),
];
/** Update Schedule: the Send form's channel fields, behind "Update Messages". */
export const updateMessagesProperties: INodeProperties[] = [
	updateMessagesProperty,
	...shownOnUpdateSchedule([channelSelectionProperty, ...channelProperties], 'updateMessages'),
];

export const scheduleOperation: OperationSpec = {
	name: 'Schedule',
	value: 'schedule',
	action: 'Schedule a message',
	description:
		'Schedule a message for later to named users, a segment or an audience, on one or more channels (POST /messages/schedule/create). Outputs schedule_id (keep it to update or delete the schedule) and dispatch_id; more than 50 named users are scheduled in several requests, listed in schedule_ids.',
	url: '/messages/schedule/create',
	permission: 'messages.schedule.create',
	// The Send steps, then `schedule`.
	prepare: [...sendSteps, addSchedule],
	onUnclearAnswer: report(CHANGES.schedule),
};

export const updateScheduleOperation: OperationSpec = {
	name: 'Update Schedule',
	value: 'updateSchedule',
	action: 'Update a scheduled message',
	description:
		'Change the time and/or the messages of a message scheduled with Schedule, by its schedule_id (POST /messages/schedule/update). Outputs schedule_id and message.',
	url: '/messages/schedule/update',
	permission: 'messages.schedule.update',
	prepare: [assertValidScheduleId, applyUpdateToggles],
	echoBodyKeys: ['schedule_id'],
	onUnclearAnswer: resend(CHANGES.scheduleUpdate),
};

export const deleteScheduleOperation: OperationSpec = {
	name: 'Delete Schedule',
	value: 'deleteSchedule',
	action: 'Delete a scheduled message',
	description:
		'Cancel a message scheduled with Schedule before it is sent, by its schedule_id (POST /messages/schedule/delete). Outputs schedule_id and message.',
	url: '/messages/schedule/delete',
	permission: 'messages.schedule.delete',
	// Only schedule_id goes.
	prepare: [assertValidScheduleId, keepOnlyKeys(['schedule_id'])],
	echoBodyKeys: ['schedule_id'],
	onUnclearAnswer: resend(CHANGES.scheduleDeletion),
};
