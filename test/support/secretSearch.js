'use strict';
// Test support in plain JavaScript (Node built-ins are off limits in the node's TypeScript).
const { inspect } = require('node:util');

/**
 * Every path under \`root\` where \`secret\` can be read: own properties enumerable or not, symbol
 * keys, getters, prototypes' own data, causes, Maps, Sets and Buffers. \`JSON.stringify\` sees
 * only a fraction of this; loggers and error trackers see more.
 */
function pathsHolding(root, secret) {
  const found = [];
  const seen = new WeakSet();
  const visit = (value, path, depth) => {
    if (found.length > 20 || depth > 40) return;
    if (typeof value === 'string') {
      if (value.includes(secret)) found.push(path);
      return;
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value)) return;
    seen.add(value);
    if (Buffer.isBuffer(value)) {
      if (value.toString('latin1').includes(secret)) found.push(path);
      return;
    }
    if (value instanceof Map) {
      for (const [key, entry] of value) {
        visit(key, `${path}<key>`, depth + 1);
        visit(entry, `${path}.get(${String(key)})`, depth + 1);
      }
    }
    if (value instanceof Set) for (const entry of value) visit(entry, `${path}<entry>`, depth + 1);
    for (const key of Reflect.ownKeys(value)) {
      let child;
      try {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        child = descriptor && 'value' in descriptor ? descriptor.value : descriptor?.get?.call(value);
      } catch {
        continue;
      }
      visit(child, `${path}.${String(key)}`, depth + 1);
    }
    const proto = Object.getPrototypeOf(value);
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

module.exports = { pathsHolding };
