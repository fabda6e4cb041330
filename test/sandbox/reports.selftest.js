'use strict';
// Self-test of the report endpoints: segment, campaign, Canvas and send details and analytics
// (reference §25–§27): required parameters, ranges, formats, unknown ids, the 14 days a send is
// kept, the own limit of /campaigns/data_series, and the lists' filters and seeded records.
// Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');

// A fixed clock: 2030-03-10T15:30:00Z.
const NOW = Date.UTC(2030, 2, 10, 15, 30);

let standIn;
before(async () => {
  standIn = await startBrazeStandIn({ now: () => NOW });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function get(path, query = {}, key = 'local-dev-key') {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${standIn.url}${path}${qs ? `?${qs}` : ''}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, headers: res.headers, json: await res.json() };
}
const errors = (answer) => answer.json.errors;

describe('details', () => {
  test('each names its id parameter when it is missing, and answers an unknown id with 400', async () => {
    for (const [path, key, noun] of [
      ['/segments/details', 'segment_id', 'Segment'],
      ['/campaigns/details', 'campaign_id', 'Campaign'],
      ['/canvas/details', 'canvas_id', 'Canvas'],
    ]) {
      const missing = await get(path);
      assert.equal(missing.status, 400, path);
      assert.match(errors(missing)[0], new RegExp(`^${key} must be a string`));
      const unknown = await get(path, { [key]: 'nope-0000' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json.message, `Invalid ${noun} ID`);
    }
  });

  test('no id in the answer; post_launch_draft_version must be true or false', async () => {
    const campaign = await get('/campaigns/details', { campaign_id: 'cmp-welcome-0001' });
    assert.equal(campaign.status, 200);
    assert.equal(campaign.json.campaign_id, undefined);
    assert.deepEqual(campaign.json.channels, ['email', 'ios_push']);
    const bad = await get('/canvas/details', { canvas_id: 'cnv-cart-0002', post_launch_draft_version: 'yes' });
    assert.equal(bad.status, 400);
    assert.deepEqual(errors(bad), ['post_launch_draft_version must be true or false, got "yes"']);
  });
});

describe('data series', () => {
  test('length is required and 1–100; ending_at must be ISO 8601 and defaults to now', async () => {
    const none = await get('/segments/data_series', { segment_id: 'seg-vip-0002' });
    assert.deepEqual(errors(none), ['length is required']);
    const over = await get('/campaigns/data_series', { campaign_id: 'cmp-order-0002', length: '101' });
    assert.deepEqual(errors(over), ['length must be an integer from 1 to 100, got "101"']);
    const badDate = await get('/campaigns/data_series', { campaign_id: 'cmp-order-0002', length: '1', ending_at: 'yesterday' });
    assert.match(errors(badDate)[0], /^ending_at must be an ISO 8601 date-time/);
    const ok = await get('/segments/data_series', { segment_id: 'seg-vip-0002', length: '2' });
    assert.deepEqual(ok.json.data.map((point) => point.time), ['2030-03-09', '2030-03-10']);
  });

  test('a segment without analytics tracking has no history', async () => {
    const answer = await get('/segments/data_series', { segment_id: 'seg-lapsed-0003', length: '5' });
    assert.deepEqual(answer.json, { message: 'success', data: [] });
  });

  test('/campaigns/data_series has its own limit (50,000 a minute), apart from the hourly pool', async () => {
    const first = await get('/campaigns/data_series', { campaign_id: 'cmp-order-0002', length: '1' });
    assert.equal(first.headers.get('x-ratelimit-limit'), '50000');
    assert.equal((await get('/campaigns/list')).headers.get('x-ratelimit-limit'), '250000');
    standIn.setOwnRateLimit('/campaigns/data_series', { limit: 1, windowMs: 60000 });
    standIn.setRateLimit({ limit: 1, windowMs: 60000 });
    assert.equal((await get('/campaigns/data_series', { campaign_id: 'cmp-order-0002', length: '1' })).status, 200);
    const limited = await get('/campaigns/data_series', { campaign_id: 'cmp-order-0002', length: '1' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal((await get('/campaigns/list')).status, 200, 'the hourly pool is untouched');
  });

  test('/sends/data_series: send_id required, API campaigns only, 14 days kept', async () => {
    const none = await get('/sends/data_series', { campaign_id: 'cmp-order-0002', length: '1' });
    assert.deepEqual(errors(none), ['send_id is required']);
    const notApi = await get('/sends/data_series', { campaign_id: 'cmp-winback-0003', send_id: 's', length: '1' });
    assert.equal(notApi.status, 400);
    const month = await get('/sends/data_series', { campaign_id: 'cmp-order-0002', send_id: 's', length: '30' });
    assert.equal(month.json.data.length, 15);
    assert.equal(month.json.data[0].time, '2030-02-24');
  });
});

describe('Canvas analytics and summary', () => {
  test('ending_at is required, and either length (1–14) or starting_at before it', async () => {
    for (const path of ['/canvas/data_series', '/canvas/data_summary']) {
      const none = await get(path, { canvas_id: 'cnv-cart-0002' });
      assert.deepEqual(errors(none), ['ending_at is required', 'either length or starting_at is required']);
      const long = await get(path, { canvas_id: 'cnv-cart-0002', ending_at: '2030-03-10T00:00:00Z', length: '15' });
      assert.deepEqual(errors(long), ['length must be an integer from 1 to 14, got "15"']);
      const backwards = await get(path, { canvas_id: 'cnv-cart-0002', ending_at: '2030-03-01T00:00:00Z', starting_at: '2030-03-05T00:00:00Z' });
      assert.deepEqual(errors(backwards), ['starting_at must be before ending_at']);
    }
  });

  test('the series has a day per entry; the summary one rollup, variants without conversions_by_entry_time', async () => {
    const series = await get('/canvas/data_series', { canvas_id: 'cnv-cart-0002', ending_at: '2030-03-10T00:00:00Z', starting_at: '2030-03-08T00:00:00Z' });
    assert.deepEqual(series.json.data.stats.map((day) => day.time), ['2030-03-08', '2030-03-09', '2030-03-10']);
    const summary = await get('/canvas/data_summary', { canvas_id: 'cnv-cart-0002', ending_at: '2030-03-10T00:00:00Z', length: '7', include_variant_breakdown: 'true' });
    assert.equal(summary.json.data.stats, undefined);
    for (const variant of Object.values(summary.json.data.variant_stats)) assert.equal(variant.conversions_by_entry_time, undefined);
  });
});

describe('lists', () => {
  test('seeded records come after the fixed catalogue and go at reset; archived only on request', async () => {
    standIn.seedList('campaigns', [{ id: 'cmp-old-0001', name: 'Old', is_api_campaign: false, tags: [], archived: true }]);
    const last = async (query) => (await get('/campaigns/list', { page: '1', ...query })).json.campaigns.map((c) => c.id);
    assert.deepEqual(await last({}), ['cmp-digest-097', 'cmp-digest-098', 'cmp-digest-099', 'cmp-digest-100']);
    assert.deepEqual((await last({ include_archived: 'true' })).slice(-1), ['cmp-old-0001']);
    standIn.reset();
    assert.deepEqual((await last({ include_archived: 'true' })).slice(-1), ['cmp-digest-100']);
  });

  test('last_edit.time[gt] must be a time; an undocumented query parameter is refused', async () => {
    const bad = await get('/canvas/list', { 'last_edit.time[gt]': 'monday' });
    assert.equal(bad.status, 400);
    const typo = await get('/canvas/list', { sort: 'desc' });
    assert.deepEqual(errors(typo), ['sort is not a documented query parameter']);
  });
});
