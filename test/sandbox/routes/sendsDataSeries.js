'use strict';
// GET /sends/data_series?campaign_id=…&send_id=…&length=…&ending_at=… (sends.data_series, reference
// §26.4): one tracked send's numbers per day, for API campaigns only. Braze keeps them 14 days
// after the send: days further back than that (from the time of the request) have no data point.
// https://www.braze.com/docs/api/endpoints/export/campaigns/get_send_analytics
const { Problems } = require('../rules/check');
const { DAY, checkId, checkKnown, checkLength, checkTime, count, daysEndingAt, unknownId } = require('../rules/series');
const { campaigns, findRecord } = require('./catalogue');
const { channelsOf } = require('./campaignDetail');

const KEPT_DAYS = 14;

function dataPoint(campaign, sendId, time) {
  const n = (metric, scale) => count(scale, campaign.id, sendId, time, metric);
  const sent = 200 + n('sent', 300);
  const variation = (channel) => ({
    variation_name: channel === 'email' ? 'Email' : 'Push',
    sent,
    delivered: sent - n('undelivered', 10),
    undelivered: n('undelivered', 10),
    delivery_failed: n('failed', 5),
    direct_opens: n('direct', 60),
    total_opens: n('direct', 60) + n('total', 30),
    bounces: n('bounces', 8),
    body_clicks: n('clicks', 40),
    revenue: n('revenue', 10000) / 100,
    unique_recipients: sent,
    conversions: n('conversions', 20),
  });
  return {
    time,
    messages: Object.fromEntries(channelsOf(campaign).map((channel) => [channel, [variation(channel)]])),
    conversions: n('conversions', 20),
    conversions_by_send_time: n('conversions', 20),
    unique_recipients: sent,
    revenue: n('revenue', 10000) / 100,
  };
}

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'campaign_id', 'campaign', problems);
  const sendId = query.send_id;
  if (typeof sendId !== 'string' || sendId === '') problems.bad('send_id is required');
  const length = checkLength(query, problems, { max: 100 });
  const end = checkTime(query, 'ending_at', problems);
  checkKnown(query, ['campaign_id', 'send_id', 'length', 'ending_at'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const campaign = findRecord('campaigns', campaigns, state, id);
  if (!campaign) return unknownId('Campaign');
  if (!campaign.is_api_campaign) return { status: 400, body: { message: 'Bad Request', errors: ['send analytics exist only for API campaigns'] } };
  const oldestKept = Math.floor(ctx.now / DAY) * DAY - KEPT_DAYS * DAY;
  const days = daysEndingAt(end ?? ctx.now, length).filter((time) => Date.parse(`${time}T00:00:00Z`) >= oldestKept);
  return { status: 200, body: { message: 'success', data: days.map((time) => dataPoint(campaign, sendId, time)) } };
}

module.exports = { method: 'GET', path: '/sends/data_series', permission: 'sends.data_series', handle, noBody: true };
