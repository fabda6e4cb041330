'use strict';
// Apple push object (reference §3.2).
const { checkFields, checkValue, isPlainObject, bytes, has } = require('../check');
const { checkExtra } = require('./extra');

const MAX_BYTES = 1912; // "Apple Push Length Exceeded"
const ACTIONS = ['OPEN_APP', 'URI', 'DEEP_LINK', 'CLOSE'];
const OPENING = ['OPEN_APP', 'URI', 'DEEP_LINK'];
// Braze's default categories: button action_id -> actions allowed for that button.
const DEFAULT_CATEGORIES = {
  ab_cat_accept_decline: { ab_pb_accept: OPENING, ab_pb_decline: ['CLOSE'] },
  ab_cat_yes_no: { ab_pb_yes: OPENING, ab_pb_no: ['CLOSE'] },
  ab_cat_confirm_cancel: { ab_pb_confirm: OPENING, ab_pb_cancel: ['CLOSE'] },
  ab_cat_more: { ab_pb_more: OPENING },
};

const alertFields = {
  body: { type: 'string' }, // required unless content-available (checked below)
  title: { type: 'string' },
  title_loc_key: { type: 'string' },
  title_loc_args: { type: 'array', items: { type: 'string' } },
  action_loc_key: { type: 'string' },
  loc_key: { type: 'string' },
  loc_args: { type: 'array', items: { type: 'string' } },
  sound: { type: 'string' },
};

const fields = {
  badge: { type: 'integer' },
  alert: { type: 'stringOrObject' }, // required unless content-available (checked below)
  sound: { type: 'string' },
  extra: { type: 'object', skip: true }, // checkExtra: own error name, reserved keys
  'content-available': { type: 'boolean' },
  interruption_level: { type: 'string', enum: ['passive', 'active', 'time-sensitive', 'critical'] },
  relevance_score: { type: 'number', min: 0, max: 1 },
  expiry: { type: 'iso8601' },
  custom_uri: { type: 'string' },
  use_webview: { type: 'boolean' },
  message_variation_id: { type: 'string' },
  notification_group_thread_id: { type: 'string' },
  asset_url: { type: 'string' },
  asset_file_type: { type: 'string', enum: ['aif', 'gif', 'jpg', 'm4a', 'mp3', 'mp4', 'png', 'wav'] },
  collapse_id: { type: 'string' },
  mutable_content: { type: 'boolean' },
  send_to_most_recent_device_only: { type: 'boolean' },
  category: { type: 'string' },
  buttons: {
    type: 'array',
    items: {
      type: 'object',
      fields: {
        action_id: { type: 'string', required: true },
        action: { type: 'string', enum: ACTIONS },
        uri: { type: 'string' },
        use_webview: { type: 'boolean' },
      },
    },
  },
  apns_priority: { type: 'integer', min: 1, max: 10 },
};

function check(obj, path, problems, ctx) {
  const extraOk = checkExtra(obj, path, problems, ['ab', 'aps']);
  if (!checkFields(obj, path, fields, problems, ctx)) return;
  const silent = obj['content-available'] === true;

  if (!has(obj, 'alert')) {
    if (!silent) problems.bad(`${path}.alert is required unless ${path}["content-available"] is true`);
  } else if (isPlainObject(obj.alert)) {
    checkFields(obj.alert, `${path}.alert`, alertFields, problems, ctx);
    if (!silent && !has(obj.alert, 'body')) {
      problems.bad(`${path}.alert.body is required unless ${path}["content-available"] is true`);
    }
  }
  if (has(obj, 'asset_url') && !has(obj, 'asset_file_type')) {
    problems.bad(`${path}.asset_file_type is required when ${path}.asset_url is set`);
  }
  checkButtons(obj, path, problems);

  if (extraOk) {
    // "alert string, extra object and other optional parameters" must total <= 1,912 bytes.
    const size = payloadBytes(obj);
    if (size > MAX_BYTES) {
      problems.add('Apple Push Length Exceeded', `${path}: payload is ${size} bytes; the maximum is ${MAX_BYTES}`);
    }
  }
}

function checkButtons(obj, path, problems) {
  if (!Array.isArray(obj.buttons) || obj.buttons.length === 0) return;
  if (!has(obj, 'category')) {
    problems.bad(`${path}.buttons needs ${path}.category (the iOS notification category)`);
    return;
  }
  const braze = DEFAULT_CATEGORIES[obj.category];
  obj.buttons.forEach((b, i) => {
    if (!isPlainObject(b) || typeof b.action_id !== 'string') return; // already reported
    const p = `${path}.buttons[${i}]`;
    if (braze) {
      const allowed = braze[b.action_id];
      if (!allowed) {
        problems.bad(`${p}.action_id must be one of ${Object.keys(braze).join(', ')} for category ${obj.category}`);
      } else if (b.action !== undefined && !allowed.includes(b.action)) {
        problems.bad(`${p}.action must be one of ${allowed.join(', ')} for button ${b.action_id}`);
      }
    } else {
      // App-defined category: action (URI or DEEP_LINK) and uri are required.
      checkValue(b.action, `${p}.action`, { type: 'string', enum: ['URI', 'DEEP_LINK'] }, problems);
      if (b.uri === undefined) problems.bad(`${p}.uri is required for an app-defined category`);
    }
  });
}

/** Bytes of every value except the tracking id (keys are Braze's, not the payload's). */
function payloadBytes(obj) {
  let total = 0;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'message_variation_id' || v === undefined) continue;
    total += bytes(typeof v === 'string' ? v : JSON.stringify(v));
  }
  return total;
}

module.exports = { key: 'apple_push', fields, check };
