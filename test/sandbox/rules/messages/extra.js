'use strict';
// `extra` on push objects: Braze rejects a non-dictionary with "Invalid Extra Push Payload".
const { isPlainObject } = require('../check');

const INVALID_EXTRA = 'Invalid Extra Push Payload';

/** Returns true when `extra` is absent or a dictionary. Reserved keys are apple-only. */
function checkExtra(obj, path, problems, reservedKeys = []) {
  if (!isPlainObject(obj) || obj.extra === undefined) return true;
  if (!isPlainObject(obj.extra)) {
    problems.add(INVALID_EXTRA, `${path}.extra must be a dictionary (JSON object)`);
    return false;
  }
  const reserved = reservedKeys.filter((k) => Object.prototype.hasOwnProperty.call(obj.extra, k));
  if (reserved.length) {
    problems.add(INVALID_EXTRA, `${path}.extra must not contain the reserved key(s) ${reserved.map((k) => `"${k}"`).join(', ')}`);
    return false;
  }
  return true;
}

module.exports = { checkExtra, INVALID_EXTRA };
