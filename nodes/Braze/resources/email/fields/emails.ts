import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BrazeBody } from '../../../helpers/body/types';
import { showFor } from '../../../helpers/form/displayOptions';
import { emailAddress } from '../../../helpers/validation/userData';
import { readAddressList } from './addressList';
import { MAX_LIST_ENTRIES } from './listBatch';

/** The email operations that change lists or states of addresses. */
export const EMAIL_WRITE_OPERATIONS = ['setStatus', 'removeHardBounces', 'removeSpam', 'blocklist'];

export const emailsProperty: INodeProperties = {
	displayName: 'Emails',
	name: 'emails',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. lin@example.com, sam@example.com',
	description:
		"This item's addresses (email): one, several separated by commas, semicolons or new lines, or a list from an expression; at most 50. The items of a run share requests of up to 50 addresses.",
	displayOptions: showFor('email', EMAIL_WRITE_OPERATIONS),
};

/** Emails as Braze's `email` list, each address checked. */
export function addEmails(context: IExecuteSingleFunctions, body: BrazeBody): void {
	for (const key of Object.keys(body)) delete body[key];
	body.email = readAddressList(
		context,
		'emails',
		{ label: 'Emails', entry: 'address', max: MAX_LIST_ENTRIES },
		emailAddress,
	);
}
