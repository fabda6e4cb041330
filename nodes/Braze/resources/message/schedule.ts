import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { assertValidAudience, audienceProperties } from '../../sections/audience';
import { collectBodyFields } from '../../body/fields';
import { brazeErrorHandler, toBrazeResult } from '../../transport/answer';
import {
	assertValidMessages,
	channelProperties,
	channelSelectionProperty,
} from '../../channels/selection';
import { shownOnUpdateSchedule } from '../../form/displayOptions';
import { booleanField } from '../../validation/fieldValues';
import { normalizeBodyTypes } from '../../body/normalizeTypes';
import {
	addExternalUserIds,
	assertValidRecipients,
	recipientProperties,
} from '../../sections/recipients';
import { brazeRequestExecutor } from '../../transport/executor';
import {
	assertValidScheduleId,
	buildSchedule,
	scheduleIdProperty,
	scheduleTimeProperties,
	updateMessagesProperty,
	updateTimeProperty,
} from '../../sections/schedule';
import { assertValidSendId, sendOptionsProperty } from '../../sections/options';
import { invalidInput } from '../../validation/invalidInput';

const scheduleBodyFields = collectBodyFields([
	...recipientProperties,
	...audienceProperties,
	...channelProperties,
	sendOptionsProperty,
]);
const updateBodyFields = collectBodyFields([scheduleIdProperty, ...channelProperties]);

/** Message › Schedule: the Send body plus `schedule`, checked as a whole (§9.1). */
function prepareScheduleBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	addExternalUserIds(context, body);
	normalizeBodyTypes(context, body, scheduleBodyFields);
	assertValidAudience(context, body);
	assertValidRecipients(context, body);
	assertValidSendId(context, body);
	assertValidMessages(context, body);
	body.schedule = buildSchedule(context);
}

/** Message › Update Schedule: schedule_id plus a new schedule and/or new messages (§9.2). */
function prepareUpdateScheduleBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	normalizeBodyTypes(context, body, updateBodyFields);
	assertValidScheduleId(context, body);
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

/** Message › Delete Schedule: only schedule_id (§9.3). */
function prepareDeleteScheduleBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	assertValidScheduleId(context, body);
	for (const key of Object.keys(body)) if (key !== 'schedule_id') delete body[key];
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

export const scheduleOperation: INodePropertyOptions = {
	name: 'Schedule',
	value: 'schedule',
	action: 'Schedule a message',
	description:
		'Schedule a message for later to named users, a segment or an audience, on one or more channels (POST /messages/schedule/create). Outputs schedule_id (keep it to update or delete the schedule) and dispatch_id; more than 50 named users are scheduled in several requests, listed in schedule_ids.',
	routing: {
		request: { method: 'POST', url: '/messages/schedule/create', ignoreHttpStatusErrors: true },
		send: { paginate: true },
		operations: { pagination: brazeRequestExecutor(prepareScheduleBody) },
		output: { postReceive: [brazeErrorHandler('messages.schedule.create'), toBrazeResult] },
	},
};

export const updateScheduleOperation: INodePropertyOptions = {
	name: 'Update Schedule',
	value: 'updateSchedule',
	action: 'Update a scheduled message',
	description:
		'Change the time and/or the messages of a message scheduled with Schedule, by its schedule_id (POST /messages/schedule/update). Outputs schedule_id and message.',
	routing: {
		request: { method: 'POST', url: '/messages/schedule/update', ignoreHttpStatusErrors: true },
		send: { paginate: true },
		operations: {
			pagination: brazeRequestExecutor(prepareUpdateScheduleBody, {
				echoBodyKeys: ['schedule_id'],
			}),
		},
		output: { postReceive: [brazeErrorHandler('messages.schedule.update'), toBrazeResult] },
	},
};

export const deleteScheduleOperation: INodePropertyOptions = {
	name: 'Delete Schedule',
	value: 'deleteSchedule',
	action: 'Delete a scheduled message',
	description:
		'Cancel a message scheduled with Schedule before it is sent, by its schedule_id (POST /messages/schedule/delete). Outputs schedule_id and message.',
	routing: {
		request: { method: 'POST', url: '/messages/schedule/delete', ignoreHttpStatusErrors: true },
		send: { paginate: true },
		operations: {
			pagination: brazeRequestExecutor(prepareDeleteScheduleBody, {
				echoBodyKeys: ['schedule_id'],
			}),
		},
		output: { postReceive: [brazeErrorHandler('messages.schedule.delete'), toBrazeResult] },
	},
};
