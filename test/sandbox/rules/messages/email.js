'use strict';
// Email object (reference §3.4).
const { checkFields, has } = require('../check');

// Accept "Display Name <a@b.c>" (Braze's documented format) or a bare address.
const FROM = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

const fields = {
  app_id: { type: 'string', required: true, nonEmpty: true },
  subject: { type: 'string' },
  from: { type: 'string', required: true },
  reply_to: { type: 'string' },
  bcc: { type: 'string' },
  body: { type: 'string' },
  plaintext_body: { type: 'string' },
  preheader: { type: 'string' },
  email_template_id: { type: 'string' },
  message_variation_id: { type: 'string' },
  extras: { type: 'object' },
  headers: { type: 'object' },
  should_inline_css: { type: 'boolean' },
  amp_body: { type: 'string' },
  attachments: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        file_name: { type: 'string', required: true, nonEmpty: true },
        url: { type: 'string', required: true, nonEmpty: true },
        basic_auth_credential: { type: 'string' },
      },
    },
  },
};

function check(obj, path, problems, ctx) {
  if (!checkFields(obj, path, fields, problems, ctx)) return;
  if (!has(obj, 'body') && !has(obj, 'email_template_id')) {
    problems.bad(`${path} needs body or email_template_id`);
  }
  if (typeof obj.from === 'string' && !FROM.test(obj.from.trim())) {
    problems.bad(`${path}.from must be an address such as "Display Name <email@address.com>"`);
  }
}

module.exports = { key: 'email', fields, check };
