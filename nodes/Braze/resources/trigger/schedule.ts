import type { INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../body/requestBody';
import type { BodyStep } from '../../body/types';
import {
	addSchedule,
	assertValidScheduleId,
	replacedScheduleTimeProperties,
	scheduleIdProperty,
	scheduleTimeProperties,
} from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report, resend } from '../../transport/request/unclearAnswers';

/** Every operation of the Campaign and Canvas resources: each names the campaign or Canvas. */
export const TRIGGER_OPERATIONS = ['trigger', 'schedule', 'updateSchedule', 'deleteSchedule'];
/** The operations that name recipients, properties and an audience. */
export const TARGETING_OPERATIONS = ['trigger', 'schedule'];

/**
 * Scheduled API-triggered campaigns and Canvases: create, update and delete
 * (https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_campaigns,
 * https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_canvases).
 */
export interface ScheduleSpec {
	/** The endpoints' common path, e.g. /campaigns/trigger/schedule (then /create, /update, /delete). */
	path: string;
	/** The permissions' common start, e.g. campaigns.trigger.schedule (then .create, …). */
	permission: string;
	/** "campaign" or "Canvas", as the user reads it. */
	noun: string;
	/** One more sentence for Schedule's description. */
	scheduleNote?: string;
}

/** Schedule ID, shared with Message › Update Schedule and Delete Schedule. */
export const scheduleIdProperties: INodeProperties[] = [scheduleIdProperty];
/** Send At and its modes: Schedule shares Message › Schedule's; Update Schedule has its own. */
export const triggerScheduleTimeProperties: INodeProperties[] = [
	...scheduleTimeProperties,
	...replacedScheduleTimeProperties,
];

/**
 * Schedule, Update Schedule and Delete Schedule of a campaign or Canvas. Schedule takes
 * Trigger's recipients and properties (`targetingSteps`, without attachments, which the schedule
 * endpoint does not take) plus `schedule`. Update sends only the ids and the new schedule,
 * Delete only the ids: the documented bodies.
 */
export function scheduleOperations(
	spec: ScheduleSpec,
	idKey: 'campaign_id' | 'canvas_id',
	targetingSteps: BodyStep[],
): OperationSpec[] {
	const { path, permission, noun } = spec;
	const article = noun === 'campaign' ? 'a campaign' : 'a canvas';
	return [
		{
			name: 'Schedule',
			value: 'schedule',
			action: `Schedule ${article}`,
			description: `Schedule an API-triggered ${noun} for a later time, for named recipients or its whole audience (POST ${path}/create).${spec.scheduleNote ? ` ${spec.scheduleNote}` : ''} Outputs schedule_id (keep it to update or delete the schedule) and dispatch_id; more than 50 recipients are scheduled in requests of 50, each with its own schedule_id, listed in schedule_ids`,
			url: `${path}/create`,
			permission: `${permission}.create`,
			prepare: [...targetingSteps, addSchedule],
			onUnclearAnswer: report(CHANGES.schedule),
		},
		{
			name: 'Update Schedule',
			value: 'updateSchedule',
			action: `Update a scheduled ${noun.toLowerCase()}`,
			description: `Move a scheduled ${noun} to a new time, by its schedule_id (POST ${path}/update). The new schedule replaces the old one whole (local or optimal time included); recipients and properties stay as scheduled. Outputs schedule_id and message.`,
			url: `${path}/update`,
			permission: `${permission}.update`,
			prepare: [
				assertValidScheduleId,
				addSchedule,
				keepOnlyKeys([idKey, 'schedule_id', 'schedule']),
			],
			echoBodyKeys: ['schedule_id'],
			onUnclearAnswer: resend(CHANGES.scheduleUpdate),
		},
		{
			name: 'Delete Schedule',
			value: 'deleteSchedule',
			action: `Delete a scheduled ${noun.toLowerCase()}`,
			description: `Cancel a scheduled ${noun} before it is sent, by its schedule_id (POST ${path}/delete). Outputs schedule_id and message.`,
			url: `${path}/delete`,
			permission: `${permission}.delete`,
			prepare: [assertValidScheduleId, keepOnlyKeys([idKey, 'schedule_id'])],
			echoBodyKeys: ['schedule_id'],
			onUnclearAnswer: resend(CHANGES.scheduleDeletion),
		},
	];
}
