'use strict';
// GET /events/data_series (events.data_series; reference §28.3): how often a custom event
// happened, `length` (1–100) days or hours (`unit`, default day) up to `ending_at`, optionally
// for one `app_id` or one analytics-enabled `segment_id`. Times are ISO 8601 dates for days and
// date-times for hours. Counts are made up, fixed by the time. Braze documents no error texts
// here; the stand-in's are its own.
// https://www.braze.com/docs/api/endpoints/export/custom_events/get_custom_events_analytics
const { segments, findRecord } = require('./catalogue');
const { bad, unknownParameter } = require('./contentStore');
const { readSeries, countFor } = require('./dataSeries');

const UNITS = { day: 86400000, hour: 3600000 };

function handle({ query, ctx, state }) {
  const unknown = unknownParameter(query, ctx, ['event', 'length', 'unit', 'ending_at', 'app_id', 'segment_id']);
  if (unknown) return unknown;
  if (query.event === undefined || query.event.trim() === '') return bad('event is required');
  const series = readSeries(query, ctx.now);
  if (series.error) return series.error;
  const unit = query.unit ?? 'day';
  if (!UNITS[unit]) return bad("unit must be 'day' or 'hour'");
  if (query.segment_id !== undefined) {
    const segment = findRecord('segments', segments, state, query.segment_id);
    if (!segment) return bad('segment_id is not a segment of this workspace');
    if (!segment.analytics_tracking_enabled) return bad('segment_id must name a segment with analytics tracking enabled');
  }
  const step = UNITS[unit];
  const last = Math.floor(series.end / step) * step;
  const data = [];
  for (let i = series.length - 1; i >= 0; i -= 1) {
    const at = last - i * step;
    const time = unit === 'day' ? new Date(at).toISOString().slice(0, 10) : new Date(at).toISOString().replace('.000Z', 'Z');
    data.push({ time, count: countFor(unit === 'day' ? 300 : 12, at, `${query.event}${query.app_id ?? ''}${query.segment_id ?? ''}`) });
  }
  return { status: 200, body: { message: 'success', data } };
}

module.exports = { method: 'GET', path: '/events/data_series', permission: 'events.data_series', handle, noBody: true };
