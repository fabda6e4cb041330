import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import { collectionParameter } from '../../helpers/form/parameters';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { phoneNumber } from '../../helpers/validation/userData';
import { readAddressList } from '../email/fields/addressList';
import { dayRangeOptions, readDayRange } from '../email/fields/dayRange';

/**
 * SMS › Get Many Invalid Phone Numbers: GET /sms/invalid_phone_numbers, the numbers Braze found
 * invalid between two dates (or the given numbers looked up), newest first, up to 500 a page
 * (?limit=…&offset=…), each with why: provider_error (cannot receive SMS) or deactivated. The
 * numbers to look up go out as phone_numbers[]=…, E.164.
 * https://www.braze.com/docs/api/endpoints/sms/get_query_invalid_numbers
 */

/**
 * Numbers one lookup may name. Braze documents no maximum; the lookup goes out in one request
 * without limit and offset, whose answer Braze caps at its default page of 100, and every number
 * in the query string lengthens the URL (about 30 characters each).
 */
export const MAX_LOOKUP_NUMBERS = 100;
const REASONS = ['provider_error', 'deactivated'];

export const getInvalidPhoneNumbersProperties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Which numbers to return: those found invalid between Start Date and End Date, or the Phone Numbers you name; and for which reason. Start Date or Phone Numbers is required.',
		displayOptions: showFor('sms', ['getInvalidPhoneNumbers']),
		options: [
			...dayRangeOptions('the numbers found invalid'),
			{
				displayName: 'Phone Numbers',
				name: 'phoneNumbers',
				type: 'string',
				placeholder: 'e.g. +14155552671, +442079460958',
				default: '',
				description: `Look up these numbers (phone_numbers, E.164): each is returned if Braze found it invalid. One, several separated by commas, or a list from an expression; at most ${MAX_LOOKUP_NUMBERS}. Braze then ignores the dates.`,
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'options',
				default: 'provider_error',
				description:
					'Only the numbers found invalid for this reason (reason). Not set: every reason.',
				options: [
					{
						name: 'Deactivated',
						value: 'deactivated',
						description: 'The number was deactivated by its carrier',
					},
					{
						name: 'Provider Error',
						value: 'provider_error',
						description: 'The number cannot receive SMS',
					},
				],
			},
		],
	},
];

function addInvalidQuery(context: IExecuteSingleFunctions, body: BrazeBody): void {
	for (const key of Object.keys(body)) delete body[key];
	const typed = context.getNodeParameter('filters.phoneNumbers', '');
	const numbers =
		typed === '' || typed === undefined || typed === null
			? []
			: readAddressList(
					context,
					'filters.phoneNumbers',
					{ label: 'Filters › Phone Numbers', entry: 'phone number', max: MAX_LOOKUP_NUMBERS },
					phoneNumber,
				);
	const range = readDayRange(context, {
		given: numbers.length > 0,
		label: 'Phone Numbers',
		listed: 'invalid phone numbers',
	});
	const reason = collectionParameter(context, 'filters').reason;
	if (reason !== undefined && reason !== '' && !REASONS.includes(String(reason))) {
		throw invalidInput(
			context,
			`Filters › Reason must be Provider Error or Deactivated, but it is ${JSON.stringify(reason)}`,
			'Pick one of the two (an expression must give provider_error or deactivated), or remove the filter for every reason.',
		);
	}
	Object.assign(
		body,
		range,
		numbers.length ? { phone_numbers: numbers } : {},
		reason ? { reason: String(reason) } : {},
	);
}

export const getInvalidPhoneNumbersOperation: OperationSpec = {
	name: 'Get Many Invalid Phone Numbers',
	value: 'getInvalidPhoneNumbers',
	action: 'Get many invalid phone numbers',
	description:
		'List the phone numbers Braze found invalid for SMS between two dates, or check given numbers, e.g. to flag them in a CRM. One output item per number, with phone, invalid_detected_at and reason (provider_error or deactivated).',
	url: '/sms/invalid_phone_numbers',
	method: 'GET',
	// phone_numbers[]=…&phone_numbers[]=…, as Braze documents the query.
	arrayFormat: 'brackets',
	permission: 'sms.invalid_phone_numbers',
	prepare: [addInvalidQuery],
	paging: {
		style: { kind: 'offset', max: 500 },
		listKey: 'sms',
		// A lookup of named numbers goes out once, without limit and offset (at most 100 numbers).
		whole: (query) => query.phone_numbers !== undefined,
	},
	onUnclearAnswer: askAgain(CHANGES.read),
};
