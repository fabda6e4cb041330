import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { addEmails } from './fields/emails';
import { listBatch } from './fields/listBatch';

/**
 * Email › Remove Hard Bounces: POST /email/bounce/remove takes addresses off Braze's hard bounce
 * list and the email provider's, so Braze emails them again.
 * https://www.braze.com/docs/api/endpoints/email/post_remove_hard_bounces
 */
export const removeHardBouncesOperation: OperationSpec = {
	name: 'Remove Hard Bounces',
	value: 'removeHardBounces',
	action: 'Remove email addresses from the hard bounce list',
	description:
		"Take email addresses off Braze's hard bounce list (and the email provider's), e.g. after a contact fixed a full mailbox or a typo, so Braze emails them again. Items share requests of up to 50 addresses.",
	url: '/email/bounce/remove',
	permission: 'email.bounce.remove',
	prepare: [addEmails],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CHANGES.listRemoval),
	batch: listBatch('email'),
};
