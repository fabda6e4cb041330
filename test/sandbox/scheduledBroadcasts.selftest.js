'use strict';
// Self-test of GET /messages/scheduled_broadcasts: end_time rules, the midnight-UTC reading, the
// documented answer shape, and its permission.
// Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');

const DAY = 86400000;
// A fixed clock: 2030-03-10T15:30:00Z, so the seeded dates are known.
const NOW = Date.UTC(2030, 2, 10, 15, 30);

let standIn;
before(async () => {
  standIn = await startBrazeStandIn({ now: () => NOW });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function list(endTime, key = 'local-dev-key') {
  const query = endTime === undefined ? '' : `?end_time=${encodeURIComponent(endTime)}`;
  const res = await fetch(`${standIn.url}/messages/scheduled_broadcasts${query}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, json: await res.json() };
}
const ids = (answer) => answer.json.scheduled_broadcasts.map((b) => b.id);

describe('GET /messages/scheduled_broadcasts', () => {
  test('lists what is scheduled before midnight UTC of end_time, in the documented shape', async () => {
    const answer = await list('2030-03-15T00:00:00Z');
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.json), ['scheduled_broadcasts']);
    assert.deepEqual(answer.json.scheduled_broadcasts, [
      { name: 'Win-back Offer', id: 'cmp-winback-0003', type: 'Campaign', tags: [], next_send_time: '2030-03-11T09:00:00', schedule_type: 'local_time_zones' },
      { name: 'Onboarding Journey', id: 'cnv-onboard-0001', type: 'Canvas', tags: ['onboarding'], next_send_time: '2030-03-12T00:00:00', schedule_type: 'intelligent_delivery' },
      { name: 'Weekly Digest 001', id: 'cmp-digest-001', type: 'Campaign', tags: ['digest'], next_send_time: '2030-03-14T14:00:00-05:00', schedule_type: 'America/New_York' },
    ]);
    assert.equal((await list('2030-04-30')).json.scheduled_broadcasts.length, 4);
  });

  test('only the date of end_time counts: its time and offset are ignored', async () => {
    // 2030-03-11T23:00-04:00 is 03-12T03:00Z, but Braze reads 2030-03-11T00:00Z: nothing yet.
    assert.deepEqual(ids(await list('2030-03-11T23:00:00-04:00')), []);
    assert.deepEqual(ids(await list('2030-03-12')), ['cmp-winback-0003']);
    assert.deepEqual(ids(await list('2030-03-12T23:59:59Z')), ['cmp-winback-0003']);
  });

  test('an end_time already passed lists nothing', async () => {
    assert.deepEqual(ids(await list(new Date(NOW - DAY).toISOString())), []);
  });

  test('end_time is required and must be ISO 8601', async () => {
    const missing = await list(undefined);
    assert.equal(missing.status, 400);
    assert.match(missing.json.errors.join(), /end_time is required/);
    const bad = await list('next friday');
    assert.equal(bad.status, 400);
    assert.match(bad.json.errors.join(), /end_time must be an ISO 8601 date-time/);
  });

  test('API schedules are not listed (Braze documents dashboard broadcasts only)', async () => {
    const created = await fetch(`${standIn.url}/campaigns/trigger/schedule/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer local-dev-key' },
      body: JSON.stringify({ campaign_id: 'c1', broadcast: true, schedule: { time: '2030-03-11T10:00:00Z' } }),
    });
    assert.equal(created.status, 201);
    assert.deepEqual(ids(await list('2030-03-12')), ['cmp-winback-0003']);
  });

  test('needs the messages.schedule_broadcasts permission', async () => {
    const limited = await startBrazeStandIn({ apiKeys: { 'send-only': ['messages.send'] } });
    try {
      const res = await fetch(`${limited.url}/messages/scheduled_broadcasts?end_time=2030-04-01`, { headers: { Authorization: 'Bearer send-only' } });
      assert.equal(res.status, 403);
    } finally {
      await limited.close();
    }
  });
});
