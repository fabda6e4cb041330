import type { IDataObject } from 'n8n-workflow';

// Dotted paths into the request body ("messages.email.from"), without a runtime dependency.

export function getPath(target: IDataObject, path: string): unknown {
	let current: unknown = target;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

export function hasPath(target: IDataObject, path: string): boolean {
	const keys = path.split('.');
	const last = keys.pop() as string;
	const parent = keys.length ? getPath(target, keys.join('.')) : target;
	return parent !== null && typeof parent === 'object' && last in (parent as IDataObject);
}

export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let current = target;
	for (const key of keys) {
		if (current[key] === null || typeof current[key] !== 'object') current[key] = {};
		current = current[key] as IDataObject;
	}
	current[last] = value as IDataObject[string];
}

export function deletePath(target: IDataObject, path: string): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	const parent = keys.length ? getPath(target, keys.join('.')) : target;
	if (parent !== null && typeof parent === 'object') delete (parent as IDataObject)[last];
}
