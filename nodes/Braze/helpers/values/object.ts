import type { IDataObject } from 'n8n-workflow';

/** A JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Any object, lists included: something whose keys can be read (each holding any value) and
 * written. What a dotted path steps into.
 */
export function isObjectLike(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object';
}

// Dotted paths into the request body ("messages.email.from"), without a runtime dependency.

/** The path's parent keys and its last key. */
function split(path: string): { parents: string[]; last: string } {
	const parents = path.split('.');
	const last = parents.pop() ?? '';
	return { parents, last };
}

export function getPath(target: IDataObject, path: string): unknown {
	let current: unknown = target;
	for (const key of path.split('.')) {
		if (!isObjectLike(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** The object holding the path's last key, if there is one. */
function parentOf(target: IDataObject, parents: string[]): Record<string, unknown> | undefined {
	const parent = parents.length ? getPath(target, parents.join('.')) : target;
	return isObjectLike(parent) ? parent : undefined;
}

/**
 * Where a path's value sits: the object holding its last key, and that key; undefined when a
 * parent is missing. Takes the path already split, so a path read for every item is split once.
 */
export function pathSlot(
	target: IDataObject,
	keys: readonly string[],
): { parent: Record<string, unknown>; last: string } | undefined {
	let current: unknown = target;
	for (let index = 0; index < keys.length - 1; index++) {
		if (!isObjectLike(current)) return undefined;
		current = current[keys[index]];
	}
	return isObjectLike(current) ? { parent: current, last: keys[keys.length - 1] } : undefined;
}

export function hasPath(target: IDataObject, path: string): boolean {
	const { parents, last } = split(path);
	const parent = parentOf(target, parents);
	return parent !== undefined && last in parent;
}

/** Sets the path's value, making an object of every parent that is missing or not an object. */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const { parents, last } = split(path);
	let current: Record<string, unknown> = target;
	for (const key of parents) {
		const next = current[key];
		if (isObjectLike(next)) {
			current = next;
		} else {
			const created = {};
			current[key] = created;
			current = created;
		}
	}
	current[last] = value;
}

export function deletePath(target: IDataObject, path: string): void {
	const { parents, last } = split(path);
	const parent = parentOf(target, parents);
	if (parent) delete parent[last];
}

/**
 * JSON with every object's keys in order, so that two values equal in content give the same
 * text whatever order their keys were set in. Values are bounded in depth before they get here.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		isPlainObject(inner)
			? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: inner,
	);
}
