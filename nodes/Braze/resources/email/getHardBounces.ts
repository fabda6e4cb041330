import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { emailListPaging, emailListQuery } from './fields/listFilters';

/**
 * Email › Get Many Hard Bounces: GET /email/hard_bounces, the addresses that hard-bounced
 * between two dates (or one address looked up), newest first, up to 500 a page
 * (?limit=…&offset=…). Braze sends no more email to them until they are removed from the list.
 * https://www.braze.com/docs/api/endpoints/email/get_list_hard_bounces
 */
export const getHardBouncesOperation: OperationSpec = {
	name: 'Get Many Hard Bounces',
	value: 'getHardBounces',
	action: 'Get many email hard bounces',
	description:
		'List the email addresses that hard-bounced between two dates, or check whether one address did, e.g. to mark them invalid in a CRM. One output item per address, with email and hard_bounced_at.',
	url: '/email/hard_bounces',
	method: 'GET',
	permission: 'email.hard_bounces',
	prepare: [emailListQuery('hard bounces')],
	paging: emailListPaging(),
	onUnclearAnswer: askAgain(CHANGES.read),
};
