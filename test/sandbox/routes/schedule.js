'use strict';
// /messages/schedule/create|update|delete (reference §9.1-9.3); GET /messages/scheduled_broadcasts is
// scheduledBroadcasts.js.
// Scheduled messages are kept in state and never "delivered".
const { Problems, checkFields, checkValue, parseIso8601 } = require('../rules/check');
const { checkSendBody } = require('../rules/sendBody');
const { checkMessages } = require('../rules/messages');
const { newId } = require('./ids');

const SCHEDULE = {
  type: 'object',
  fields: { time: { type: 'iso8601', required: true }, in_local_time: { type: 'boolean' }, at_optimal_time: { type: 'boolean' } },
};
const LATEST_ZONE_MS = 12 * 3600 * 1000; // UTC-12: the last place a local time arrives

function checkSchedule(schedule, problems, ctx) {
  if (!checkValue(schedule, 'schedule', SCHEDULE, problems, ctx)) return;
  const t = parseIso8601(schedule.time);
  if (schedule.in_local_time === true && !Number.isNaN(t) && t + LATEST_ZONE_MS < ctx.now) {
    problems.bad('schedule.time has already passed in every time zone (in_local_time is true)');
  }
}

function create({ body, ctx, state }) {
  const problems = new Problems();
  checkSendBody(body, problems, ctx, {
    extraFields: { override_messaging_limits: { type: 'boolean' }, schedule: { type: 'object', required: true, skip: true } },
  });
  if (body.schedule !== undefined) checkSchedule(body.schedule, problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const scheduleId = newId();
  const dispatchId = newId();
  state.schedules.set(scheduleId, { body, dispatchId });
  return { status: 201, body: { dispatch_id: dispatchId, schedule_id: scheduleId, message: 'success' } };
}

function findSchedule(body, problems, state) {
  if (typeof body.schedule_id === 'string' && !state.schedules.has(body.schedule_id)) {
    problems.bad(`schedule_id ${body.schedule_id} does not match a scheduled message`);
  }
}

function update({ body, ctx, state }) {
  const problems = new Problems();
  checkFields(body, 'body', { schedule_id: { type: 'string', required: true }, schedule: { type: 'object', skip: true }, messages: { type: 'object', skip: true } }, problems, ctx);
  if (body.schedule === undefined && body.messages === undefined) problems.bad('Give schedule or messages (or both) to update');
  if (body.schedule !== undefined) checkSchedule(body.schedule, problems, ctx);
  if (body.messages !== undefined) checkMessages(body.messages, 'messages', problems, ctx);
  findSchedule(body, problems, state);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const entry = state.schedules.get(body.schedule_id);
  if (body.schedule) entry.body = { ...entry.body, schedule: body.schedule };
  if (body.messages) entry.body = { ...entry.body, messages: body.messages };
  return { status: 200, body: { message: 'success' } };
}

function remove({ body, ctx, state }) {
  const problems = new Problems();
  checkFields(body, 'body', { schedule_id: { type: 'string', required: true } }, problems, ctx);
  findSchedule(body, problems, state);
  if (problems.any) return { status: 400, body: problems.toBody() };
  state.schedules.delete(body.schedule_id);
  return { status: 200, body: { message: 'success' } };
}

const routes = [
  { method: 'POST', path: '/messages/schedule/create', permission: 'messages.schedule.create', handle: create },
  { method: 'POST', path: '/messages/schedule/update', permission: 'messages.schedule.update', handle: update },
  { method: 'POST', path: '/messages/schedule/delete', permission: 'messages.schedule.delete', handle: remove },
];

module.exports = routes;
module.exports.checkSchedule = checkSchedule;
