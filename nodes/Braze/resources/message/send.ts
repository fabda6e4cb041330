import { assertValidMessages } from '../../channels/selection';
import { messageBatch } from '../../shared/batchItems';
import { assertValidRecipients } from '../../shared/recipients';
import { addMessageRecipients } from '../../shared/sendTo';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, report } from '../../transport/request/unclearAnswers';

/**
 * Message › Send: after the routed fields are typed, completes the body with what routing
 * cannot write (the recipients: version 1's five controls, or version 2's Send To way), then
 * checks all of it, in this order. Schedule runs the same steps.
 */
export const sendSteps = [addMessageRecipients, assertValidRecipients, assertValidMessages];

export const sendOperation: OperationSpec = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description:
		'Send a message you write here, now, to the users you name (external IDs or aliases), a segment or an audience, by email, push, SMS, WhatsApp, content card or webhook (POST /messages/send). Use it for a one-off or support message; for content set up in Braze use Campaign or Canvas Journey › Trigger, for one order or password email Transactional Email › Send. Outputs the dispatch_id.',
	url: '/messages/send',
	permission: 'messages.send',
	prepare: sendSteps,
	onUnclearAnswer: report(CHANGES.message),
	perUserWrite: true,
	batch: messageBatch,
};
