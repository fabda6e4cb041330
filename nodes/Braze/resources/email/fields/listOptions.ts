import type { INodeProperties } from 'n8n-workflow';

import { optionsPropertyFor } from '../../../shared/options';

/** The Email and SMS operations that change a list, and those that read one. */
const LIST_WRITES = [
	'setStatus',
	'removeHardBounces',
	'removeSpam',
	'blocklist',
	'removeInvalidPhoneNumbers',
];
const LIST_READS = ['getUnsubscribes', 'getHardBounces', 'getInvalidPhoneNumbers'];

const base = optionsPropertyFor(
	'email',
	LIST_READS[0],
	['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'],
	'Dry run, timeout, and how to handle rate limits and server errors',
);

/**
 * The Options of every Email and SMS operation, defined once (n8n's routing walks every top-level
 * definition for every item): Dry Run, Max Wait on Rate Limit, Timeout, and for the operations
 * that change a list, Retry Server Errors (a read is asked again after a server error anyway).
 */
export const listOptionsProperty: INodeProperties = {
	...base,
	displayOptions: {
		show: { resource: ['email', 'sms'], operation: [...LIST_READS, ...LIST_WRITES] },
	},
	options: (base.options as INodeProperties[]).map((option) =>
		option.name === 'retryServerErrors'
			? {
					...option,
					description:
						'Whether to send again (up to twice, after 1 s, then 3 s) after a 5xx, a timeout or a connection dropped after sending: setting a state, removing from or adding to a list comes out the same when applied twice',
					displayOptions: { show: { '/operation': LIST_WRITES } },
				}
			: option,
	),
};
