import { addSchedule } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { targetingSteps } from './send';
import type { TriggerSpec } from './triggerSpec';

/**
 * Campaign or Canvas › Schedule: Trigger's recipients and properties (`targetingSteps`, without
 * attachments, which the schedule endpoint does not take) plus `schedule`, from Send At and its
 * modes (shared/schedule.ts, the same fields as Message › Schedule).
 */
export function triggerScheduleOperation(spec: TriggerSpec): OperationSpec {
	const { path, permission, noun, scheduleNote } = spec.schedule;
	const article = noun === 'campaign' ? 'a campaign' : 'a canvas';
	return {
		name: 'Schedule',
		value: 'schedule',
		action: `Schedule ${article}`,
		description: `Schedule an API-triggered ${noun}, set up in Braze, for a later time (optionally in each user's local time), for named recipients or its whole audience (POST ${path}/create). Use it instead of Trigger when it must start later.${scheduleNote ? ` ${scheduleNote}` : ''} Outputs schedule_id (keep it to update or delete the schedule) and dispatch_id; more than 50 recipients are scheduled in requests of 50, each with its own schedule_id, listed in schedule_ids.`,
		url: `${path}/create`,
		permission: `${permission}.create`,
		prepare: [...targetingSteps(spec), addSchedule],
		onUnclearAnswer: report(CHANGES.schedule),
	};
}
