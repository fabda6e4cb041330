import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { parseTime, utcIso } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { dateParameter } from '../../helpers/validation/fieldValues';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { isPlainObject } from '../../helpers/values/object';

/**
 * Message › List Scheduled: GET /messages/scheduled_broadcasts?end_time=…, the campaigns and
 * Canvases scheduled from now until end_time, which Braze "treats as midnight in UTC time"
 * (https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/get_messages_scheduled).
 */
export const endTimeProperty: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'List what is scheduled from now until this date. Braze reads only the date, as midnight UTC at its start: 2026-12-08 lists what is scheduled before 2026-12-08T00:00:00Z, so to include a whole day pick the day after it. The time of day and any time zone are ignored, and the date must be after today (UTC). Sent as end_time.',
	displayOptions: showFor('message', ['listScheduled']),
};

const END_TIME = {
	label: 'End Time',
	kind: 'a date',
	fix: 'Pick a date in End Time, or give an ISO 8601 date such as 2026-12-08 (a time-zone offset runs from -12:00 to +14:00).',
	requiredFix:
		'Pick the date up to which to list scheduled campaigns and Canvases. If it comes from an expression, check that it gives a date for this item.',
};

/** The date End Time names, as Braze reads it: YYYY-MM-DDT00:00:00Z, after now. */
export function endTimeOf(context: IExecuteSingleFunctions, now = Date.now()): string {
	const parsed = dateParameter(context, 'endTime', END_TIME, parseTime);
	const date = parsed.wallClock.slice(0, 10);
	const midnight = `${date}T00:00:00Z`;
	if (Date.parse(midnight) <= now) {
		throw invalidInput(
			context,
			`End Time (${date}) is not after today: Braze reads it as ${midnight}, which has passed`,
			`Braze lists what is scheduled from now until midnight UTC at the start of End Time's date; it is now ${utcIso(Math.floor(now / 1000) * 1000)} (UTC). Pick a later date; to include all of a day, pick the day after it.`,
		);
	}
	return midnight;
}

function addEndTime(context: IExecuteSingleFunctions, body: BrazeBody): void {
	body.end_time = endTimeOf(context);
}

/**
 * One output item per scheduled campaign or Canvas, as Braze describes it (name, id, type, tags,
 * next_send_time, schedule_type). None scheduled, no item: n8n's "Always Output Data" setting
 * makes the node output an empty item instead.
 */
function eachBroadcast(context: IExecuteSingleFunctions, answer: IDataObject): IDataObject[] {
	const list = answer.scheduled_broadcasts;
	if (!Array.isArray(list)) {
		throw new NodeOperationError(
			context.getNode(),
			"Braze's answer has no list of scheduled broadcasts",
			{
				description:
					"Braze answers this request with scheduled_broadcasts, a list. Check the credential's Instance or Custom URL.",
				itemIndex: context.getItemIndex(),
			},
		);
	}
	return list.map((broadcast) => (isPlainObject(broadcast) ? broadcast : { value: broadcast }));
}

export const listScheduledOperation: OperationSpec = {
	name: 'List Scheduled',
	value: 'listScheduled',
	action: 'List scheduled campaigns and canvases',
	description:
		'List the campaigns and Canvases scheduled in Braze from now until End Time, e.g. to check what will go out before adding another send (GET /messages/scheduled_broadcasts). Changes nothing. One output item per scheduled campaign or Canvas, with its name, ID, type, tags, next_send_time and schedule_type. No item when nothing is scheduled (turn on Settings › Always Output Data to get an empty one).',
	url: '/messages/scheduled_broadcasts',
	method: 'GET',
	permission: 'messages.schedule_broadcasts',
	// The query carries end_time only.
	prepare: [keepOnlyKeys([]), addEndTime],
	outputItems: eachBroadcast,
	onUnclearAnswer: askAgain(CHANGES.read),
};
