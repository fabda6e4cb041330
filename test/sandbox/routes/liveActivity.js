'use strict';
// iOS Live Activities: POST /messages/live_activity/start and /messages/live_activity/update.
// https://www.braze.com/docs/api/endpoints/messaging/live_activity/start
// https://www.braze.com/docs/api/endpoints/messaging/live_activity/update
// Braze answers these with {"error": …}, not {"message": …}.
const { Problems, checkFields, isPlainObject } = require('../rules/check');
const { checkAudience } = require('../rules/audience');
const { ALIAS } = require('../rules/users');

const MAX_IDS = 50;
// There is no top-level priority: APNs priority is the notification's apns_priority (10 by
// default, 5 with content-available), as the update page says.
// The fields start and update share: which activity, its state, and when it goes stale or away.
const ACTIVITY = {
  app_id: { type: 'string', required: true, nonEmpty: true },
  activity_id: { type: 'string', required: true, nonEmpty: true },
  content_state: { type: 'object', required: true },
  stale_date: { type: 'iso8601' },
  dismissal_date: { type: 'iso8601' },
};

/** Live Activity errors use the key "error". */
function refuse(problems) {
  const { message, errors } = problems.toBody();
  return { status: 400, body: { error: `${message}: ${errors.join('; ')}` } };
}

// A body that is not JSON (or not a JSON object), in Braze's documented words for these endpoints.
const BAD_FORMAT = {
  error:
    "\nProblem:\n  message body does not match declared format\nResolution:\n  when specifying application/json as content-type, you must pass valid application/json in the request's 'body' ",
};

function start({ body, ctx, state }) {
  const problems = new Problems();
  checkFields(
    body,
    'body',
    {
      ...ACTIVITY,
      activity_attributes_type: { type: 'string', required: true, nonEmpty: true },
      activity_attributes: { type: 'object', required: true },
      notification: { type: 'object', required: true },
      external_user_ids: { type: 'array', items: { type: 'string', nonEmpty: true } },
      user_aliases: { type: 'array', items: ALIAS },
      segment_id: { type: 'string', nonEmpty: true },
      custom_audience: { type: 'object', skip: true },
    },
    problems,
    ctx,
  );
  if (body.custom_audience !== undefined) checkAudience(body.custom_audience, 'custom_audience', problems, ctx);
  const named = (body.external_user_ids || []).length + (body.user_aliases || []).length;
  const methods = [named > 0, body.segment_id !== undefined, body.custom_audience !== undefined].filter(Boolean).length;
  if (methods === 0) problems.bad('Give external_user_ids or user_aliases, segment_id, or custom_audience');
  if (named > 0 && methods > 1) problems.bad("Don't combine external_user_ids or user_aliases with segment_id or custom_audience");
  if (named > MAX_IDS) problems.bad(`${named} users given; at most ${MAX_IDS} per request`);
  if (isPlainObject(body.notification)) {
    const alert = body.notification.alert;
    if (!isPlainObject(alert) || !alert.title || !alert.body) problems.bad('notification.alert needs a title and a body');
  }
  if (problems.any) return refuse(problems);
  state.liveActivities.set(`${body.app_id}|${body.activity_id}`, { content_state: body.content_state, ended: false });
  return { status: 201, body: { message: 'success' } };
}

function update({ body, ctx, state }) {
  const problems = new Problems();
  checkFields(
    body,
    'body',
    {
      ...ACTIVITY,
      end_activity: { type: 'boolean' },
      notification: { type: 'object' },
    },
    problems,
    ctx,
  );
  if (problems.any) return refuse(problems);
  const entry = state.liveActivities.get(`${body.app_id}|${body.activity_id}`) || {};
  state.liveActivities.set(`${body.app_id}|${body.activity_id}`, { ...entry, content_state: body.content_state, ended: body.end_activity === true });
  return { status: 201, body: { message: 'success' } };
}

module.exports = [
  { method: 'POST', path: '/messages/live_activity/start', permission: 'messages.live_activity.start', handle: start, badFormat: BAD_FORMAT },
  { method: 'POST', path: '/messages/live_activity/update', permission: 'messages.live_activity.update', handle: update, badFormat: BAD_FORMAT },
];
