'use strict';
// GET /kpi/{dau,mau,new_users,uninstalls}/data_series (reference §28.1): `length` (required,
// 1–100) days ending at `ending_at` (ISO 8601, default now), optionally one `app_id`. The
// answer is one entry per day, oldest first (Braze does not document the order), each with its
// ISO 8601 date and the metric under its own key. The counts are made up, fixed by the date.
// Braze documents no error texts for these; the stand-in's are its own.
// https://www.braze.com/docs/api/endpoints/export/kpi/get_kpi_dau_date
const { unknownParameter } = require('./contentStore');
const { DAY, readSeries, countFor } = require('./dataSeries');

const METRICS = { dau: 1200, mau: 18000, new_users: 140, uninstalls: 12 };

function route(metric) {
  return {
    method: 'GET',
    path: `/kpi/${metric}/data_series`,
    permission: `kpi.${metric}.data_series`,
    noBody: true,
    handle({ query, ctx }) {
      const unknown = unknownParameter(query, ctx, ['length', 'ending_at', 'app_id']);
      if (unknown) return unknown;
      const series = readSeries(query, ctx.now);
      if (series.error) return series.error;
      const lastDay = Math.floor(series.end / DAY) * DAY;
      const data = [];
      for (let i = series.length - 1; i >= 0; i -= 1) {
        const day = lastDay - i * DAY;
        data.push({ time: new Date(day).toISOString().slice(0, 10), [metric]: countFor(METRICS[metric], day, query.app_id ?? '') });
      }
      return { status: 200, body: { message: 'success', data } };
    },
  };
}

module.exports = Object.keys(METRICS).map(route);
