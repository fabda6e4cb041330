'use strict';
// POST /messages/send (reference §1-§6).
const { Problems } = require('../rules/check');
const { checkSendBody } = require('../rules/sendBody');
const { resolveRecipients } = require('../rules/recipients');
const { newId } = require('./ids');

function handle({ body, ctx }) {
  const problems = new Problems();
  checkSendBody(body, problems, ctx, { extraFields: { override_frequency_capping: { type: 'boolean' } } });
  if (problems.any) return { status: 400, body: problems.toBody() };

  const { keys, errors } = resolveRecipients(body);
  const answer = { dispatch_id: newId(), message: 'success' };
  if (errors.length) answer.errors = errors; // non-fatal: the other recipients still get it
  return { status: 201, body: answer, deliver: keys };
}

module.exports = { method: 'POST', path: '/messages/send', permission: 'messages.send', handle };
