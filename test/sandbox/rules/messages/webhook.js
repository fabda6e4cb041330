'use strict';
// Webhook object (reference §3.7).
const { checkFields } = require('../check');

const fields = {
  url: { type: 'string', required: true, nonEmpty: true },
  request_method: { type: 'string', required: true, enum: ['POST', 'PUT', 'DELETE', 'GET'] },
  request_headers: { type: 'object' },
  body: { type: 'string' }, // JSON must be sent as an escaped string, not an object
  message_variation_id: { type: 'string' },
};

const check = (obj, path, problems, ctx) => checkFields(obj, path, fields, problems, ctx);

module.exports = { key: 'webhook', fields, check };
