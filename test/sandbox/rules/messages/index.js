'use strict';
// The `messages` object: one rule file per messaging object. Adding a channel = one file + one line.
const { isPlainObject } = require('../check');

const CHANNELS = [
  require('./android_push'),
  require('./apple_push'),
  require('./content_card'),
  require('./email'),
  require('./kindle_push'),
  require('./web_push'),
  require('./webhook'),
  require('./whats_app'),
  require('./sms'),
].reduce((all, c) => ({ ...all, [c.key]: c }), {});

/**
 * Validates `messages`. `opts.allowed` limits the keys (schedule/create does not list whats_app),
 * `opts.requireVariant` enforces message_variation_id (campaign_id given).
 */
function checkMessages(messages, path, problems, ctx, opts = {}) {
  if (messages === undefined || (isPlainObject(messages) && Object.keys(messages).length === 0)) {
    problems.add('No message to send', `${path} must contain at least one messaging object`);
    return;
  }
  if (!isPlainObject(messages)) {
    problems.bad(`${path} must be an object keyed by channel, got ${Array.isArray(messages) ? 'an array' : typeof messages}`);
    return;
  }
  const allowed = opts.allowed || Object.keys(CHANNELS);
  for (const [key, obj] of Object.entries(messages)) {
    const p = `${path}.${key}`;
    if (!allowed.includes(key)) {
      problems.bad(`${p} is not a messaging object; use one of ${allowed.join(', ')}`);
      continue;
    }
    CHANNELS[key].check(obj, p, problems, ctx);
    if (opts.requireVariant && isPlainObject(obj) && obj.message_variation_id === undefined) {
      problems.add('Message Variant Unspecified', `${p}.message_variation_id is required because campaign_id is given`);
    }
  }
}

module.exports = { CHANNELS, checkMessages };
