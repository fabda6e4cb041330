import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { booleanField } from '../helpers/validation/fieldValues';
import { collectionParameter } from '../helpers/form/parameters';

/**
 * "Dry Run": add it to an operation's Options collection (named `options`) whose requests go
 * through brazeRequestExecutor. The executor then checks the item and builds the exact request
 * body (one per chunk of at most 50 users) and outputs them instead of calling Braze.
 */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only check the item and build the request(s) without calling Braze. The output lists the method, endpoint URL, request_count and requests[].body (for a list, requests[].query), one entry per request (sends to more than 50 users are split), exactly as they would be sent. Nothing is sent or scheduled.',
};

/**
 * Whether the item's Options › Dry Run is on. Fails closed: a value that is not clearly true or
 * false ("yes", 1, "TRUE", an expression giving nothing) is refused, since reading it as off
 * would send for real.
 */
export function isDryRun(context: IExecuteSingleFunctions): boolean {
	const options = collectionParameter(context, 'options');
	if (!('dryRun' in options)) return false;
	return booleanField(context, options.dryRun ?? null, 'Options › Dry Run', false);
}

/**
 * The dry-run output of one item: the requests the executor would have made, each with its
 * body, or for a GET its query string.
 */
export function dryRunResult(
	options: { method?: string; url?: string },
	bodies: IDataObject[],
): IDataObject {
	const { method = 'POST', url = '' } = options;
	const part = method === 'GET' ? 'query' : 'body';
	return {
		dry_run: true,
		method,
		url,
		request_count: bodies.length,
		requests: bodies.map((body) => ({ [part]: body })),
	};
}
