'use strict';
// Top-level body of /messages/send and /messages/schedule/create (reference §2, §9.1).
const { checkValue } = require('./check');
const { checkRecipients } = require('./recipients');
const { checkMessages } = require('./messages');

const TARGETING = ['broadcast', 'external_user_ids', 'user_aliases', 'segment_id', 'audience'];
const COMMON = {
  campaign_id: { type: 'string', nonEmpty: true },
  send_id: { type: 'string', nonEmpty: true, maxLength: 64 },
  recipient_subscription_state: { type: 'string', enum: ['opted_in', 'subscribed', 'all'] },
};

/** `extraFields` adds endpoint-specific fields (override_frequency_capping or schedule...). */
function checkSendBody(body, problems, ctx, { extraFields = {}, allowedChannels } = {}) {
  const fields = { ...COMMON, ...extraFields };
  if (ctx.strict !== false) {
    for (const key of Object.keys(body)) {
      if (!TARGETING.includes(key) && key !== 'messages' && !fields[key]) problems.bad(`${key} is not a documented field`);
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (body[key] === undefined) {
      if (spec.required) problems.bad(`${key} is required`);
    } else checkValue(body[key], key, spec, problems, ctx);
  }
  if (typeof body.send_id === 'string' && !/^[\x20-\x7e]*$/.test(body.send_id)) {
    problems.bad('send_id must contain only ASCII characters');
  }
  // Recipients before messages: the first problem found names the response `message`.
  checkRecipients(body, problems, ctx);
  checkMessages(body.messages, 'messages', problems, ctx, {
    allowed: allowedChannels,
    requireVariant: body.campaign_id !== undefined,
  });
}

module.exports = { checkSendBody };
