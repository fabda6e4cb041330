'use strict';
// Kindle / FireOS push object (reference §3.5).
const { checkFields } = require('../check');

const fields = {
  alert: { type: 'string', required: true },
  title: { type: 'string', required: true },
  extra: { type: 'object' },
  message_variation_id: { type: 'string' },
  priority: { type: 'integer' }, // out-of-range becomes 0 at Braze, so only the type matters
  collapse_key: { type: 'string' },
  sound: { type: 'string' },
  custom_uri: { type: 'string' },
};

const check = (obj, path, problems, ctx) => checkFields(obj, path, fields, problems, ctx);

module.exports = { key: 'kindle_push', fields, check };
