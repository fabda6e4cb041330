import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { keepOnlyKeys } from '../../helpers/body/requestBody';
import { showFor } from '../../helpers/form/displayOptions';
import { booleanField } from '../../helpers/validation/fieldValues';
import type { PagingSpec } from '../../transport/reads/pages';
import type { OperationSpec } from '../../transport/operation';
import { askAgain, CHANGES } from '../../transport/request/unclearAnswers';

/**
 * Custom Event › Get Many, from one of two endpoints, both alphabetical and both within Braze's
 * 1,000 requests an hour they share (https://www.braze.com/docs/api/api_limits):
 * - GET /events/list?page=…: the names alone, 250 a page, as plain strings; one output item
 *   `{ name }` per event (https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events).
 *   The default: a workflow mostly wants the names (for Get Analytics, or to check one exists),
 *   and 250 a page spends five times fewer of the 1,000 requests than the other;
 * - GET /events?cursor=… (Include Details): 50 a page, each with its description, status, tags
 *   and whether it is in analytics reports; the next page comes from the Link header
 *   (https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events_data).
 * The requests of both are paced by their own rate-limit gate, learnt from Braze's headers.
 */
export const getManyEventsProperties: INodeProperties[] = [
	{
		displayName: 'Include Details',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description:
			"Whether to return each event's description, status, tags and whether analytics reports include it, instead of the name alone. Braze then gives 50 events a request instead of 250, from the same 1,000 requests an hour.",
		displayOptions: showFor('customEvent', ['getMany']),
	},
];

function detailed(context: IExecuteSingleFunctions): boolean {
	return booleanField(
		context,
		context.getNodeParameter('includeDetails', false),
		'Include Details',
		false,
	);
}

const NAMES: PagingSpec = {
	style: { kind: 'page', size: 250 },
	listKey: 'events',
	record: (name) => ({ name: name as string }),
};

const DETAILS: PagingSpec = { style: { kind: 'cursor' }, listKey: 'events' };

export const getManyEventsOperation: OperationSpec = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many custom events',
	description:
		"List the names of the workspace's custom events, alphabetically, one output item per event (with Include Details: also each event's description, status and tags), e.g. to pick the events to report on with Get Analytics. Braze allows 1,000 of these requests an hour.",
	url: '/events/list',
	path: (context) => (detailed(context) ? '/events' : '/events/list'),
	method: 'GET',
	permission: (context) => (detailed(context) ? 'events.get' : 'events.list'),
	prepare: [keepOnlyKeys([])],
	paging: (context) => (detailed(context) ? DETAILS : NAMES),
	rateLimitBucket: 'events',
	onUnclearAnswer: askAgain(CHANGES.read),
	outputsDispatchId: false,
};
