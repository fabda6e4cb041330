'use strict';
// Identity endpoints: identify an alias-only profile, add an alias, delete users.
// https://www.braze.com/docs/api/endpoints/user_data/post_user_identify
// https://www.braze.com/docs/api/endpoints/user_data/post_user_alias
// https://www.braze.com/docs/api/endpoints/user_data/post_user_delete
const { Problems, checkFields, checkValue } = require('../rules/check');
const { ALIAS } = require('../rules/users');

const MAX = 50;
const TOO_MANY = 'The max number of ids per request was exceeded';
const PRIORITIZATION = ['identified', 'unidentified', 'most_recently_updated', 'least_recently_updated'];
const aliasKey = (a) => `alias:${a.alias_label}:${a.alias_name}`;

function checkPrioritization(value, path, allowed, problems, ctx) {
  if (!checkValue(value, path, { type: 'array', nonEmpty: true, items: { type: 'string', enum: allowed } }, problems, ctx)) return;
  if (value.includes('identified') && value.includes('unidentified')) problems.bad(`${path} may hold only one of identified and unidentified`);
}

function identify({ body, ctx, state }) {
  const problems = new Problems();
  const lists = ['aliases_to_identify', 'emails_to_identify', 'phone_numbers_to_identify'];
  checkFields(body, 'body', Object.fromEntries(lists.map((k) => [k, { type: 'array', skip: true }])), problems, ctx);
  const given = lists.filter((k) => body[k] !== undefined);
  if (given.length === 0) problems.bad(`Give at least one of ${lists.join(', ')}`);
  let total = 0;
  for (const k of given) {
    if (!checkValue(body[k], k, { type: 'array' }, problems, ctx)) continue;
    total += body[k].length;
    body[k].forEach((entry, i) => {
      const path = `${k}[${i}]`;
      const fields = { external_id: { type: 'string', required: true, nonEmpty: true } };
      if (k === 'aliases_to_identify') fields.user_alias = { ...ALIAS, required: true };
      else {
        fields[k === 'emails_to_identify' ? 'email' : 'phone'] = { type: 'string', required: true, nonEmpty: true };
        fields.prioritization = { type: 'array', required: true, skip: true };
      }
      if (!checkFields(entry, path, fields, problems, ctx)) return;
      if (entry.prioritization !== undefined) checkPrioritization(entry.prioritization, `${path}.prioritization`, PRIORITIZATION, problems, ctx);
      else if (k !== 'aliases_to_identify') problems.bad(`${path}.prioritization is required`);
    });
  }
  if (total > MAX) problems.add(TOO_MANY, `${total} identifiers given; at most ${MAX} per request`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  let processed = 0;
  for (const entry of body.aliases_to_identify || []) {
    const from = aliasKey(entry.user_alias);
    const to = `external:${entry.external_id}`;
    const anonymous = state.profiles.get(from);
    if (anonymous) {
      const target = state.profiles.get(to) || { attributes: {}, events: [], purchases: [] };
      target.attributes = { ...anonymous.attributes, ...target.attributes, external_id: entry.external_id };
      target.events.push(...anonymous.events);
      target.purchases.push(...anonymous.purchases);
      state.profiles.set(to, target);
      state.profiles.delete(from);
    }
    processed += 1;
  }
  return { status: 201, body: { aliases_processed: processed, message: 'success' } };
}

function aliasNew({ body, ctx, state }) {
  const problems = new Problems();
  const entry = { type: 'object', fields: { external_id: { type: 'string', nonEmpty: true }, ...ALIAS.fields } };
  checkFields(body, 'body', { user_aliases: { type: 'array', required: true, nonEmpty: true, items: entry } }, problems, ctx);
  if (Array.isArray(body.user_aliases) && body.user_aliases.length > MAX) problems.add(TOO_MANY, `${body.user_aliases.length} aliases given; at most ${MAX} per request`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  for (const a of body.user_aliases) {
    // With an external_id the alias joins that user (or no one, if the id is unknown); without, a new alias-only user.
    if (a.external_id === undefined) state.profiles.set(aliasKey(a), { attributes: { user_alias: { alias_name: a.alias_name, alias_label: a.alias_label } }, events: [], purchases: [] });
    else {
      const user = state.profiles.get(`external:${a.external_id}`);
      if (user) (user.aliases = user.aliases || []).push({ alias_name: a.alias_name, alias_label: a.alias_label });
    }
  }
  return { status: 201, body: { aliases_processed: body.user_aliases.length, message: 'success' } };
}

const DELETE_KINDS = {
  external_ids: { type: 'array', items: { type: 'string', nonEmpty: true } },
  user_aliases: { type: 'array', items: ALIAS },
  braze_ids: { type: 'array', items: { type: 'string', nonEmpty: true } },
  email_addresses: { type: 'array', items: { type: 'object', fields: { email: { type: 'string', required: true, nonEmpty: true }, prioritization: { type: 'array', required: true } } } },
  phone_numbers: { type: 'array', items: { type: 'object', fields: { phone: { type: 'string', required: true, nonEmpty: true }, prioritization: { type: 'array', required: true } } } },
};

function deleteUsers({ body, ctx, state }) {
  const problems = new Problems();
  checkFields(body, 'body', DELETE_KINDS, problems, ctx);
  const given = Object.keys(DELETE_KINDS).filter((k) => body[k] !== undefined);
  if (given.length !== 1) problems.bad(`Give exactly one of ${Object.keys(DELETE_KINDS).join(', ')}`);
  const list = given.length === 1 && Array.isArray(body[given[0]]) ? body[given[0]] : [];
  if (given.length === 1 && list.length === 0) problems.bad(`${given[0]} must not be empty`);
  if (list.length > MAX) problems.add(TOO_MANY, `${list.length} identifiers given; at most ${MAX} per request`);
  for (const [i, e] of list.entries()) {
    if (e && Array.isArray(e.prioritization)) checkPrioritization(e.prioritization, `${given[0]}[${i}].prioritization`, PRIORITIZATION.slice(0, 3), problems, ctx);
  }
  if (problems.any) return { status: 400, body: problems.toBody() };
  const keyOf = {
    external_ids: (v) => `external:${v}`,
    user_aliases: aliasKey,
    braze_ids: (v) => `braze:${v}`,
    email_addresses: (v) => `email:${v.email}`,
    phone_numbers: (v) => `phone:${v.phone}`,
  }[given[0]];
  for (const v of list) state.profiles.delete(keyOf(v));
  return { status: 201, body: { deleted: list.length, message: 'success' } };
}

module.exports = [
  { method: 'POST', path: '/users/identify', permission: 'users.identify', handle: identify },
  { method: 'POST', path: '/users/alias/new', permission: 'users.alias.new', handle: aliasNew },
  { method: 'POST', path: '/users/delete', permission: 'users.delete', handle: deleteUsers },
];
