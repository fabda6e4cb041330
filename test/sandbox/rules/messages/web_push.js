'use strict';
// Web push object (reference §3.6). There is no DEEP_LINK button action on the web.
const { checkFields } = require('../check');

const fields = {
  alert: { type: 'string', required: true },
  title: { type: 'string', required: true },
  extra: { type: 'object' },
  message_variation_id: { type: 'string' },
  custom_uri: { type: 'string' },
  image_url: { type: 'string' },
  large_image_url: { type: 'string' },
  require_interaction: { type: 'boolean' },
  time_to_live: { type: 'integer', min: 0 },
  send_to_most_recent_device_only: { type: 'boolean' },
  buttons: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        text: { type: 'string', required: true },
        action: { type: 'string', enum: ['OPEN_APP', 'URI', 'CLOSE'] },
        uri: { type: 'string' },
      },
    },
  },
};

const check = (obj, path, problems, ctx) => checkFields(obj, path, fields, problems, ctx);

module.exports = { key: 'web_push', fields, check };
