'use strict';
// Content Card object (reference §3.3).
const { checkFields, has, parseIso8601 } = require('../check');

const MAX_EXPIRY_SECONDS = 30 * 24 * 3600; // "Maximum expiration: 30 days"

const fields = {
  type: { type: 'string', required: true, enum: ['CLASSIC', 'CAPTIONED_IMAGE', 'BANNER'] },
  // Required, but an empty string is accepted (the newer docs say so for BANNER).
  title: { type: 'string', required: true },
  description: { type: 'string', required: true },
  message_variation_id: { type: 'string' },
  pinned: { type: 'boolean' },
  image_url: { type: 'string' },
  time_to_live: { type: 'integer', min: 1, max: MAX_EXPIRY_SECONDS },
  expire_at: { type: 'iso8601' },
  expire_in_local_time: { type: 'boolean' },
  ios_uri: { type: 'string' },
  android_uri: { type: 'string' },
  web_uri: { type: 'string' },
  ios_use_webview: { type: 'boolean' },
  android_use_webview: { type: 'boolean' },
  uri_text: { type: 'string' },
  extra: { type: 'object' },
};

function check(obj, path, problems, ctx) {
  if (!checkFields(obj, path, fields, problems, ctx)) return;
  if ((obj.type === 'CAPTIONED_IMAGE' || obj.type === 'BANNER') && !has(obj, 'image_url')) {
    problems.bad(`${path}.image_url is required for type ${obj.type}`);
  }
  if (!has(obj, 'time_to_live') && !has(obj, 'expire_at')) {
    problems.bad(`${path} needs one of time_to_live or expire_at`);
  }
  if (has(obj, 'expire_in_local_time') && !has(obj, 'expire_at')) {
    problems.bad(`${path}.expire_in_local_time can only be used with ${path}.expire_at`);
  }
  if (typeof obj.expire_at === 'string') {
    const at = parseIso8601(obj.expire_at);
    // One day of slack so a date without a zone, read in local time, is not refused at the edge.
    if (!Number.isNaN(at) && at > ctx.now + (MAX_EXPIRY_SECONDS + 24 * 3600) * 1000) {
      problems.bad(`${path}.expire_at must be at most 30 days from now`);
    }
  }
}

module.exports = { key: 'content_card', fields, check };
