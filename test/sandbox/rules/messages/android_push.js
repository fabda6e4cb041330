'use strict';
// Android push object (reference §3.1).
const { checkFields, isPlainObject, bytes, has } = require('../check');
const { checkExtra } = require('./extra');

const BUTTON_ACTIONS = ['OPEN_APP', 'URI', 'DEEP_LINK', 'CLOSE'];
const MAX_BYTES = 4000; // alert + extra, per Braze ("Android Push Length Exceeded")

const fields = {
  alert: { type: 'string', required: true },
  title: { type: 'string', required: true },
  extra: { type: 'object', skip: true }, // checked by checkExtra, which has its own error name
  message_variation_id: { type: 'string' },
  notification_channel_id: { type: 'string' },
  // Braze turns an out-of-range priority into 0, so only the type is enforced.
  priority: { type: 'integer' },
  android_priority: { type: 'string', enum: ['normal', 'high'] },
  send_to_sync: { type: 'boolean' },
  collapse_key: { type: 'string' },
  sound: { type: 'string' },
  custom_uri: { type: 'string' },
  use_webview: { type: 'boolean' },
  summary_text: { type: 'string' },
  time_to_live: { type: 'integer', min: 0, max: 2419200 },
  notification_id: { type: 'integer' },
  push_icon_image_url: { type: 'string' },
  accent_color: { type: 'integer' },
  send_to_most_recent_device_only: { type: 'boolean' },
  buttons: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        text: { type: 'string', required: true },
        action: { type: 'string', enum: BUTTON_ACTIONS },
        uri: { type: 'string' },
        use_webview: { type: 'boolean' },
      },
    },
  },
  conversation_data: {
    type: 'object',
    fields: {
      shortcut_id: { type: 'string', required: true },
      reply_person_id: { type: 'string', required: true },
      messages: {
        type: 'array',
        required: true,
        items: {
          type: 'object',
          fields: {
            text: { type: 'string', required: true },
            timestamp: { type: 'integer', required: true },
            person_id: { type: 'string', required: true },
          },
        },
      },
      persons: {
        type: 'array',
        required: true,
        items: { type: 'object', fields: { id: { type: 'string', required: true }, name: { type: 'string', required: true } } },
      },
    },
  },
};

function check(obj, path, problems, ctx) {
  const extraOk = checkExtra(obj, path, problems);
  // A silent (send_to_sync) push must NOT carry alert/title, so they stop being required.
  const silent = isPlainObject(obj) && obj.send_to_sync === true;
  const spec = silent ? { ...fields, alert: { type: 'string' }, title: { type: 'string' } } : fields;
  if (!checkFields(obj, path, spec, problems, ctx)) return;
  if (silent && (has(obj, 'alert') || has(obj, 'title'))) {
    problems.bad(`${path}.send_to_sync is true, so ${path}.alert and ${path}.title must not be set`);
  }
  if (typeof obj.alert === 'string' && (extraOk || obj.extra === undefined)) {
    const size = bytes(obj.alert) + (obj.extra === undefined ? 0 : bytes(JSON.stringify(obj.extra)));
    if (size > MAX_BYTES) {
      problems.add('Android Push Length Exceeded', `${path}: alert plus extra is ${size} bytes; the maximum is ${MAX_BYTES}`);
    }
  }
}

module.exports = { key: 'android_push', fields, check };
