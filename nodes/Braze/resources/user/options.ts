import type { INodeProperties } from 'n8n-workflow';

import { optionsPropertyFor } from '../../sections/options';
import { MAX_TRACK_OBJECTS } from './batching';

const SHARED = ['dryRun', 'maxWaitOnRateLimit', 'retryServerErrors', 'timeout'];

const objectsPerRequestOption: INodeProperties = {
	displayName: 'Objects per Request',
	name: 'objectsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TRACK_OBJECTS },
	default: MAX_TRACK_OBJECTS,
	description:
		"How many items' objects one /users/track request carries (Braze allows 75; 50 for accounts on its MAU CY 24-25 plans). The node groups items into requests of this size.",
};

/** The Options collection of a User or Subscription Group operation. */
export function userOptionsProperty(
	resource: string,
	operation: string,
	tracks: boolean,
): INodeProperties {
	const base = optionsPropertyFor(
		resource,
		operation,
		SHARED,
		tracks
			? 'Objects per request, dry run, timeout, and how to handle rate limits and server errors'
			: 'Dry run, timeout, and how to handle rate limits and server errors',
	);
	if (!tracks) return base;
	const options = [...(base.options as INodeProperties[]), objectsPerRequestOption].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
	return { ...base, options };
}
