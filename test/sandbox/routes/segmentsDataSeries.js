'use strict';
// GET /segments/data_series?segment_id=…&length=…&ending_at=… (segments.data_series, reference
// §25.3): the segment's estimated size per day, `length` 1–100 days ending on ending_at (default:
// the time of the request). INFERRED: a segment without analytics tracking has no history, so its
// series is empty.
// https://www.braze.com/docs/api/endpoints/export/segments/get_segment_analytics
const { Problems } = require('../rules/check');
const { checkId, checkKnown, checkLength, checkTime, count, daysEndingAt, unknownId } = require('../rules/series');
const { segments, findRecord } = require('./catalogue');

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'segment_id', 'segment', problems);
  const length = checkLength(query, problems, { max: 100 });
  const end = checkTime(query, 'ending_at', problems);
  checkKnown(query, ['segment_id', 'length', 'ending_at'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const segment = findRecord('segments', segments, state, id);
  if (!segment) return unknownId('Segment');
  const days = segment.analytics_tracking_enabled ? daysEndingAt(end ?? ctx.now, length) : [];
  return { status: 200, body: { message: 'success', data: days.map((time) => ({ time, size: 10000 + count(5000, id, time) })) } };
}

module.exports = { method: 'GET', path: '/segments/data_series', permission: 'segments.data_series', handle, noBody: true };
