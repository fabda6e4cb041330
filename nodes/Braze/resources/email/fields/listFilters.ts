import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../../helpers/body/types';
import { showFor } from '../../../helpers/form/displayOptions';
import type { PagingSpec } from '../../../transport/reads/pages';
import { textField } from '../../../helpers/validation/fieldValues';
import { accepted, emailAddress } from '../../../helpers/validation/userData';
import { dayRangeOptions, readDayRange } from './dayRange';

/** The email lists read page by page: Get Many Unsubscribes and Get Many Hard Bounces. */
export const EMAIL_LIST_OPERATIONS = ['getUnsubscribes', 'getHardBounces'];

/**
 * Filters of both email lists: the dates, or one address to look up. Braze requires end_date
 * and one of start_date or email; with email, it answers for that address whatever the dates.
 */
export const emailListFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description:
		'Which part of the list to return: the addresses added between Start Date and End Date, or one address (Email). Start Date or Email is required.',
	displayOptions: showFor('email', EMAIL_LIST_OPERATIONS),
	options: [
		...dayRangeOptions('the addresses added to the list'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. lin@example.com',
			default: '',
			description:
				'Look up one address (email): returned if it is on the list. Braze then ignores the dates.',
		},
	],
};

/** Braze's email lists: 500 records a page at most, ?limit=…&offset=… (offset 0 skips none). */
export function emailListPaging(listKey = 'emails'): PagingSpec {
	return {
		style: { kind: 'offset', max: 500 },
		listKey,
		// An address lookup goes out without limit and offset.
		whole: (query: IDataObject) => query.email !== undefined,
	};
}

/**
 * The body step of an email list: the query as Braze reads it, from the Filters (and whatever
 * `extra` adds), replacing whatever routing put in the body.
 */
export function emailListQuery(
	listed: string,
	extra?: (context: IExecuteSingleFunctions) => IDataObject,
) {
	return function addEmailListQuery(context: IExecuteSingleFunctions, body: BrazeBody): void {
		for (const key of Object.keys(body)) delete body[key];
		const typed = textField(context, context.getNodeParameter('filters.email', ''), 'Email');
		const email = typed ? accepted(context, 'Filters › Email: ', emailAddress(typed)) : undefined;
		const range = readDayRange(context, { given: !!email, label: 'Email', listed });
		Object.assign(body, range, email === undefined ? {} : { email }, extra?.(context) ?? {});
	};
}
