'use strict';
// GET /templates/email/info?email_template_id=… (templates.email.info; reference §30.2): one
// template of the stand-in's (contentStore.js), every documented field.
// https://www.braze.com/docs/api/endpoints/templates/email_templates/get_see_email_template_information
// Braze documents no error texts for this endpoint; these are the stand-in's own words.
const { contentOf, bad, unknownParameter } = require('./contentStore');

function handle({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['email_template_id']);
  if (unknown) return unknown;
  const id = query.email_template_id;
  if (id === undefined || id.trim() === '') return bad('Email template ID cannot be blank');
  const template = contentOf(state).templates.find((t) => t.email_template_id === id);
  if (!template) return bad('Email template ID is invalid for this workspace');
  return { status: 200, body: { ...template, message: 'success' } };
}

module.exports = { method: 'GET', path: '/templates/email/info', permission: 'templates.email.info', handle, noBody: true };
