import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { BatchSpec } from '../../transport/batchedItem';
import { readNumber } from '../../values/number';

/** Braze's newest limit: 75 objects per /users/track request, across its three arrays. */
export const MAX_TRACK_OBJECTS = 75;
/** /users/identify, /users/alias/new, /users/delete and the subscription endpoint take 50. */
export const MAX_IDENTITY_OBJECTS = 50;

const IDENTIFIER_KEYS = ['external_id', 'user_alias', 'braze_id', 'email', 'phone'];

/** The identifier of an item's first object, for its output. */
export function identifierOf(objects: Record<string, IDataObject[]>): IDataObject {
	const first = Object.values(objects)[0]?.[0];
	const result: IDataObject = {};
	if (first === undefined || first === null) return result;
	if (typeof first !== 'object') return { id: first };
	// The identifier is the object's first key: a profile's email after it is an attribute.
	const key = Object.keys(first).find((name) => IDENTIFIER_KEYS.includes(name));
	if (key !== undefined) result[key] = first[key];
	return result;
}

/** Options › Objects per Request (1–75), for accounts with a lower limit. */
function trackLimit(context: IExecuteSingleFunctions): number {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const value = readNumber(options.objectsPerRequest);
	if (value === undefined || !Number.isInteger(value)) return MAX_TRACK_OBJECTS;
	return Math.min(MAX_TRACK_OBJECTS, Math.max(1, value));
}

/** /users/track: items share requests of up to 75 objects (or Options › Objects per Request). */
export const trackBatch = (array: string): BatchSpec => ({
	arrays: [array],
	limits: (context) => ({ total: trackLimit(context) }),
	describe: identifierOf,
});

/** An identity endpoint: items share requests of up to 50 entries. */
export const identityBatch = (arrays: string[], describe = identifierOf): BatchSpec => ({
	arrays,
	limits: () => ({ total: MAX_IDENTITY_OBJECTS }),
	describe,
});
