'use strict';
// A tiny schema checker shared by every rule file. Braze answers a fatal error with
// {"message": "<fatal name>", "errors": [...details]}, so each problem carries both.

const BAD_REQUEST = 'Bad Request';

/** Collects problems; the first fatal name becomes the response `message`. */
class Problems {
  constructor() {
    this.list = [];
  }
  add(name, detail) {
    this.list.push({ name, detail });
  }
  bad(detail) {
    this.add(BAD_REQUEST, detail);
  }
  get any() {
    return this.list.length > 0;
  }
  toBody() {
    return { message: this.list[0].name, errors: this.list.map((p) => p.detail) };
  }
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const bytes = (s) => Buffer.byteLength(s, 'utf8');

// ISO 8601 date or date-time; Braze's own example uses "+0000" (no colon), so allow both.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
function parseIso8601(s) {
  if (typeof s !== 'string' || !ISO_8601.test(s)) return NaN;
  const dateTime = s.replace(' ', 'T');
  // Only a time can carry an offset: in a bare date, "-30" is the day.
  if (!dateTime.includes('T')) return Date.parse(dateTime);
  const normalised = dateTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00');
  return Date.parse(normalised);
}
const isIso8601 = (s) => !Number.isNaN(parseIso8601(s));

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isInteger(v)) return 'a non-integer number';
  return `a ${typeof v}`;
}

const TYPE_TESTS = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  object: isPlainObject,
  array: Array.isArray,
  iso8601: (v) => typeof v === 'string' && isIso8601(v),
  stringOrObject: (v) => typeof v === 'string' || isPlainObject(v),
};
const TYPE_WORDS = {
  string: 'a string',
  boolean: 'a boolean (true or false, not a string)',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  iso8601: 'an ISO 8601 date-time string',
  stringOrObject: 'a string or an object',
};

/**
 * Field spec: { type, required, enum, min, max, maxBytes, maxLength, nonEmpty,
 *   items (spec of array elements), fields (specs of an object's fields),
 *   onWrongType (fatal name to use instead of Bad Request), skip (known field checked elsewhere) }.
 * `ctx.strict` rejects fields that are not documented (catches typos such as content_card.message).
 */
function checkValue(value, path, spec, problems, ctx) {
  if (!TYPE_TESTS[spec.type](value)) {
    problems.add(spec.onWrongType || BAD_REQUEST, `${path} must be ${TYPE_WORDS[spec.type]}, got ${describe(value)}`);
    return false;
  }
  if (spec.enum && !spec.enum.includes(value)) {
    problems.bad(`${path} must be one of ${spec.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (spec.min !== undefined && value < spec.min) problems.bad(`${path} must be at least ${spec.min}, got ${value}`);
  if (spec.max !== undefined && value > spec.max) problems.bad(`${path} must be at most ${spec.max}, got ${value}`);
  if (spec.nonEmpty && value.length === 0) problems.bad(`${path} must not be empty`);
  if (spec.maxLength !== undefined && [...value].length > spec.maxLength) {
    problems.bad(`${path} must be at most ${spec.maxLength} characters`);
  }
  if (spec.maxBytes !== undefined && bytes(value) > spec.maxBytes) {
    problems.bad(`${path} must be at most ${spec.maxBytes} bytes, got ${bytes(value)}`);
  }
  if (spec.type === 'array' && spec.items) {
    value.forEach((item, i) => checkValue(item, `${path}[${i}]`, spec.items, problems, ctx));
  }
  if (spec.type === 'object' && spec.fields) checkFields(value, path, spec.fields, problems, ctx);
  return true;
}

/** Checks an object's fields against specs; returns false if `obj` is not an object at all. */
function checkFields(obj, path, fields, problems, ctx) {
  if (!isPlainObject(obj)) {
    problems.bad(`${path} must be an object, got ${describe(obj)}`);
    return false;
  }
  if (!ctx || ctx.strict !== false) {
    for (const key of Object.keys(obj)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) problems.bad(`${path}.${key} is not a documented field`);
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.skip) continue; // validated elsewhere, under its own error name
    const present = Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
    if (!present) {
      if (spec.required) problems.bad(`${path}.${key} is required`);
      continue;
    }
    checkValue(obj[key], `${path}.${key}`, spec, problems, ctx);
  }
  return true;
}

const has = (obj, key) => isPlainObject(obj) && obj[key] !== undefined;

module.exports = { BAD_REQUEST, Problems, checkFields, checkValue, isPlainObject, isIso8601, parseIso8601, bytes, has };
