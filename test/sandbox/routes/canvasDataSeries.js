'use strict';
// GET /canvas/data_series and GET /canvas/data_summary (canvas.data_series / canvas.data_summary,
// reference §27.3–27.4). Same query: canvas_id, ending_at (required in the table, though also said
// to default to the time of the request: the stand-in requires it), and either length (1–14 days
// before ending_at) or starting_at, plus include_variant_breakdown, include_step_breakdown and
// include_deleted_step_data. The series gives per day total_stats (and variant_stats /
// step_stats when asked); the summary the same for the whole period, without the per-day level.
// Which wins when both length and starting_at are given is UNCONFIRMED: here, length.
// https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics
// https://www.braze.com/docs/api/endpoints/export/canvas/get_canvas_analytics_summary
const { Problems } = require('../rules/check');
const { checkBoolean, checkId, checkKnown, checkLength, checkTime, count, daysBetween, daysEndingAt, unknownId } = require('../rules/series');
const { canvases, findRecord } = require('./catalogue');
const { stepsOf, variantsOf } = require('./canvasShape');

const KNOWN = ['canvas_id', 'ending_at', 'starting_at', 'length', 'include_variant_breakdown', 'include_step_breakdown', 'include_deleted_step_data'];

/** The query, checked; { problems } or what to answer for. */
function readQuery(query, ctx, state) {
  const problems = new Problems();
  const id = checkId(query, 'canvas_id', 'Canvas', problems);
  const end = checkTime(query, 'ending_at', problems, { required: true });
  const start = checkTime(query, 'starting_at', problems);
  const length = checkLength(query, problems, { max: 14, optional: true });
  const hasLength = query.length !== undefined && query.length !== '';
  const hasStart = query.starting_at !== undefined && query.starting_at !== '';
  if (!hasLength && !hasStart) problems.bad('either length or starting_at is required');
  if (start !== undefined && end !== undefined && start >= end) problems.bad('starting_at must be before ending_at');
  const breakdown = {
    variants: checkBoolean(query, 'include_variant_breakdown', problems),
    steps: checkBoolean(query, 'include_step_breakdown', problems),
    deleted: checkBoolean(query, 'include_deleted_step_data', problems),
  };
  checkKnown(query, KNOWN, problems, ctx);
  if (problems.any) return { answer: { status: 400, body: problems.toBody() } };
  const canvas = findRecord('canvases', canvases, state, id);
  if (!canvas) return { answer: unknownId('Canvas') };
  const days = length !== undefined ? daysEndingAt(end, length) : daysBetween(start, end);
  return { canvas, days, breakdown };
}

function totals(canvas, days, key) {
  const sum = (metric, scale) => days.reduce((total, time) => total + count(scale, canvas.id, key, time, metric), 0);
  return { revenue: sum('revenue', 50000) / 100, conversions: sum('conversions', 40), conversions_by_entry_time: sum('conversions', 40), entries: 100 + sum('entries', 400) };
}

function stats(canvas, days, breakdown) {
  const result = { total_stats: totals(canvas, days, 'total') };
  if (breakdown.variants) {
    result.variant_stats = Object.fromEntries(variantsOf(canvas).map((variant) => [variant.id, { name: variant.name, ...totals(canvas, days, variant.id) }]));
  }
  if (breakdown.steps) {
    const steps = stepsOf(canvas).filter((step) => breakdown.deleted || !step.deleted);
    result.step_stats = Object.fromEntries(
      steps.map((step) => {
        const { entries: _entries, ...money } = totals(canvas, days, step.id);
        const sent = 50 + days.reduce((total, time) => total + count(300, canvas.id, step.id, time, 'sent'), 0);
        return [step.id, { name: step.name, ...money, messages: { email: [{ sent, opens: Math.floor(sent / 2), unique_opens: Math.floor(sent / 3), clicks: Math.floor(sent / 10) }] } }];
      }),
    );
  }
  return result;
}

function series({ query, ctx, state }) {
  const read = readQuery(query, ctx, state);
  if (read.answer) return read.answer;
  const { canvas, days, breakdown } = read;
  return { status: 200, body: { data: { name: canvas.name, stats: days.map((time) => ({ time, ...stats(canvas, [time], breakdown) })) }, message: 'success' } };
}

function summary({ query, ctx, state }) {
  const read = readQuery(query, ctx, state);
  if (read.answer) return read.answer;
  const { canvas, days, breakdown } = read;
  const data = { name: canvas.name, ...stats(canvas, days, breakdown) };
  // The summary's variant_stats entries lack conversions_by_entry_time (reference §27.4).
  for (const variant of Object.values(data.variant_stats || {})) delete variant.conversions_by_entry_time;
  return { status: 200, body: { data, message: 'success' } };
}

module.exports = [
  { method: 'GET', path: '/canvas/data_series', permission: 'canvas.data_series', handle: series, noBody: true },
  { method: 'GET', path: '/canvas/data_summary', permission: 'canvas.data_summary', handle: summary, noBody: true },
];
