'use strict';
// Self-test of the stand-in's transactional, trigger-schedule and Live Activity endpoints.
// Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');

let standIn;
before(async () => {
  standIn = await startBrazeStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function call(p, body) {
  const res = await fetch(standIn.url + p, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer local-dev-key' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
const future = new Date(Date.now() + 86400000).toISOString();

describe('transactional send', () => {
  const tx = (id, body) => call(`/transactional/v1/campaigns/${id}/send`, body);

  test('one recipient; external_send_id de-duplicates within 24 hours', async () => {
    const body = { external_send_id: 'order-1042', recipient: { external_user_id: 'u1' }, trigger_properties: { order: 1042 } };
    const first = await tx('tx-1', body);
    assert.equal(first.status, 201);
    assert.equal(typeof first.json.dispatch_id, 'string');
    const again = await tx('tx-1', body);
    assert.equal(again.json.dispatch_id, first.json.dispatch_id, 'the same send, not a new one');
    assert.equal(standIn.deliveries.get('external:u1'), 1);
    assert.deepEqual(standIn.transactionalEvents.map((e) => e.status), ['sent', 'delivered'], 'one send, its two events');
    const { sent_at: sentAt, ...metadata } = standIn.transactionalEvents[0].metadata;
    assert.deepEqual(metadata, { external_send_id: 'order-1042', campaign_api_id: 'tx-1' });
    assert.match(sentAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  test('refuses two identifiers, a bad external_send_id, and campaigns that cannot send', async () => {
    const both = await tx('tx-1', { recipient: { external_user_id: 'u', user_alias: { alias_name: 'a', alias_label: 'b' } } });
    assert.match(both.json.errors.join(), /exactly one of external_user_id or user_alias/);
    const badKey = await tx('tx-1', { external_send_id: 'has space', recipient: { external_user_id: 'u' } });
    assert.match(badKey.json.errors.join(), /external_send_id may contain only/);
    for (const [id, text] of [['unknown-1', /does not exist/], ['paused-1', /paused/], ['nontx-1', /not a transactional campaign/]]) {
      const r = await tx(id, { recipient: { external_user_id: 'u' } });
      assert.equal(r.status, 400);
      assert.match(r.json.errors.join(), text);
    }
    assert.equal(standIn.deliveries.size, 0);
  });
});

describe('transactional postbacks', () => {
  const http = require('node:http');
  let receiver;
  let received;
  before(async () => {
    received = [];
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        received.push({ url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], event: JSON.parse(raw) });
        res.writeHead(received.length === 1 ? 200 : 403).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    standIn.setPostbackUrl(null);
    receiver.close();
  });

  test('with a postback URL, each send\'s events are POSTed there in order (sent, then bounced or delivered), answers recorded', async () => {
    const { port } = receiver.address();
    standIn.setPostbackUrl(`http://braze:s3cret@127.0.0.1:${port}/hook?token=abc`);
    const sent = await call('/transactional/v1/campaigns/tx-1/send', { external_send_id: 'order-9', recipient: { external_user_id: 'bounce-9' } });
    assert.equal(sent.status, 201);
    await standIn.postbacksDone();
    assert.deepEqual(received.map((r) => [r.url, r.event.status, r.type]), [
      ['/hook?token=abc', 'sent', 'application/json'],
      ['/hook?token=abc', 'bounced', 'application/json'],
    ]);
    assert.equal(received[0].auth, `Basic ${Buffer.from('braze:s3cret').toString('base64')}`);
    assert.equal(received[1].event.dispatch_id, sent.json.dispatch_id);
    assert.equal(received[1].event.metadata.external_send_id, 'order-9');
    assert.match(received[1].event.metadata.reason, /^550 /);
    assert.deepEqual(standIn.postbacks.map((p) => [p.status, p.answer]), [['sent', 200], ['bounced', 403]]);

    // A repeated key sends nothing, so nothing is posted back.
    await call('/transactional/v1/campaigns/tx-1/send', { external_send_id: 'order-9', recipient: { external_user_id: 'bounce-9' } });
    await standIn.postbacksDone();
    assert.equal(received.length, 2);
  });
});

describe('scheduled campaign and Canvas triggers', () => {
  test('create returns schedule_id; update replaces the schedule; delete removes it', async () => {
    const created = await call('/campaigns/trigger/schedule/create', {
      campaign_id: 'c1',
      recipients: [{ external_user_id: 'u1', trigger_properties: { a: 1 } }],
      schedule: { time: future },
    });
    assert.equal(created.status, 201);
    const id = created.json.schedule_id;
    assert.ok(standIn.triggerSchedules.has(id));
    assert.equal((await call('/campaigns/trigger/schedule/update', { campaign_id: 'c1', schedule_id: id, schedule: { time: future, in_local_time: true } })).status, 200);
    assert.equal(standIn.triggerSchedules.get(id).body.schedule.in_local_time, true);
    assert.equal((await call('/campaigns/trigger/schedule/delete', { campaign_id: 'c1', schedule_id: id })).status, 200);
    assert.equal(standIn.triggerSchedules.size, 0);
    assert.equal(standIn.deliveries.size, 0, 'a schedule delivers nothing now');
  });

  test('Canvas: context, no attachments; a schedule id of another Canvas is refused', async () => {
    const created = await call('/canvas/trigger/schedule/create', { canvas_id: 'v1', broadcast: true, context: { k: 1 }, schedule: { time: future } });
    assert.equal(created.status, 201);
    const wrong = await call('/canvas/trigger/schedule/delete', { canvas_id: 'v2', schedule_id: created.json.schedule_id });
    assert.equal(wrong.status, 400);
    const attachments = await call('/campaigns/trigger/schedule/create', { campaign_id: 'c', broadcast: true, attachments: [], schedule: { time: future } });
    assert.match(attachments.json.errors.join(), /attachments is not a documented field/);
    const noSchedule = await call('/campaigns/trigger/schedule/create', { campaign_id: 'c', broadcast: true });
    assert.match(noSchedule.json.errors.join(), /schedule is required/);
  });
});

describe('Live Activities', () => {
  const startBody = {
    app_id: 'app',
    activity_id: 'match-7',
    activity_attributes_type: 'SportsActivityAttributes',
    activity_attributes: { team1: 'A', team2: 'B' },
    content_state: { score: '0-0' },
    notification: { alert: { title: 'Kick-off', body: 'A vs B' } },
    external_user_ids: ['u1'],
  };

  test('start then update and end', async () => {
    assert.equal((await call('/messages/live_activity/start', startBody)).status, 201);
    const upd = await call('/messages/live_activity/update', { app_id: 'app', activity_id: 'match-7', content_state: { score: '1-0' }, end_activity: true });
    assert.equal(upd.status, 201);
    assert.deepEqual(standIn.liveActivities.get('app|match-7'), { content_state: { score: '1-0' }, ended: true });
  });

  test('errors use the key "error"; one targeting method; alert title and body', async () => {
    const mixed = await call('/messages/live_activity/start', { ...startBody, segment_id: 's' });
    assert.equal(mixed.status, 400);
    assert.match(mixed.json.error, /Don't combine/);
    assert.equal(mixed.json.message, undefined);
    const noAlert = await call('/messages/live_activity/start', { ...startBody, notification: { alert: 'hi' } });
    assert.match(noAlert.json.error, /title and a body/);
  });

  test('a body that is not JSON: Braze\'s "does not match declared format", under "error"', async () => {
    const res = await fetch(`${standIn.url}/messages/live_activity/update`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer local-dev-key' },
      body: '{"app_id": ',
    });
    assert.equal(res.status, 400);
    const json = await res.json();
    assert.match(json.error, /message body does not match declared format/);
    assert.equal(json.message, undefined);
  });

  test('update has no top-level priority (it is the notification\'s apns_priority)', async () => {
    const res = await call('/messages/live_activity/update', { app_id: 'app', activity_id: 'a', content_state: {}, priority: 5 });
    assert.equal(res.status, 400);
    assert.match(res.json.error, /priority is not a documented field/);
  });
});
