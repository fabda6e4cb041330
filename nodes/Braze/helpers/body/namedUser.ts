import { isObjectLike } from '../values/object';
import type { BrazeBody } from './types';

/** The keys that name one user in Braze's user and recipient objects. */
const IDENTIFIER_KEYS = [
	'external_id',
	'external_user_id',
	'user_alias',
	'braze_id',
	'email',
	'phone',
];

/** The /users/track arrays: each object names its user. */
const TRACK_ARRAYS = ['attributes', 'events', 'purchases'];

/** A stable text for one identifier value (an alias is an object). */
function keyOf(name: string, value: unknown): string {
	if (isObjectLike(value)) {
		return `${name}:${String(value.alias_label)}:${String(value.alias_name)}`;
	}
	return `${name}:${String(value)}`;
}

/**
 * The key that names the user of a user or recipient object: its first identifier key. The node
 * puts the identifier first, so a profile's email or phone after it is an attribute, not the user.
 */
export function identifierKeyOf(object: Record<string, unknown>): string | undefined {
	return Object.keys(object).find(
		(key) => IDENTIFIER_KEYS.includes(key) && object[key] !== undefined && object[key] !== null,
	);
}

/** The user one recipient or user object names, by its identifier. */
function userOf(object: unknown): string | undefined {
	if (!isObjectLike(object)) return undefined;
	const name = identifierKeyOf(object);
	return name === undefined ? undefined : keyOf(name, object[name]);
}

/** The only element of a one-element array, or undefined. */
function only(value: unknown): unknown {
	return Array.isArray(value) && value.length === 1 ? value[0] : undefined;
}

/**
 * The one user a prepared body writes to or messages, as text (e.g. "external_id:crm-7"), or
 * undefined when it names several users, a segment, an audience or everybody. Used to warn
 * when every item of a run names the same user.
 */
export function namedUser(body: BrazeBody): string | undefined {
	if (body.segment_id || body.audience || body.broadcast === true) return undefined;
	for (const array of TRACK_ARRAYS) {
		const objects = body[array];
		if (Array.isArray(objects) && objects.length)
			return objects.length === 1 ? userOf(objects[0]) : undefined;
	}
	if (body.recipient) return userOf(body.recipient);
	if (body.recipients) return userOf(only(body.recipients));
	const ids = body.external_user_ids;
	const aliases = body.user_aliases;
	const idCount = Array.isArray(ids) ? ids.length : 0;
	const aliasCount = Array.isArray(aliases) ? aliases.length : 0;
	if (idCount + aliasCount !== 1) return undefined;
	return idCount ? keyOf('external_id', only(ids)) : keyOf('user_alias', only(aliases));
}
