import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collectionParameter } from '../../../helpers/form/parameters';
import { showFor } from '../../../helpers/form/displayOptions';
import { optionsPropertyFor } from '../../../shared/options';
import { readNumber } from '../../../helpers/values/number';

/** Braze's newest limit: 75 objects per /users/track request, across its three arrays. */
export const MAX_TRACK_OBJECTS = 75;

const SHARED = ['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'];

/** The operations that send /users/track objects. */
export const TRACK_OPERATIONS = ['upsert', 'trackEvent', 'trackPurchase'];

const objectsPerRequestOption: INodeProperties = {
	displayName: 'Objects per Request',
	name: 'objectsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TRACK_OBJECTS },
	default: MAX_TRACK_OBJECTS,
	description:
		"How many items' objects one /users/track request carries (Braze allows 75; 50 for accounts on its MAU CY 24-25 plans). The node groups items into requests of this size.",
	// Collection options are shown relative to the collection: '/operation' is the root field.
	displayOptions: { show: { '/operation': TRACK_OPERATIONS } },
};

/**
 * One Options collection for all the operations of a User or Subscription Group resource, with
 * the resource's own `extra` options (User: the fields version 2 moved in, movedToOptions.ts).
 */
export function userOptionsProperty(
	resource: string,
	operations: string[],
	extra: INodeProperties[] = [],
): INodeProperties {
	const tracks = operations.some((operation) => TRACK_OPERATIONS.includes(operation));
	const base = optionsPropertyFor(
		resource,
		operations[0],
		SHARED,
		tracks
			? 'How Braze applies the update, objects per request, dry run, timeout, and how to handle rate limits and server errors'
			: 'Dry run, timeout, and how to handle rate limits and server errors',
	);
	const options = [
		...(base.options as INodeProperties[]),
		...(tracks ? [objectsPerRequestOption] : []),
		...extra,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { ...base, displayOptions: showFor(resource, operations), options };
}

/** Options › Objects per Request (1–75), for accounts with a lower limit. */
export function objectsPerRequest(context: IExecuteSingleFunctions): number {
	const value = readNumber(collectionParameter(context, 'options').objectsPerRequest);
	if (value === undefined || !Number.isInteger(value)) return MAX_TRACK_OBJECTS;
	return Math.min(MAX_TRACK_OBJECTS, Math.max(1, value));
}
