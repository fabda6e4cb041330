'use strict';
// GET /messages/scheduled_broadcasts?end_time=… (reference §19): the campaigns and entry Canvases
// scheduled from now until end_time, which Braze "treats as midnight in UTC time": only its
// date counts, as 00:00 UTC at the start of that date.
// https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/get_messages_scheduled
//
// Braze documents the results as campaigns and Canvases "created and scheduled in the Braze
// dashboard"; whether messages scheduled through the API appear is unconfirmed. The stand-in
// takes the documented reading: it lists a fixed set of dashboard broadcasts (below, dated from
// the stand-in's clock), never the schedules made through its own API endpoints.
// The answer is exactly the documented shape: { scheduled_broadcasts: [...] }, no `message`.
const { Problems, isIso8601 } = require('../rules/check');

const DAY = 86400000;
const HOUR = 3600000;
const COMPANY_TIME_ZONE = 'America/New_York';

/** A date-time without a zone (local or intelligent delivery), or with the company's -05:00. */
function wallClock(ms, offset = '') {
  return `${new Date(ms).toISOString().slice(0, 19)}${offset}`;
}

/**
 * The dashboard broadcasts, from the start of today (UTC): tomorrow 09:00 in each user's local
 * time, the day after at their optimal time, a daily digest next at 14:00 New York time in four
 * days (a recurring message appears once), a renewal Canvas in 30 days.
 */
function dashboardBroadcasts(now) {
  const today = Math.floor(now / DAY) * DAY;
  const nyOffset = 5 * HOUR;
  return [
    { at: today + DAY + 9 * HOUR, broadcast: { name: 'Win-back Offer', id: 'cmp-winback-0003', type: 'Campaign', tags: [], next_send_time: wallClock(today + DAY + 9 * HOUR), schedule_type: 'local_time_zones' } },
    { at: today + 2 * DAY, broadcast: { name: 'Onboarding Journey', id: 'cnv-onboard-0001', type: 'Canvas', tags: ['onboarding'], next_send_time: wallClock(today + 2 * DAY), schedule_type: 'intelligent_delivery' } },
    { at: today + 4 * DAY + 14 * HOUR + nyOffset, broadcast: { name: 'Weekly Digest 001', id: 'cmp-digest-001', type: 'Campaign', tags: ['digest'], next_send_time: wallClock(today + 4 * DAY + 14 * HOUR, '-05:00'), schedule_type: COMPANY_TIME_ZONE } },
    { at: today + 30 * DAY + 12 * HOUR + nyOffset, broadcast: { name: 'Subscription Renewal', id: 'cnv-renewal-0003', type: 'Canvas', tags: [], next_send_time: wallClock(today + 30 * DAY + 12 * HOUR, '-05:00'), schedule_type: COMPANY_TIME_ZONE } },
  ];
}

function listBroadcasts({ query, ctx }) {
  const problems = new Problems();
  const endTime = query.end_time;
  if (endTime === undefined || endTime === '') problems.bad('end_time is required');
  else if (!isIso8601(endTime)) problems.bad(`end_time must be an ISO 8601 date-time, got "${endTime}"`);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const end = Date.parse(`${endTime.slice(0, 10)}T00:00:00Z`); // midnight UTC of its date
  const list = dashboardBroadcasts(ctx.now)
    .filter(({ at }) => at >= ctx.now && at < end)
    .map(({ broadcast }) => broadcast);
  return { status: 200, body: { scheduled_broadcasts: list } };
}

module.exports = { method: 'GET', path: '/messages/scheduled_broadcasts', permission: 'messages.schedule_broadcasts', handle: listBroadcasts, noBody: true };
module.exports.dashboardBroadcasts = dashboardBroadcasts;
