import type { IDataObject } from 'n8n-workflow';

/** A JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
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
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/** The object holding the path's last key, if there is one. */
function parentOf(target: IDataObject, parents: string[]): IDataObject | undefined {
	const parent = parents.length ? getPath(target, parents.join('.')) : target;
	return parent !== null && typeof parent === 'object' ? (parent as IDataObject) : undefined;
}

export function hasPath(target: IDataObject, path: string): boolean {
	const { parents, last } = split(path);
	const parent = parentOf(target, parents);
	return parent !== undefined && last in parent;
}

export function setPath(target: IDataObject, path: string, value: unknown): void {
	const { parents, last } = split(path);
	let current = target;
	for (const key of parents) {
		if (current[key] === null || typeof current[key] !== 'object') current[key] = {};
		current = current[key] as IDataObject;
	}
	current[last] = value as IDataObject[string];
}

export function deletePath(target: IDataObject, path: string): void {
	const { parents, last } = split(path);
	const parent = parentOf(target, parents);
	if (parent) delete parent[last];
}
