import { inspect } from 'node:util';

/**
 * Every path under `root` where `secret` can be read: own properties enumerable or not, symbol
 * keys, getters, prototypes' own data, causes, Maps, Sets and Buffers. `JSON.stringify` sees
 * only a fraction of this; loggers and error trackers see more.
 */
export function pathsHolding(root: unknown, secret: string): string[] {
	const found: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (value: unknown, path: string, depth: number): void => {
		if (found.length > 20 || depth > 40) return;
		if (typeof value === 'string') {
			if (value.includes(secret)) found.push(path);
			return;
		}
		if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
		const object = value as object;
		if (seen.has(object)) return;
		seen.add(object);
		if (Buffer.isBuffer(object)) {
			if (object.toString('latin1').includes(secret)) found.push(path);
			return;
		}
		if (object instanceof Map) {
			for (const [key, entry] of object) {
				visit(key, `${path}<key>`, depth + 1);
				visit(entry, `${path}.get(${String(key)})`, depth + 1);
			}
		}
		if (object instanceof Set) for (const entry of object) visit(entry, `${path}<entry>`, depth + 1);
		for (const key of Reflect.ownKeys(object)) {
			let child: unknown;
			try {
				const descriptor = Object.getOwnPropertyDescriptor(object, key);
				child = descriptor && 'value' in descriptor ? descriptor.value : descriptor?.get?.call(object);
			} catch {
				continue;
			}
			visit(child, `${path}.${String(key)}`, depth + 1);
		}
		const proto = Object.getPrototypeOf(object) as object | null;
		if (proto && proto !== Object.prototype && proto !== Function.prototype) {
			visit(proto, `${path}.__proto__`, depth + 1);
		}
	};
	visit(root, '$', 0);
	if (inspect(root, { showHidden: true, depth: 12, getters: true }).includes(secret)) {
		found.push('util.inspect(showHidden)');
	}
	return found;
}
