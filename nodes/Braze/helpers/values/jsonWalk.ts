/** One value inside a JSON value, as `findInJson` visits it. */
export interface JsonEntry {
	/** The key (or list index) the value sits under; undefined for the value walked itself. */
	key?: string | number;
	value: unknown;
	/** 1 for the value walked itself, one more for each object or list it is inside. */
	depth: number;
	/** The entry it sits in (the path is built from these only when one is wanted). */
	parent?: JsonEntry;
}

const isContainer = (value: unknown): value is object =>
	value !== null && typeof value === 'object';

/** Where an entry sits, e.g. `order.items[2].sku` ('' for the value walked itself). */
export function jsonPath(entry: JsonEntry): string {
	const parts: string[] = [];
	for (let at: JsonEntry | undefined = entry; at?.key !== undefined; at = at.parent) {
		parts.unshift(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
	}
	return parts.join('').replace(/^\./, '');
}

/**
 * The first entry, in the order the JSON is written (a value before what is inside it), for
 * which `test` is true. Iterative, so a value nested 20,000 levels deep cannot exhaust the call
 * stack; a test that stops at some depth keeps the walk that shallow.
 */
export function findInJson(
	value: unknown,
	test: (entry: JsonEntry) => boolean,
): JsonEntry | undefined {
	const stack: JsonEntry[] = [{ value, depth: 1 }];
	while (stack.length) {
		const entry = stack.pop() as JsonEntry;
		if (test(entry)) return entry;
		if (!isContainer(entry.value)) continue;
		const children: Array<[string | number, unknown]> = Array.isArray(entry.value)
			? entry.value.map((child, index) => [index, child])
			: Object.entries(entry.value);
		for (let index = children.length - 1; index >= 0; index--) {
			const [key, child] = children[index];
			stack.push({ key, value: child, depth: entry.depth + 1, parent: entry });
		}
	}
	return undefined;
}

/** Whether the value nests objects/lists deeper than `limit` levels (the value itself is level 1). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	return (
		findInJson(value, (entry) => isContainer(entry.value) && entry.depth > limit) !== undefined
	);
}

/**
 * Keys JavaScript gives a meaning of their own. n8n's copies of data skip them (its deepCopy
 * leaves out `__proto__`, `constructor` and `prototype`), so such a key can vanish on its way
 * to the request.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype',
]);

/** The first key of the value that is one of RESERVED_KEYS, at any depth. */
export function findReservedKey(value: unknown): JsonEntry | undefined {
	return findInJson(
		value,
		(entry) => typeof entry.key === 'string' && RESERVED_KEYS.has(entry.key),
	);
}
