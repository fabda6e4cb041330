import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/form/displayOptions';
import { collectionParameter } from '../../helpers/form/parameters';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { emailListPaging, emailListQuery } from './fields/listFilters';

/**
 * Email › Get Many Unsubscribes: GET /email/unsubscribes, the addresses that unsubscribed from
 * email between two dates (or one address looked up), newest first unless sorted, up to 500 a
 * page (?limit=…&offset=…). Braze keeps the latest unsubscribes there; the full history is in
 * Currents.
 * https://www.braze.com/docs/api/endpoints/email/get_query_unsubscribed_email_addresses
 */
export const getUnsubscribesProperties: INodeProperties[] = [
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		description: 'The order of the list; Braze gives the newest unsubscribes first',
		displayOptions: showFor('email', ['getUnsubscribes']),
		options: [
			{
				displayName: 'Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'desc',
				description: 'Braze sorts the addresses by when they unsubscribed (sort_direction)',
				options: [
					{ name: 'Newest First', value: 'desc', description: 'The latest unsubscribes first' },
					{ name: 'Oldest First', value: 'asc', description: 'The earliest unsubscribes first' },
				],
			},
		],
	},
];

const DIRECTIONS = ['asc', 'desc'];

function sortDirection(context: IExecuteSingleFunctions): IDataObject {
	const direction = collectionParameter(context, 'sort').sortDirection;
	if (direction === undefined || direction === '') return {};
	if (!DIRECTIONS.includes(String(direction))) {
		throw invalidInput(
			context,
			`Sort › Direction must be Newest First or Oldest First, but it is ${JSON.stringify(direction)}`,
			'Pick one of the two (an expression must give desc or asc).',
		);
	}
	return { sort_direction: direction };
}

export const getUnsubscribesOperation: OperationSpec = {
	name: 'Get Many Unsubscribes',
	value: 'getUnsubscribes',
	action: 'Get many email unsubscribes',
	description:
		"List the email addresses that unsubscribed between two dates, or check whether one address did, e.g. to copy the day's unsubscribes to a CRM every morning. One output item per address, with email and unsubscribed_at.",
	url: '/email/unsubscribes',
	method: 'GET',
	permission: 'email.unsubscribe',
	prepare: [emailListQuery('unsubscribes', sortDirection)],
	paging: emailListPaging(),
	onUnclearAnswer: askAgain(CHANGES.read),
};
