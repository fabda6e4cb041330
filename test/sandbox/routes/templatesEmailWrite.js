'use strict';
// POST /templates/email/create and /templates/email/update (templates.email.create, .update;
// reference §30.3), on the stand-in's templates (contentStore.js), with Braze's documented error
// texts; the texts Braze does not document (a missing subject or body, an unknown ID, an update
// naming nothing to change) are the stand-in's own words.
// https://www.braze.com/docs/api/endpoints/templates/email_templates/post_create_email_template
// https://www.braze.com/docs/api/endpoints/templates/email_templates/post_update_email_template
const { contentOf, tagProblem, bad } = require('./contentStore');

const TEXT_FIELDS = ['template_name', 'subject', 'body', 'plaintext_body', 'preheader'];
const FIELDS = [...TEXT_FIELDS, 'tags', 'should_inline_css'];

/** The first problem of the fields the body gives, or null. */
function fieldProblem(store, body, strict) {
  if (strict) {
    const unknown = Object.keys(body).find((key) => key !== 'email_template_id' && !FIELDS.includes(key));
    if (unknown) return `Unknown field: ${unknown}`;
  }
  if ('template_name' in body && (typeof body.template_name !== 'string' || body.template_name.trim() === '')) return 'Template name is required';
  for (const key of TEXT_FIELDS) {
    if (key in body && typeof body[key] !== 'string') return `${key} must be a string`;
  }
  const tags = tagProblem(store, body.tags);
  if (tags) return tags;
  if ('should_inline_css' in body && typeof body.should_inline_css !== 'boolean') {
    return "Invalid value for 'should_inline_css'. One of 'true' or 'false' was expected";
  }
  // The body may include Content Blocks by their Liquid tag; each must exist.
  const names = [...String(body.body ?? '').matchAll(/\{\{\s*content_blocks\.\$\{([^}]*)\}\s*\}\}/g)].map((m) => m[1]);
  if (names.some((name) => !store.blocks.some((block) => block.name === name))) return 'Email must have valid Content Block names';
  return null;
}

function create({ body, ctx, state }) {
  const store = contentOf(state);
  if (body.template_name === undefined) return bad('Template name is required');
  if (typeof body.subject !== 'string' || body.subject.trim() === '') return bad('Subject is required');
  if (typeof body.body !== 'string' || body.body.trim() === '') return bad('Body is required');
  const problem = fieldProblem(store, body, ctx.strict);
  if (problem) return bad(problem);
  const now = new Date(ctx.now).toISOString();
  const template = {
    email_template_id: store.nextId('tpl'),
    template_name: body.template_name,
    description: '',
    subject: body.subject,
    preheader: body.preheader ?? '',
    body: body.body,
    plaintext_body: body.plaintext_body ?? '',
    should_inline_css: body.should_inline_css ?? false,
    tags: body.tags ?? [],
    created_at: now,
    updated_at: now,
  };
  store.add('emailTemplates', template);
  return { status: 200, body: { email_template_id: template.email_template_id, message: 'success' } };
}

function update({ body, ctx, state }) {
  const store = contentOf(state);
  const id = body.email_template_id;
  if (typeof id !== 'string' || id.trim() === '') return bad('Email template ID cannot be blank');
  const template = store.templates.find((t) => t.email_template_id === id);
  if (!template) return bad('Email template ID is invalid for this workspace');
  if (!FIELDS.some((key) => key in body)) return bad('Specify at least one field to update');
  const problem = fieldProblem(store, body, ctx.strict);
  if (problem) return bad(problem);
  for (const key of FIELDS) if (key in body) template[key] = body[key];
  template.updated_at = new Date(ctx.now).toISOString();
  return { status: 200, body: { message: 'success' } };
}

module.exports = [
  { method: 'POST', path: '/templates/email/create', permission: 'templates.email.create', handle: create },
  { method: 'POST', path: '/templates/email/update', permission: 'templates.email.update', handle: update },
];
