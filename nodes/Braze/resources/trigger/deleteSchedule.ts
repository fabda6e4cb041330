import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { assertValidScheduleId } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import type { TriggerSpec } from './triggerSpec';

/**
 * Campaign or Canvas › Delete Schedule: sends only the campaign or Canvas ID and the
 * schedule_id, the documented body.
 */
export function triggerDeleteScheduleOperation(spec: TriggerSpec): OperationSpec {
	const { path, permission, noun } = spec.schedule;
	return {
		name: 'Delete Schedule',
		value: 'deleteSchedule',
		action: `Delete a scheduled ${noun.toLowerCase()}`,
		description: `Cancel a ${noun} scheduled with Schedule before it is sent, by its schedule_id (POST ${path}/delete). Use it when the send is no longer wanted. Outputs schedule_id and message.`,
		url: `${path}/delete`,
		permission: `${permission}.delete`,
		prepare: [assertValidScheduleId, keepOnlyKeys([spec.id.bodyKey, 'schedule_id'])],
		echoBodyKeys: ['schedule_id'],
		onUnclearAnswer: resend(CHANGES.scheduleDeletion),
	};
}
