'use strict';
// POST /sends/id/create (reference §9.4).
const { Problems, checkFields } = require('../rules/check');
const { newId } = require('./ids');

function handle({ body, ctx }) {
  const problems = new Problems();
  checkFields(body, 'body', { campaign_id: { type: 'string', required: true, nonEmpty: true }, send_id: { type: 'string', nonEmpty: true, maxLength: 64 } }, problems, ctx);
  if (typeof body.send_id === 'string' && !/^[\x20-\x7e]*$/.test(body.send_id)) problems.bad('body.send_id must contain only ASCII characters');
  if (problems.any) return { status: 400, body: problems.toBody() };
  return { status: 201, body: { message: 'success', send_id: body.send_id || newId() } };
}

module.exports = { method: 'POST', path: '/sends/id/create', permission: 'sends.id.create', handle };
