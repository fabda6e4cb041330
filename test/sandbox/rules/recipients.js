'use strict';
// Targeting rules shared by /messages/send and /messages/schedule/create (reference §2, §2.1, §5).
const { checkValue, isPlainObject } = require('./check');
const { checkAudience } = require('./audience');

const MAX_IDS = 50;
const TOO_MANY = 'The max number of external_ids and aliases per request was exceeded';
const ALIAS = {
  type: 'object',
  fields: {
    alias_name: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 },
    alias_label: { type: 'string', required: true, nonEmpty: true, maxBytes: 236 },
  },
};

const nonEmptyArray = (v) => Array.isArray(v) && v.length > 0;

function checkRecipients(body, problems, ctx) {
  const ids = body.external_user_ids;
  const aliases = body.user_aliases;
  if (ids !== undefined) checkValue(ids, 'external_user_ids', { type: 'array', items: { type: 'string', nonEmpty: true } }, problems, ctx);
  if (aliases !== undefined) checkValue(aliases, 'user_aliases', { type: 'array', items: ALIAS }, problems, ctx);
  if (body.segment_id !== undefined) checkValue(body.segment_id, 'segment_id', { type: 'string', nonEmpty: true }, problems, ctx);
  if (body.broadcast !== undefined) checkValue(body.broadcast, 'broadcast', { type: 'boolean' }, problems, ctx);
  if (body.audience !== undefined) checkAudience(body.audience, 'audience', problems, ctx);

  const named = nonEmptyArray(ids) || nonEmptyArray(aliases);
  const hasSegment = body.segment_id !== undefined;
  const hasAudience = body.audience !== undefined;
  if (!named && !hasSegment && !hasAudience) {
    problems.add('No Recipients', 'Give external_user_ids, user_aliases, segment_id or audience');
    return;
  }
  if (body.broadcast === true && named) {
    problems.bad('broadcast must not be true when external_user_ids or user_aliases are given');
  }
  if (!named && body.broadcast !== true) {
    problems.bad('broadcast must be true when no external_user_ids or user_aliases are given (segment or audience send)');
  }
  const count = (Array.isArray(ids) ? ids.length : 0) + (Array.isArray(aliases) ? aliases.length : 0);
  if (count > MAX_IDS) {
    problems.add(TOO_MANY, `${count} external_user_ids and user_aliases given; at most ${MAX_IDS} per request`);
  }
}

/**
 * Who an accepted request reaches, and non-fatal errors for users the stand-in treats as unknown
 * (ids/alias names starting with "unknown-"). Keys: external:<id>, alias:<label>:<name>,
 * segment:<id> or audience for broadcasts.
 */
function resolveRecipients(body) {
  const keys = new Set();
  const errors = [];
  for (const id of body.external_user_ids || []) {
    if (id.startsWith('unknown-')) errors.push(`external_user_id ${id} is not a known user`);
    else keys.add(`external:${id}`);
  }
  for (const a of body.user_aliases || []) {
    if (!isPlainObject(a)) continue;
    if (a.alias_name.startsWith('unknown-')) errors.push(`user_alias ${a.alias_label}:${a.alias_name} is not a known user`);
    else keys.add(`alias:${a.alias_label}:${a.alias_name}`);
  }
  if (keys.size === 0 && errors.length === 0) {
    keys.add(body.segment_id !== undefined ? `segment:${body.segment_id}` : 'audience');
  }
  return { keys: [...keys], errors };
}

module.exports = { checkRecipients, resolveRecipients, MAX_IDS, TOO_MANY };
