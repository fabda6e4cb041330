'use strict';
// Braze's rules for user-data objects: the attributes, event and purchase objects of
// POST /users/track, and the identifiers they share with /users/identify, /users/delete and the
// subscription endpoints.
// https://www.braze.com/docs/api/objects_filters/user_attributes_object
// https://www.braze.com/docs/api/objects_filters/event_object
// https://www.braze.com/docs/api/objects_filters/purchase_object
const { checkValue, isPlainObject, bytes } = require('./check');

const ALIAS = {
  type: 'object',
  fields: {
    alias_name: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 },
    alias_label: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 },
  },
};
const IDENTIFIERS = ['external_id', 'user_alias', 'braze_id', 'email', 'phone'];
const IDENTIFIER_FIELDS = {
  external_id: { type: 'string', nonEmpty: true },
  user_alias: ALIAS,
  braze_id: { type: 'string', nonEmpty: true },
  email: { type: 'string', nonEmpty: true },
  phone: { type: 'string', nonEmpty: true },
};
const SUBSCRIBE = ['opted_in', 'unsubscribed', 'subscribed'];
const E164 = /^\+[1-9]\d{6,14}$/;
const DOB = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MAX_STRING = 255;

// Standard profile fields: type checks only where Braze documents a format it enforces.
const PROFILE_FIELDS = {
  _update_existing_only: { type: 'boolean' },
  _merge_objects: { type: 'boolean' },
  push_token_import: { type: 'boolean' },
  first_name: { type: 'string' },
  last_name: { type: 'string' },
  home_city: { type: 'string' },
  country: { type: 'string' },
  language: { type: 'string' },
  time_zone: { type: 'string' },
  dob: { type: 'string' },
  gender: { type: 'string', enum: ['M', 'F', 'O', 'N', 'P'] },
  email_subscribe: { type: 'string', enum: SUBSCRIBE },
  push_subscribe: { type: 'string', enum: SUBSCRIBE },
  subscription_groups: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        subscription_group_id: { type: 'string', required: true, nonEmpty: true },
        subscription_state: { type: 'string', required: true, enum: ['subscribed', 'unsubscribed'] },
      },
    },
  },
  push_tokens: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        app_id: { type: 'string', required: true, nonEmpty: true },
        token: { type: 'string', required: true, nonEmpty: true },
        device_id: { type: 'string' },
      },
    },
  },
  email_open_tracking_disabled: { type: 'boolean' },
  email_click_tracking_disabled: { type: 'boolean' },
};
const NULLABLE = new Set(['gender', 'first_name', 'last_name', 'home_city', 'country', 'language', 'time_zone', 'dob', 'email', 'phone']);

/** The key a profile is stored under, from the object's identifier (email beats phone). */
function profileKey(o) {
  if (o.external_id !== undefined) return `external:${o.external_id}`;
  if (o.user_alias !== undefined) return `alias:${o.user_alias.alias_label}:${o.user_alias.alias_name}`;
  if (o.braze_id !== undefined) return `braze:${o.braze_id}`;
  if (o.email !== undefined) return `email:${o.email}`;
  return `phone:${o.phone}`;
}

/** Checks the identifier of one object; returns false when none is usable. */
function checkIdentifier(o, path, problems, ctx) {
  const given = IDENTIFIERS.filter((k) => o[k] !== undefined && o[k] !== null);
  if (given.length === 0) {
    problems.bad(`${path} needs one of ${IDENTIFIERS.join(', ')}`);
    return false;
  }
  for (const k of given) checkValue(o[k], `${path}.${k}`, IDENTIFIER_FIELDS[k], problems, ctx);
  if (o.user_alias !== undefined && o.external_id !== undefined) problems.bad(`${path}: user_alias and external_id cannot be used together`);
  return true;
}

function checkCustomValue(value, path, problems) {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.bad(`${path} must be a finite number`);
    return;
  }
  if (typeof value === 'string') {
    if ([...value].length > MAX_STRING) problems.bad(`${path} must be at most ${MAX_STRING} characters`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > 100) problems.bad(`${path} holds ${value.length} values; an array attribute holds at most 100`);
    return;
  }
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'inc') {
    if (!Number.isInteger(value.inc)) problems.bad(`${path}.inc must be an integer`);
    return;
  }
  if (keys.every((k) => k === 'add' || k === 'remove')) {
    for (const k of keys) if (!Array.isArray(value[k])) problems.bad(`${path}.${k} must be an array`);
    return;
  }
  if (keys.every((k) => k === '$add' || k === '$update' || k === '$remove')) {
    for (const k of keys) if (!Array.isArray(value[k])) problems.bad(`${path}.${k} must be an array`);
    return;
  }
  // A nested custom attribute.
  if (bytes(JSON.stringify(value)) > 100 * 1024) problems.bad(`${path} must be at most 100 KB`);
  for (const key of keys) {
    if (/[\s.$]/.test(key)) problems.bad(`${path}: the key "${key}" may not contain spaces, "." or "$"`);
  }
}

function checkAttributes(o, path, problems, ctx) {
  if (!isPlainObject(o)) return problems.bad(`${path} must be an object`);
  if (!checkIdentifier(o, path, problems, ctx)) return;
  for (const [key, value] of Object.entries(o)) {
    if (IDENTIFIERS.includes(key)) continue;
    const spec = PROFILE_FIELDS[key];
    if (spec) {
      if (value === null && NULLABLE.has(key)) continue;
      checkValue(value, `${path}.${key}`, spec, problems, ctx);
      continue;
    }
    checkCustomValue(value, `${path}.${key}`, problems);
  }
  if (typeof o.dob === 'string' && !DOB.test(o.dob)) problems.bad(`${path}.dob must be "YYYY-MM-DD", got ${JSON.stringify(o.dob)}`);
  if (o.push_token_import === true && (o.external_id !== undefined || o.braze_id !== undefined)) {
    problems.bad(`${path}: push_token_import objects must not have external_id or braze_id`);
  }
}

function checkProperties(props, path, maxBytes, problems) {
  if (props === undefined) return;
  if (!isPlainObject(props)) return problems.bad(`${path} must be an object`);
  for (const [key, value] of Object.entries(props)) {
    if (key === '' || [...key].length > MAX_STRING) problems.bad(`${path}: property names are 1 to ${MAX_STRING} characters`);
    if (key.startsWith('$')) problems.bad(`${path}.${key}: property names may not start with "$"`);
    if (key === 'time' || key === 'event_name') problems.bad(`${path}.${key}: "${key}" is reserved`);
    if (typeof value === 'string' && [...value].length > MAX_STRING) problems.bad(`${path}.${key} must be at most ${MAX_STRING} characters`);
  }
  const nested = Object.values(props).some((v) => v !== null && typeof v === 'object');
  if (nested && bytes(JSON.stringify(props)) > maxBytes) problems.bad(`${path} must be at most ${maxBytes / 1024} KB`);
}

function checkEvent(o, path, problems, ctx) {
  if (!isPlainObject(o)) return problems.bad(`${path} must be an object`);
  checkIdentifier(o, path, problems, ctx);
  const fields = { name: { type: 'string', required: true, nonEmpty: true }, time: { type: 'iso8601', required: true }, app_id: { type: 'string' }, _update_existing_only: { type: 'boolean' } };
  checkKnown(o, path, { ...IDENTIFIER_FIELDS, ...fields, properties: {} }, problems, ctx);
  for (const [key, spec] of Object.entries(fields)) {
    if (o[key] === undefined) {
      if (spec.required) problems.bad(`${path}.${key} is required`);
    } else checkValue(o[key], `${path}.${key}`, spec, problems, ctx);
  }
  checkProperties(o.properties, `${path}.properties`, 100 * 1024, problems);
}

function checkPurchase(o, path, problems, ctx) {
  if (!isPlainObject(o)) return problems.bad(`${path} must be an object`);
  checkIdentifier(o, path, problems, ctx);
  const fields = {
    product_id: { type: 'string', required: true, nonEmpty: true, maxLength: MAX_STRING },
    currency: { type: 'string', required: true },
    price: { type: 'number', required: true },
    quantity: { type: 'integer', min: 1, max: 100 },
    time: { type: 'iso8601', required: true },
    app_id: { type: 'string' },
    _update_existing_only: { type: 'boolean' },
  };
  checkKnown(o, path, { ...IDENTIFIER_FIELDS, ...fields, properties: {} }, problems, ctx);
  for (const [key, spec] of Object.entries(fields)) {
    if (o[key] === undefined) {
      if (spec.required) problems.bad(`${path}.${key} is required`);
    } else checkValue(o[key], `${path}.${key}`, spec, problems, ctx);
  }
  if (typeof o.currency === 'string' && !CURRENCIES.has(o.currency)) problems.bad(`${path}.currency must be an ISO 4217 code, got ${JSON.stringify(o.currency)}`);
  checkProperties(o.properties, `${path}.properties`, 50 * 1024, problems);
}

function checkKnown(o, path, fields, problems, ctx) {
  if (ctx && ctx.strict === false) return;
  for (const key of Object.keys(o)) if (!(key in fields)) problems.bad(`${path}.${key} is not a documented field`);
}

module.exports = { ALIAS, IDENTIFIERS, E164, CURRENCIES, profileKey, checkIdentifier, checkAttributes, checkEvent, checkPurchase };
