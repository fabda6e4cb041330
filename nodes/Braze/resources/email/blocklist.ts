import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { addEmails } from './fields/emails';
import { listBatch } from './fields/listBatch';

/**
 * Email › Blocklist: POST /email/blocklist unsubscribes addresses from email and marks them as
 * hard-bounced, so Braze never emails them. Its permission keeps the old name, email.blacklist.
 * https://www.braze.com/docs/api/endpoints/email/post_blocklist
 */
export const blocklistOperation: OperationSpec = {
	name: 'Blocklist',
	value: 'blocklist',
	action: 'Blocklist email addresses',
	description:
		'Stop all email to addresses: Braze unsubscribes them and marks them as hard-bounced, e.g. for a spam trap or an address a contact asked never to be used. Items share requests of up to 50 addresses.',
	url: '/email/blocklist',
	permission: 'email.blacklist',
	prepare: [addEmails],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CHANGES.blocklist),
	batch: listBatch('email'),
};
