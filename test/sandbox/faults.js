'use strict';
// Scripted failures, consumed in order by the next matching authorised requests.

// 'pass' lets a request through untouched: it picks which request the next fault hits.
const TYPES = ['pass', 'rateLimited', 'serverError', 'slow', 'drop', 'acceptThenDrop', 'acceptThenSlow', 'malformedJson', 'redirect', 'notBraze', 'echoHeaders'];
const SERVER_ERROR_NAMES = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function validateFault(f) {
  if (!f || !TYPES.includes(f.type)) throw new TypeError(`Unknown fault ${JSON.stringify(f)}; types: ${TYPES.join(', ')}`);
  if (f.type === 'serverError' && f.status !== undefined && !SERVER_ERROR_NAMES[f.status]) {
    throw new TypeError('serverError status must be 500, 502, 503 or 504');
  }
  if ((f.type === 'slow' || f.type === 'acceptThenSlow') && !(f.delayMs >= 0)) {
    throw new TypeError(`${f.type} needs delayMs >= 0`);
  }
  if (f.type === 'redirect' && !(f.status >= 300 && f.status < 400)) {
    throw new TypeError('redirect needs a 3xx status (and usually a location)');
  }
  if (f.type === 'echoHeaders' && f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 200 && f.status < 600)) {
    throw new TypeError('echoHeaders status must be an HTTP status from 200 to 599 (or none: Braze answers, plus the echo)');
  }
  return { ...f };
}

class FaultQueue {
  constructor() {
    this.queue = [];
  }
  push(...faults) {
    this.queue.push(...faults.map(validateFault));
  }
  /** Removes and returns the first fault that applies to `path` (faults without a path match all). */
  take(path) {
    const i = this.queue.findIndex((f) => f.path === undefined || f.path === path);
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }
  clear() {
    this.queue = [];
  }
  get pending() {
    return this.queue.length;
  }
}

const isAcceptFault = (f) => f !== undefined && f.type.startsWith('accept');

module.exports = { FaultQueue, SERVER_ERROR_NAMES, FAULT_TYPES: TYPES, isAcceptFault };
