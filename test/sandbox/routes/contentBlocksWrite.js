'use strict';
// POST /content_blocks/create and /content_blocks/update (content_blocks.create, .update;
// reference §30.6), on the stand-in's Content Blocks (contentStore.js), with Braze's error texts:
// a name of fewer than 100 characters, letters, digits, - and _ only, unique, fixed once the
// block is active; a description of fewer than 250 characters; content smaller than 50 KB, valid
// Liquid, not including itself; state active (default) or draft, and an active block never goes
// back to draft. The texts Braze does not document (an unknown ID) are the stand-in's words.
// https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_create_email_content_block
// https://www.braze.com/docs/api/endpoints/templates/content_blocks_templates/post_update_content_block
const { contentOf, tagProblem, bad } = require('./contentStore');
const { liquidTag } = require('./contentBlocksList');

const FIELDS = ['name', 'description', 'content', 'state', 'tags'];
const MAX_CONTENT_BYTES = 50 * 1024;

function nameProblem(store, name, self) {
  if (name === undefined || name === '') return 'Content Block name cannot be blank';
  if (typeof name !== 'string') return 'Content Block name must be a string';
  if (name.trim() === '') return 'Content Block name cannot be blank';
  if (name.length >= 100) return 'Content Block name must be shorter than 100 characters';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return 'Content Block name can only contain alphanumeric characters';
  if (store.blocks.some((b) => b.name === name && b !== self)) return 'Content Block with this name already exists';
  return null;
}

/** Unbalanced Liquid delimiters: what the stand-in counts as malformed Liquid. */
function malformedLiquid(content) {
  const count = (token) => content.split(token).length - 1;
  return count('{{') !== count('}}') || count('{%') !== count('%}');
}

function contentProblem(content, name) {
  if (content === undefined || content === '') return 'Content cannot be blank';
  if (typeof content !== 'string') return 'Content must be a string';
  if (content.trim() === '') return 'Content cannot be blank';
  if (Buffer.byteLength(content, 'utf8') >= MAX_CONTENT_BYTES) return 'Content must be smaller than 50kb';
  if (malformedLiquid(content)) return 'Content contains malformed liquid';
  if (name && content.includes(liquidTag(name))) return 'Content Block cannot be referenced within itself';
  return null;
}

function otherProblem(store, body) {
  if ('description' in body) {
    if (typeof body.description !== 'string') return 'Content Block description must be a string';
    if (body.description.trim() === '') return 'Content Block description cannot be blank';
    if (body.description.length >= 250) return 'Content Block description must be shorter than 250 characters';
  }
  if ('state' in body && body.state !== 'active' && body.state !== 'draft') return 'Content Block state must be either active or draft';
  return tagProblem(store, body.tags);
}

function unknownField(body, strict) {
  const unknown = strict && Object.keys(body).find((key) => key !== 'content_block_id' && !FIELDS.includes(key));
  return unknown ? `Unknown field: ${unknown}` : null;
}

function answer(block) {
  return { status: 200, body: { content_block_id: block.content_block_id, liquid_tag: liquidTag(block.name), created_at: block.created_at, message: 'success' } };
}

function create({ body, ctx, state }) {
  const store = contentOf(state);
  const problem = unknownField(body, ctx.strict) || nameProblem(store, body.name) || contentProblem(body.content, body.name) || otherProblem(store, body);
  if (problem) return bad(problem);
  const now = new Date(ctx.now).toISOString();
  const block = {
    content_block_id: store.nextId('cb'),
    name: body.name,
    content: body.content,
    description: body.description ?? '',
    content_type: /<[a-z][\s\S]*>/i.test(body.content) ? 'html' : 'text',
    state: body.state ?? 'active',
    tags: body.tags ?? [],
    created_at: now,
    last_edited: now,
    inclusion_count: 0,
  };
  store.add('contentBlocks', block);
  return answer(block);
}

function update({ body, ctx, state }) {
  const store = contentOf(state);
  const id = body.content_block_id;
  if (typeof id !== 'string' || id.trim() === '') return bad('Content Block ID cannot be blank');
  const block = store.blocks.find((b) => b.content_block_id === id);
  if (!block) return bad('Content Block ID is invalid for this workspace');
  const problem =
    unknownField(body, ctx.strict) ||
    ('name' in body ? nameProblem(store, body.name, block) : null) ||
    ('content' in body ? contentProblem(body.content, body.name ?? block.name) : null) ||
    otherProblem(store, body);
  if (problem) return bad(problem);
  if ('name' in body && body.name !== block.name && block.state === 'active') return bad('Content Block name cannot be updated for active Content Blocks');
  if (body.state === 'draft' && block.state === 'active') return bad('Active Content Block can not be updated to Draft. Create a new Content Block.');
  for (const key of FIELDS) if (key in body) block[key] = body[key];
  block.last_edited = new Date(ctx.now).toISOString();
  return answer(block);
}

module.exports = [
  { method: 'POST', path: '/content_blocks/create', permission: 'content_blocks.create', handle: create },
  { method: 'POST', path: '/content_blocks/update', permission: 'content_blocks.update', handle: update },
];
