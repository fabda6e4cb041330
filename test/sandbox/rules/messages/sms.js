'use strict';
// SMS object (reference §3.9). media_items' element shape is undocumented, so only "array".
const { checkFields } = require('../check');

const fields = {
  subscription_group_id: { type: 'string', required: true, nonEmpty: true },
  message_variation_id: { type: 'string' },
  body: { type: 'string', required: true },
  app_id: { type: 'string', required: true, nonEmpty: true },
  media_items: { type: 'array' },
  link_shortening_enabled: { type: 'boolean' },
  user_click_tracking_enabled: { type: 'boolean' },
};

const check = (obj, path, problems, ctx) => checkFields(obj, path, fields, problems, ctx);

module.exports = { key: 'sms', fields, check };
