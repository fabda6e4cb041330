import { addSchedule } from '../../shared/schedule';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';
import { sendSteps } from './send';

// Message › Schedule shows Send's fields and Send At with its modes (shared/schedule.ts), which
// Campaign and Canvas › Schedule show too.

export const scheduleOperation: OperationSpec = {
	name: 'Schedule',
	value: 'schedule',
	action: 'Schedule a message',
	description:
		"Schedule a message you write here for a later time (optionally in each user's local time), to named users, a segment or an audience, by email, push, SMS, WhatsApp, content card or webhook (POST /messages/schedule/create). Use it instead of Send when the message must go out later. Outputs schedule_id (keep it to update or delete the schedule) and dispatch_id; more than 50 named users are scheduled in several requests, listed in schedule_ids.",
	url: '/messages/schedule/create',
	permission: 'messages.schedule.create',
	// The Send steps, then `schedule`.
	prepare: [...sendSteps, addSchedule],
	onUnclearAnswer: report(CHANGES.schedule),
};
