import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { addEmails } from './fields/emails';
import { listBatch } from './fields/listBatch';

/**
 * Email › Remove Spam: POST /email/spam/remove takes addresses off Braze's spam list (users who
 * marked an email as spam) and the email provider's.
 * https://www.braze.com/docs/api/endpoints/email/post_remove_spam
 */
export const removeSpamOperation: OperationSpec = {
	name: 'Remove Spam',
	value: 'removeSpam',
	action: 'Remove email addresses from the spam list',
	description:
		"Take email addresses off Braze's spam list (and the email provider's), e.g. when a contact who marked an email as spam asks to receive emails again. Items share requests of up to 50 addresses.",
	url: '/email/spam/remove',
	permission: 'email.spam.remove',
	prepare: [addEmails],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CHANGES.listRemoval),
	batch: listBatch('email'),
};
