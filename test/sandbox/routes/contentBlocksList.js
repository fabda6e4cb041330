'use strict';
// GET /content_blocks/list (content_blocks.list; reference §30.4): `count` and `content_blocks`,
// paged by `limit` (default 100, at most 1000) and `offset`, which Braze says "must be greater
// than 0" (so a first page leaves it out); modified_after / modified_before in Braze's format
// yyyy-mm-ddThh:mm:ss.ffffff, inclusive. Error texts are Braze's own.
// https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/get_list_email_content_blocks
const { contentOf, bad, unknownParameter } = require('./contentStore');

const MODIFIED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?$/;

/** Braze's time format, read as UTC; NaN when it is not one. */
function modifiedTime(text) {
  return MODIFIED.test(text) ? Date.parse(`${text.slice(0, 23)}Z`) : NaN;
}

function liquidTag(name) {
  return `{{content_blocks.\${${name}}}}`;
}

function handle({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['limit', 'offset', 'modified_after', 'modified_before']);
  if (unknown) return unknown;
  const { limit = '100', offset } = query;
  if (!/^-?\d+$/.test(limit)) return bad('Content Block number limit is invalid');
  if (Number(limit) <= 0) return bad('Content Block number limit must be greater than 0');
  if (Number(limit) > 1000) return bad('Content Block number limit exceeds maximum of 1000');
  if (offset !== undefined && !/^-?\d+$/.test(offset)) return bad('Offset is invalid');
  if (offset !== undefined && Number(offset) <= 0) return bad('Offset must be greater than 0');
  const after = query.modified_after === undefined ? -Infinity : modifiedTime(query.modified_after);
  const before = query.modified_before === undefined ? Infinity : modifiedTime(query.modified_before);
  if (Number.isNaN(after)) return bad('Modified after time is invalid');
  if (Number.isNaN(before)) return bad('Modified before time is invalid');
  if (after > before) return bad('Modified after time must be earlier than or the same as modified before time.');
  const skip = Number(offset ?? 0);
  const matching = contentOf(state).blocks.filter((b) => Date.parse(b.last_edited) >= after && Date.parse(b.last_edited) <= before);
  const blocks = matching.slice(skip, skip + Number(limit)).map((b) => ({
    content_block_id: b.content_block_id,
    name: b.name,
    content_type: b.content_type,
    liquid_tag: liquidTag(b.name),
    inclusion_count: b.inclusion_count,
    created_at: b.created_at,
    last_edited: b.last_edited,
    tags: b.tags,
  }));
  return { status: 200, body: { count: blocks.length, content_blocks: blocks, message: 'success' } };
}

module.exports = { method: 'GET', path: '/content_blocks/list', permission: 'content_blocks.list', handle, noBody: true, liquidTag };
