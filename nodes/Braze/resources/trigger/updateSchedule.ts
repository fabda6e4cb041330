import type { INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { addSchedule, assertValidScheduleId, scheduleTimeProperties } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import type { TriggerSpec } from './triggerSpec';

/**
 * Campaign and Canvas › Update Schedule: Send At and its modes, always shown. Braze's update
 * takes a whole new schedule and drops the old one
 * (https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_update_scheduled_triggered_campaigns),
 * so Send At says so. Copies, because the Message form shows the same fields on Update Schedule
 * only behind its toggle.
 */
export const replacedScheduleTimeProperties: INodeProperties[] = scheduleTimeProperties.map(
	(property) => ({
		...property,
		...(property.name === 'scheduleTime'
			? {
					description: `The new send time. Braze replaces the whole schedule with this one: In Local Time and At Optimal Time are off unless turned on here again, whatever the schedule had. ${property.description}`,
				}
			: {}),
		displayOptions: { show: { resource: ['campaign', 'canvas'], operation: ['updateSchedule'] } },
	}),
);

/**
 * Campaign or Canvas › Update Schedule: sends only the ids and the new schedule, the documented
 * body; recipients and properties stay as scheduled.
 */
export function triggerUpdateScheduleOperation(spec: TriggerSpec): OperationSpec {
	const { path, permission, noun } = spec.schedule;
	return {
		name: 'Update Schedule',
		value: 'updateSchedule',
		action: `Update a scheduled ${noun.toLowerCase()}`,
		description: `Move a ${noun} scheduled with Schedule to a new time, by its schedule_id, before it starts (POST ${path}/update). The new schedule replaces the old one whole (local or optimal time included); recipients and properties stay as scheduled. Outputs schedule_id and message.`,
		url: `${path}/update`,
		permission: `${permission}.update`,
		prepare: [
			assertValidScheduleId,
			addSchedule,
			keepOnlyKeys([spec.id.bodyKey, 'schedule_id', 'schedule']),
		],
		echoBodyKeys: ['schedule_id'],
		onUnclearAnswer: resend(CHANGES.scheduleUpdate),
	};
}
