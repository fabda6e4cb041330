'use strict';
// GET /campaigns/data_series?campaign_id=…&length=…&ending_at=… (campaigns.data_series, reference
// §26.3): per day, the campaign's conversions, revenue, unique recipients and, per channel, each
// message variation's counters. `length` 1–100; ending_at defaults to the time of the request.
// This endpoint has its own limit, 50,000 requests a minute, apart from the shared hourly pool
// (https://www.braze.com/docs/api/api_limits).
// https://www.braze.com/docs/api/endpoints/export/campaigns/get_campaign_analytics
const { Problems } = require('../rules/check');
const { checkId, checkKnown, checkLength, checkTime, count, daysEndingAt, unknownId } = require('../rules/series');
const { campaigns, findRecord } = require('./catalogue');
const { channelsOf, variationId } = require('./campaignDetail');

/** A channel's counters for one variation on one day. */
function counters(campaign, channel, time) {
  const n = (metric, scale) => count(scale, campaign.id, channel, time, metric);
  const sent = 1000 + n('sent', 1000);
  if (channel === 'email') {
    const opens = n('opens', 600);
    const clicks = n('clicks', 200);
    return { variation_api_id: variationId(campaign, channel), sent, opens, unique_opens: Math.floor(opens * 0.8), clicks, unique_clicks: Math.floor(clicks * 0.9), unsubscribes: n('unsub', 10), bounces: n('bounces', 20), delivered: sent - n('bounces', 20), reported_spam: n('spam', 3) };
  }
  return { variation_api_id: variationId(campaign, channel), sent, direct_opens: n('direct', 100), total_opens: n('direct', 100) + n('total', 50), bounces: n('bounces', 20), body_clicks: n('body', 40) };
}

function dataPoint(campaign, time) {
  const n = (metric, scale) => count(scale, campaign.id, time, metric);
  return {
    time,
    conversions: n('conversions', 50),
    conversions_by_send_time: n('conversions', 50),
    conversions1: n('conversions1', 20),
    conversions1_by_send_time: n('conversions1', 20),
    unique_recipients: 900 + n('recipients', 900),
    revenue: n('revenue', 100000) / 100,
    messages: Object.fromEntries(channelsOf(campaign).map((channel) => [channel, [counters(campaign, channel, time)]])),
  };
}

function handle({ query, ctx, state }) {
  const problems = new Problems();
  const id = checkId(query, 'campaign_id', 'campaign', problems);
  const length = checkLength(query, problems, { max: 100 });
  const end = checkTime(query, 'ending_at', problems);
  checkKnown(query, ['campaign_id', 'length', 'ending_at'], problems, ctx);
  if (problems.any) return { status: 400, body: problems.toBody() };
  const campaign = findRecord('campaigns', campaigns, state, id);
  if (!campaign) return unknownId('Campaign');
  return { status: 200, body: { message: 'success', data: daysEndingAt(end ?? ctx.now, length).map((time) => dataPoint(campaign, time)) } };
}

module.exports = {
  method: 'GET',
  path: '/campaigns/data_series',
  permission: 'campaigns.data_series',
  handle,
  noBody: true,
  rateLimit: { limit: 50000, windowMs: 60000 },
  dataPoint,
};
