import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { assertValidScheduleId } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';

// Message › Delete Schedule shows only Schedule ID (shared/schedule.ts).

export const deleteScheduleOperation: OperationSpec = {
	name: 'Delete Schedule',
	value: 'deleteSchedule',
	action: 'Delete a scheduled message',
	description:
		'Cancel a message scheduled with Message › Schedule before it is sent, by its schedule_id (POST /messages/schedule/delete). Use it when the message is no longer wanted, e.g. the user already converted. Outputs schedule_id and message.',
	url: '/messages/schedule/delete',
	permission: 'messages.schedule.delete',
	// Only schedule_id goes.
	prepare: [assertValidScheduleId, keepOnlyKeys(['schedule_id'])],
	echoBodyKeys: ['schedule_id'],
	onUnclearAnswer: resend(CHANGES.scheduleDeletion),
};
