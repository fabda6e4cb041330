'use strict';
// Scheduled API-triggered campaigns and Canvases: /campaigns/trigger/schedule/create|update|delete
// and /canvas/trigger/schedule/create|update|delete.
// https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_campaigns
// https://www.braze.com/docs/api/endpoints/messaging/schedule_messages/post_schedule_triggered_canvases
// The body is a trigger body (recipients, audience, broadcast, properties) plus a schedule
// object; attachments are not part of it. Schedules are kept in state and never "delivered".
const { Problems, checkFields } = require('../rules/check');
const { makeHandler } = require('./trigger');
const { checkSchedule } = require('./schedule');
const { newId } = require('./ids');

function routesFor(kind) {
  const idField = kind === 'campaign' ? 'campaign_id' : 'canvas_id';
  const trigger = makeHandler(kind);
  const { attachments, ...triggerFields } = trigger.fields;
  const createFields = { ...triggerFields, schedule: { type: 'object', required: true, skip: true } };
  const base = `/${kind === 'campaign' ? 'campaigns' : 'canvas'}/trigger/schedule`;
  const permission = (action) => `${kind === 'campaign' ? 'campaigns' : 'canvas'}.trigger.schedule.${action}`;

  function create({ body, ctx, state }) {
    const problems = new Problems();
    trigger.check(body, problems, ctx, createFields);
    if (body.schedule !== undefined) checkSchedule(body.schedule, problems, ctx);
    else problems.bad('body.schedule is required');
    if (problems.any) return { status: 400, body: problems.toBody() };
    const scheduleId = newId();
    const dispatchId = newId();
    state.triggerSchedules.set(scheduleId, { kind, id: body[idField], body });
    return { status: 201, body: { dispatch_id: dispatchId, schedule_id: scheduleId, message: 'success' } };
  }

  function findSchedule(body, problems, state) {
    const entry = typeof body.schedule_id === 'string' ? state.triggerSchedules.get(body.schedule_id) : undefined;
    if (typeof body.schedule_id === 'string' && (!entry || entry.kind !== kind || entry.id !== body[idField])) {
      problems.bad(`schedule_id ${body.schedule_id} does not match a schedule of ${idField} ${body[idField]}`);
    }
    return entry;
  }

  function update({ body, ctx, state }) {
    const problems = new Problems();
    checkFields(
      body,
      'body',
      { [idField]: { type: 'string', required: true, nonEmpty: true }, schedule_id: { type: 'string', required: true }, schedule: { type: 'object', required: true, skip: true } },
      problems,
      ctx,
    );
    if (body.schedule !== undefined) checkSchedule(body.schedule, problems, ctx);
    else problems.bad('body.schedule is required');
    const entry = findSchedule(body, problems, state);
    if (problems.any) return { status: 400, body: problems.toBody() };
    // The new schedule replaces the old one completely.
    entry.body = { ...entry.body, schedule: body.schedule };
    return { status: 200, body: { message: 'success' } };
  }

  function remove({ body, ctx, state }) {
    const problems = new Problems();
    checkFields(body, 'body', { [idField]: { type: 'string', required: true, nonEmpty: true }, schedule_id: { type: 'string', required: true } }, problems, ctx);
    findSchedule(body, problems, state);
    if (problems.any) return { status: 400, body: problems.toBody() };
    state.triggerSchedules.delete(body.schedule_id);
    return { status: 200, body: { message: 'success' } };
  }

  return [
    { method: 'POST', path: `${base}/create`, permission: permission('create'), handle: create },
    { method: 'POST', path: `${base}/update`, permission: permission('update'), handle: update },
    { method: 'POST', path: `${base}/delete`, permission: permission('delete'), handle: remove },
  ];
}

module.exports = [...routesFor('campaign'), ...routesFor('canvas')];
