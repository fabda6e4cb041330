import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../helpers/body/types';
import { showFor } from '../../helpers/form/displayOptions';
import type { OperationSpec } from '../../transport/operation';
import { CHANGES, resend } from '../../transport/request/unclearAnswers';
import { phoneNumber } from '../../helpers/validation/userData';
import { readAddressList } from '../email/fields/addressList';
import { listBatch, MAX_LIST_ENTRIES } from '../email/fields/listBatch';

/**
 * SMS › Remove Invalid Phone Numbers: POST /sms/invalid_phone_numbers/remove takes numbers off
 * Braze's invalid list, so Braze sends SMS to them again. Braze's examples leave out the "+",
 * but the field is E.164: the node sends +<country code><number>.
 * https://www.braze.com/docs/api/endpoints/sms/post_remove_invalid_numbers
 */
export const removeInvalidPhoneNumbersProperties: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +14155552671, +442079460958',
		description:
			"This item's numbers (phone_numbers, E.164: + then the country code and the number): one, several separated by commas, semicolons or new lines, or a list from an expression; at most 50. The items of a run share requests of up to 50 numbers.",
		displayOptions: showFor('sms', ['removeInvalidPhoneNumbers']),
	},
];

function addPhoneNumbers(context: IExecuteSingleFunctions, body: BrazeBody): void {
	for (const key of Object.keys(body)) delete body[key];
	body.phone_numbers = readAddressList(
		context,
		'phoneNumbers',
		{ label: 'Phone Numbers', entry: 'phone number', max: MAX_LIST_ENTRIES },
		phoneNumber,
	);
}

export const removeInvalidPhoneNumbersOperation: OperationSpec = {
	name: 'Remove Invalid Phone Numbers',
	value: 'removeInvalidPhoneNumbers',
	action: 'Remove phone numbers from the invalid list',
	description:
		"Take phone numbers off Braze's invalid list, e.g. after a contact confirmed a working number, so Braze sends SMS to them again. Items share requests of up to 50 numbers.",
	url: '/sms/invalid_phone_numbers/remove',
	permission: 'sms.invalid_phone_numbers.remove',
	prepare: [addPhoneNumbers],
	outputsDispatchId: false,
	onUnclearAnswer: resend(CHANGES.invalidNumberRemoval),
	batch: listBatch('phone_numbers'),
};
