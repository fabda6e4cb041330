import type { IDataObject } from 'n8n-workflow';

import { identifierKeyOf } from '../../helpers/body/namedUser';
import type { BatchSpec } from '../../transport/sharedRequests';
import { objectsPerRequest } from './fields/options';

/** /users/identify, /users/alias/new, /users/delete and the subscription endpoint take 50. */
export const MAX_IDENTITY_OBJECTS = 50;

/** The identifier of an item's first object, for its output. */
export function identifierOf(objects: Record<string, IDataObject[]>): IDataObject {
	const first = Object.values(objects)[0]?.[0];
	const result: IDataObject = {};
	if (first === undefined || first === null) return result;
	if (typeof first !== 'object') return { id: first };
	const key = identifierKeyOf(first);
	if (key !== undefined) result[key] = first[key];
	return result;
}

/** /users/track: items share requests of up to 75 objects (or Options › Objects per Request). */
export const trackBatch = (array: string): BatchSpec => ({
	arrays: [array],
	limits: (context) => ({ total: objectsPerRequest(context) }),
	describe: identifierOf,
});

/** An identity endpoint: items share requests of up to 50 entries. */
export const identityBatch = (arrays: string[], describe = identifierOf): BatchSpec => ({
	arrays,
	limits: () => ({ total: MAX_IDENTITY_OBJECTS }),
	describe,
});
