import { resourceProperties } from '../resource';
import { blocklistOperation } from './blocklist';
import { emailListFiltersProperty } from './fields/listFilters';
import { emailsProperty } from './fields/emails';
import { listOptionsProperty } from './fields/listOptions';
import { getHardBouncesOperation } from './getHardBounces';
import { getUnsubscribesOperation, getUnsubscribesProperties } from './getUnsubscribes';
import { removeHardBouncesOperation } from './removeHardBounces';
import { removeSpamOperation } from './removeSpam';
import { setStatusOperation, setStatusProperties } from './setStatus';

/** In the Operation list's (alphabetical) order. */
const operations = [
	blocklistOperation,
	getHardBouncesOperation,
	getUnsubscribesOperation,
	removeHardBouncesOperation,
	removeSpamOperation,
	setStatusOperation,
];

/** The Email form: Braze's email lists (unsubscribes, hard bounces, spam, blocklist) and states. */
export const emailProperties = resourceProperties(
	'email',
	operations,
	[
		emailListFiltersProperty,
		...getUnsubscribesProperties,
		emailsProperty,
		...setStatusProperties,
		listOptionsProperty,
	],
	'getUnsubscribes',
);
