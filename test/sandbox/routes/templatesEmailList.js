'use strict';
// GET /templates/email/list (templates.email.list permission; `count` and `templates`, paged by
// `limit` (default 100, at most 1000) and `offset`).
const { emailTemplates } = require('./catalogue');

const CREATED = '2026-01-10T09:00:00.000+00:00';

function whole(value, fallback) {
  if (value === undefined || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : NaN;
}

function handle({ query }) {
  const limit = whole(query.limit, 100);
  const offset = whole(query.offset, 0);
  if (Number.isNaN(limit) || limit < 1 || limit > 1000) return { status: 400, body: { message: 'Bad Request', errors: ['limit must be a whole number from 1 to 1000'] } };
  if (Number.isNaN(offset)) return { status: 400, body: { message: 'Bad Request', errors: ['offset must be a whole number from 0'] } };
  const templates = emailTemplates.slice(offset, offset + limit).map((t) => ({ ...t, created_at: CREATED, updated_at: CREATED }));
  return { status: 200, body: { count: templates.length, templates, message: 'success' } };
}

module.exports = { method: 'GET', path: '/templates/email/list', permission: 'templates.email.list', handle, noBody: true };
