import { resourceProperties } from '../resource';
import { listOptionsProperty } from '../email/fields/listOptions';
import {
	getInvalidPhoneNumbersOperation,
	getInvalidPhoneNumbersProperties,
} from './getInvalidPhoneNumbers';
import {
	removeInvalidPhoneNumbersOperation,
	removeInvalidPhoneNumbersProperties,
} from './removeInvalidPhoneNumbers';

const operations = [getInvalidPhoneNumbersOperation, removeInvalidPhoneNumbersOperation];

/** The SMS form: Braze's list of invalid phone numbers. */
export const smsProperties = resourceProperties(
	'sms',
	operations,
	[
		...getInvalidPhoneNumbersProperties,
		...removeInvalidPhoneNumbersProperties,
		listOptionsProperty,
	],
	'getInvalidPhoneNumbers',
);
