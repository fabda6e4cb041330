'use strict';
// POST /transactional/v1/campaigns/{campaign_id}/send: one transactional email to one user, with
// external_send_id as a 24-hour de-duplication key.
// https://www.braze.com/docs/api/endpoints/messaging/send_messages/post_send_transactional_message
// Stand-in conventions for the campaign id: "unknown-…" does not exist, "paused-…" and
// "archived-…" are paused or archived, "nontx-…" is not a transactional campaign. The events a
// send would post back are kept in state.transactionalEvents, and POSTed to the postback URL when
// one is set (setPostbackUrl).
const { Problems, checkFields, isPlainObject, bytes } = require('../rules/check');
const { ALIAS } = require('../rules/users');
const { newId } = require('./ids');

const SEND_ID = /^[a-zA-Z0-9-_+/=]+$/;
const DEDUP_MS = 24 * 3600 * 1000;
const RECIPIENT = {
  external_user_id: { type: 'string', nonEmpty: true },
  user_alias: ALIAS,
  attributes: { type: 'object' },
};

function campaignProblem(id) {
  if (id.startsWith('unknown-')) return 'Campaign does not exist';
  if (id.startsWith('paused-')) return 'The campaign is paused. Resume the campaign in order for trigger requests to take effect.';
  if (id.startsWith('archived-')) return 'The campaign is archived. Unarchive the campaign in order for trigger requests to take effect.';
  if (id.startsWith('nontx-')) return 'The campaign is not a transactional campaign. Only transactional campaigns may use this endpoint';
  return undefined;
}

// A recipient whose ID or alias name starts with "bounce-" bounces, like an address that does not
// exist; "abort-" has no emailable address; anyone else is delivered.
const BOUNCE_REASON = '550 5.1.1 The email account that you tried to reach does not exist';

/** The events Braze posts back for one send: sent, then delivered, bounced or aborted. */
function postbackEvents(dispatchId, key, campaignId, recipient, now) {
  const at = (ms) => new Date(now + ms).toISOString().replace('Z', '+00:00');
  const meta = { ...(key ? { external_send_id: key } : {}), campaign_api_id: campaignId };
  const name = recipient.external_user_id ?? recipient.user_alias?.alias_name ?? '';
  if (name.startsWith('abort-')) {
    return [{ dispatch_id: dispatchId, status: 'aborted', metadata: { ...meta, aborted_at: at(0), reason: 'User not emailable' } }];
  }
  const sent = { dispatch_id: dispatchId, status: 'sent', metadata: { ...meta, sent_at: at(0) } };
  const outcome = name.startsWith('bounce-')
    ? { dispatch_id: dispatchId, status: 'bounced', metadata: { ...meta, bounced_at: at(1000), reason: BOUNCE_REASON } }
    : { dispatch_id: dispatchId, status: 'delivered', metadata: { ...meta, delivered_at: at(1000) } };
  return [sent, outcome];
}

function handle({ body, params, ctx, state }) {
  const problems = new Problems();
  const campaignId = decodeURIComponent(params.campaignId || '');
  checkFields(
    body,
    'body',
    { external_send_id: { type: 'string', nonEmpty: true }, trigger_properties: { type: 'object' }, recipient: { type: 'object', required: true, fields: RECIPIENT } },
    problems,
    ctx,
  );
  const r = body.recipient;
  if (isPlainObject(r)) {
    const ids = ['external_user_id', 'user_alias'].filter((k) => r[k] !== undefined);
    if (ids.length !== 1) problems.bad('recipient needs exactly one of external_user_id or user_alias');
  }
  if (typeof body.external_send_id === 'string' && !SEND_ID.test(body.external_send_id)) {
    problems.bad('external_send_id may contain only letters, digits and - _ + / =');
  }
  if (isPlainObject(body.trigger_properties) && bytes(JSON.stringify(body.trigger_properties)) > 50 * 1024) {
    problems.bad('trigger_properties must be at most 50 KB');
  }
  const campaign = campaignProblem(campaignId);
  // Braze names the campaign's state in the message itself.
  if (campaign) problems.add(campaign, campaign);
  if (problems.any) return { status: 400, body: problems.toBody() };

  const key = body.external_send_id;
  const earlier = key === undefined ? undefined : state.externalSends.get(`${campaignId}|${key}`);
  if (earlier && ctx.now - earlier.at < DEDUP_MS) {
    // The same external_send_id within 24 hours: no new send.
    return { status: 201, body: { dispatch_id: earlier.dispatchId, status: 'queued', metadata: { external_send_id: key, duplicate: true } }, deliver: [] };
  }
  const dispatchId = newId();
  if (key !== undefined) state.externalSends.set(`${campaignId}|${key}`, { dispatchId, at: ctx.now });
  const user = r.external_user_id !== undefined ? `external:${r.external_user_id}` : `alias:${r.user_alias.alias_label}:${r.user_alias.alias_name}`;
  // "Attributes … create the profile and the message goes to it"; existing values are overwritten.
  if (isPlainObject(r.attributes)) {
    const profile = state.profiles.get(user) || { attributes: {}, events: [], purchases: [] };
    Object.assign(profile.attributes, r.attributes);
    state.profiles.set(user, profile);
  }
  const events = postbackEvents(dispatchId, key, campaignId, r, ctx.now);
  state.transactionalEvents.push(...events);
  return {
    status: 201,
    body: { dispatch_id: dispatchId, status: 'queued', metadata: key ? { external_send_id: key } : {} },
    deliver: [user],
    postback: events,
  };
}

module.exports = {
  method: 'POST',
  path: '/transactional/v1/campaigns/{campaign_id}/send',
  pattern: /^\/transactional\/v1\/campaigns\/(?<campaignId>[^/]+)\/send$/,
  permission: 'transactional.send',
  handle,
};
