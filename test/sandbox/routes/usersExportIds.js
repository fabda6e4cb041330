'use strict';
// POST /users/export/ids: the profiles of the users named, as Braze's user export objects.
// https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier
// Braze's rules, on their safe reading (reference §22.1, §34.1): up to 50 external_ids and
// user_aliases together, or exactly one of braze_id, device_id, email_address, phone alone;
// fields_to_export required (the stand-in is a workspace onboarded after 2024-08-22) and each
// field one Braze exports. Profiles come from state.profiles (made by /users/track and the
// identity endpoints, keyed external:<id>, alias:<label>:<name>, braze:<id>, email:<e>, phone:<p>).
// Its own rate limit: 250 requests a minute (newer workspaces), in a bucket of its own.
const crypto = require('node:crypto');
const { Problems, checkValue, isPlainObject } = require('../rules/check');
const { ALIAS, E164 } = require('../rules/users');

const MAX = 50;
const TOO_MANY = 'The max number of external_ids and aliases per request was exceeded';
const SINGLE = ['braze_id', 'device_id', 'email_address', 'phone'];
const FIELDS = [
  'apps', 'attributed_ad', 'attributed_adgroup', 'attributed_campaign', 'attributed_source', 'braze_id',
  'campaigns_received', 'canvases_received', 'cards_clicked', 'country', 'created_at', 'custom_attributes',
  'custom_events', 'devices', 'dob', 'email', 'email_subscribe', 'external_id', 'first_name', 'gender',
  'home_city', 'language', 'last_coordinates', 'last_name', 'phone', 'purchases', 'push_subscribe',
  'push_tokens', 'random_bucket', 'time_zone', 'total_revenue', 'uninstalled_at', 'user_aliases',
];
// Standard attributes copied as they are; everything else an attributes object holds (that is
// not an identifier or a /users/track flag) is a custom attribute.
const STANDARD = ['first_name', 'last_name', 'email', 'dob', 'home_city', 'country', 'phone', 'language', 'time_zone', 'gender', 'email_subscribe', 'push_subscribe'];
const NOT_CUSTOM = new Set([...STANDARD, 'external_id', 'user_alias', 'braze_id', 'subscription_groups', 'push_tokens', '_update_existing_only', '_merge_objects', 'push_token_import', 'email_open_tracking_disabled', 'email_click_tracking_disabled']);
const BODY_FIELDS = {
  external_ids: { type: 'array', items: { type: 'string', nonEmpty: true } },
  user_aliases: { type: 'array', items: ALIAS },
  device_id: { type: 'string', nonEmpty: true },
  braze_id: { type: 'string', nonEmpty: true },
  email_address: { type: 'string', nonEmpty: true },
  phone: { type: 'string', nonEmpty: true },
  fields_to_export: { type: 'array', items: { type: 'string' } },
};

/** A profile's Braze ID: the one it was created with, or a stable one made from its key. */
const brazeIdOf = (key, profile) => profile.attributes.braze_id ?? crypto.createHash('sha1').update(key).digest('hex').slice(0, 24);

/** Every alias a profile has: the one it was made with, and those /users/alias/new added. */
function aliasesOf(key, profile) {
  const list = [];
  if (key.startsWith('alias:')) {
    const [, label, ...name] = key.split(':');
    list.push({ alias_name: name.join(':'), alias_label: label });
  } else if (isPlainObject(profile.attributes.user_alias)) list.push(profile.attributes.user_alias);
  for (const alias of profile.aliases || []) list.push({ alias_name: alias.alias_name, alias_label: alias.alias_label });
  return list;
}

function checkBody(body, ctx) {
  const problems = new Problems();
  for (const key of Object.keys(body)) {
    if (!(key in BODY_FIELDS) && ctx.strict !== false) problems.bad(`body.${key} is not a documented field`);
  }
  for (const [key, spec] of Object.entries(BODY_FIELDS)) {
    if (body[key] === undefined) continue;
    if (!checkValue(body[key], key, spec, problems, ctx)) continue;
    if (spec.items) body[key].forEach((value, i) => checkValue(value, `${key}[${i}]`, spec.items, problems, ctx));
  }
  if (problems.any) return problems;
  if (body.fields_to_export === undefined) problems.bad('fields_to_export is required: name the fields to export');
  else {
    if (body.fields_to_export.length === 0) problems.bad('fields_to_export must name at least one field');
    for (const field of body.fields_to_export) if (!FIELDS.includes(field)) problems.bad(`fields_to_export: "${field}" is not a field that can be exported`);
  }
  const named = (body.external_ids || []).length + (body.user_aliases || []).length;
  const singles = SINGLE.filter((key) => body[key] !== undefined);
  if (named > MAX) problems.add(TOO_MANY, `${named} external_ids and user_aliases given; at most ${MAX} per request`);
  if (singles.length > 1 || (singles.length === 1 && named > 0)) {
    problems.bad(`Only one of ${SINGLE.join(', ')} may be given per request, without external_ids or user_aliases (given: ${[...singles, ...(named ? ['external_ids/user_aliases'] : [])].join(', ')})`);
  }
  if (singles.length === 0 && named === 0) problems.bad(`Give external_ids or user_aliases, or one of ${SINGLE.join(', ')}`);
  if (typeof body.phone === 'string' && !E164.test(body.phone)) problems.bad(`phone must be in E.164 form, got ${JSON.stringify(body.phone)}`);
  return problems;
}

/** The keys of the profiles one identifier matches (an email or a phone may match several). */
function matches(profiles, kind, value) {
  const keys = [];
  for (const [key, profile] of profiles) {
    const a = profile.attributes;
    const hit = {
      external_ids: () => key === `external:${value}` || a.external_id === value,
      user_aliases: () => aliasesOf(key, profile).some((x) => x.alias_name === value.alias_name && x.alias_label === value.alias_label),
      braze_id: () => brazeIdOf(key, profile) === value,
      email_address: () => (key.startsWith('email:') ? key.slice(6) : a.email || '').toLowerCase() === value.toLowerCase(),
      phone: () => (key.startsWith('phone:') ? key.slice(6) : a.phone) === value,
      device_id: () => false,
    }[kind]();
    if (hit) keys.push(key);
  }
  return keys;
}

/** Braze's user export object, with the fields asked for; "the least data possible": no empty ones. */
function exportObject(key, profile, fields) {
  const a = profile.attributes;
  const custom = Object.fromEntries(Object.entries(a).filter(([k]) => !NOT_CUSTOM.has(k)));
  const summary = (list, nameOf) => {
    const byName = new Map();
    for (const entry of list) {
      const name = nameOf(entry);
      const seen = byName.get(name) || { name, first: entry.time, last: entry.time, count: 0 };
      if (entry.time < seen.first) seen.first = entry.time;
      if (entry.time > seen.last) seen.last = entry.time;
      seen.count += 1;
      byName.set(name, seen);
    }
    return [...byName.values()];
  };
  const all = {
    external_id: key.startsWith('external:') ? key.slice(9) : a.external_id,
    braze_id: brazeIdOf(key, profile),
    user_aliases: aliasesOf(key, profile),
    ...Object.fromEntries(STANDARD.map((k) => [k, a[k]])),
    email: key.startsWith('email:') ? key.slice(6) : a.email,
    phone: key.startsWith('phone:') ? key.slice(6) : a.phone,
    custom_attributes: custom,
    custom_events: summary(profile.events, (e) => e.name),
    purchases: summary(profile.purchases, (p) => p.product_id),
    total_revenue: profile.purchases.reduce((sum, p) => sum + p.price * (p.quantity ?? 1), 0),
    push_tokens: a.push_tokens,
    random_bucket: parseInt(brazeIdOf(key, profile).slice(0, 4), 16) % 10000,
  };
  const user = {};
  for (const field of fields) {
    const value = all[field];
    const empty = value === undefined || value === null || (Array.isArray(value) && !value.length) || (isPlainObject(value) && !Object.keys(value).length);
    if (!empty) user[field] = value;
  }
  return user;
}

function handle({ body, ctx, state }) {
  const problems = checkBody(body, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const asked = [
    ...(body.external_ids || []).map((value) => ['external_ids', value, value]),
    ...(body.user_aliases || []).map((value) => ['user_aliases', value, value.alias_name]),
    ...SINGLE.filter((k) => body[k] !== undefined).map((k) => [k, body[k], body[k]]),
  ];
  const found = new Set();
  const invalid = [];
  for (const [kind, value, shown] of asked) {
    const keys = matches(state.profiles, kind, value);
    if (!keys.length) invalid.push(shown);
    for (const key of keys) found.add(key);
  }
  const users = [...found].map((key) => exportObject(key, state.profiles.get(key), body.fields_to_export));
  return { status: 200, body: { message: 'success', users, ...(invalid.length ? { invalid_user_ids: invalid } : {}) } };
}

module.exports = {
  method: 'POST',
  path: '/users/export/ids',
  permission: 'users.export.ids',
  handle,
  // Braze: 250 requests a minute for workspaces onboarded on or after 2024-08-22
  // (https://www.braze.com/docs/api/api_limits); standIn.setOwnRateLimit changes it.
  rateLimit: { limit: 250, windowMs: 60 * 1000 },
  FIELDS,
};
