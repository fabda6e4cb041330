'use strict';
// GET /templates/email/list (templates.email.list permission; reference §30.1): `count` and
// `templates`, paged by `limit` (default 100, at most 1000) and `offset`, filtered by
// modified_after / modified_before (ISO 8601, inclusive: "at or after", "at or before").
// The templates are the stand-in's (contentStore.js): the catalogue's three and any created.
// https://www.braze.com/docs/api/endpoints/templates/email_templates/get_list_email_templates
const { isIso8601, parseIso8601 } = require('../rules/check');
const { contentOf, whole, bad, unknownParameter } = require('./contentStore');

// Braze documents no error texts for this list; these are the stand-in's own words.
function handle({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['limit', 'offset', 'modified_after', 'modified_before']);
  if (unknown) return unknown;
  const limit = whole(query.limit, 100);
  const offset = whole(query.offset, 0);
  if (Number.isNaN(limit) || limit < 1 || limit > 1000) return { status: 400, body: { message: 'Bad Request', errors: ['limit must be a whole number from 1 to 1000'] } };
  if (Number.isNaN(offset)) return { status: 400, body: { message: 'Bad Request', errors: ['offset must be a whole number from 0'] } };
  const after = query.modified_after;
  const before = query.modified_before;
  if (after !== undefined && !isIso8601(after)) return bad('Modified after time is invalid');
  if (before !== undefined && !isIso8601(before)) return bad('Modified before time is invalid');
  const from = after === undefined ? -Infinity : parseIso8601(after);
  const to = before === undefined ? Infinity : parseIso8601(before);
  if (from > to) return bad('Modified after time must be earlier than or the same as modified before time.');
  const matching = contentOf(state).templates.filter((t) => Date.parse(t.updated_at) >= from && Date.parse(t.updated_at) <= to);
  const templates = matching.slice(offset, offset + limit).map((t) => ({
    email_template_id: t.email_template_id,
    template_name: t.template_name,
    created_at: t.created_at,
    updated_at: t.updated_at,
    tags: t.tags,
  }));
  return { status: 200, body: { count: templates.length, templates, message: 'success' } };
}

module.exports = { method: 'GET', path: '/templates/email/list', permission: 'templates.email.list', handle, noBody: true };
