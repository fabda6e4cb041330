import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collectionParameter } from '../../helpers/form/parameters';
import { invalidInput } from '../../helpers/validation/invalidInput';
import { readNumber } from '../../helpers/values/number';

/**
 * User › Get's own options, in the User resource's Options collection. Braze takes up to 50
 * external IDs and aliases in one /users/export/ids request
 * (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier).
 */
export const MAX_LOOKUPS_PER_REQUEST = 50;

/** Collection options are shown relative to the collection: '/operation' is the root field. */
const onlyGet = { show: { '/operation': ['get'] } };

export type IfNotFound = 'fail' | 'returnNotFound';
const IF_NOT_FOUND: readonly IfNotFound[] = ['fail', 'returnNotFound'];

export const getOptions: INodeProperties[] = [
	{
		displayName: 'If Not Found',
		name: 'ifNotFound',
		type: 'options',
		default: 'fail',
		description: 'What an item whose user Braze does not know gives',
		options: [
			{
				name: 'Fail the Item',
				value: 'fail',
				description:
					'The item fails, naming the identifier. With Settings › On Error › Continue (using error output), it goes to the error output.',
			},
			{
				name: 'Return Found: False',
				value: 'returnNotFound',
				description:
					'The item outputs found: false and the identifier it asked for, so that an If node can route it',
			},
		],
		displayOptions: onlyGet,
	},
	{
		displayName: 'Lookups per Request',
		name: 'lookupsPerRequest',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LOOKUPS_PER_REQUEST },
		default: MAX_LOOKUPS_PER_REQUEST,
		description:
			'How many items looked up by External ID or User Alias share one request (Braze allows 50). Lower it if requests for many fields, such as Campaigns Received, time out. Braze ID, Email and Phone lookups take one request each.',
		displayOptions: onlyGet,
	},
];

/** Options › If Not Found, checked before anything is sent. */
export function ifNotFound(context: IExecuteSingleFunctions): IfNotFound {
	const value = collectionParameter(context, 'options').ifNotFound ?? 'fail';
	if (IF_NOT_FOUND.includes(value as IfNotFound)) return value as IfNotFound;
	throw invalidInput(
		context,
		`Options › If Not Found cannot be ${JSON.stringify(value)}`,
		'Pick Fail the Item or Return Found: False (an expression must give fail or returnNotFound).',
	);
}

/** Options › Lookups per Request (1–50), read from the run's first item. */
export function lookupsPerRequest(context: IExecuteSingleFunctions): number {
	const value = readNumber(collectionParameter(context, 'options').lookupsPerRequest);
	if (value === undefined || !Number.isInteger(value)) return MAX_LOOKUPS_PER_REQUEST;
	return Math.min(MAX_LOOKUPS_PER_REQUEST, Math.max(1, value));
}
