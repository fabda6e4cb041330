'use strict';
// Self-test of the stand-in's user-data endpoints. Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');

let standIn;
before(async () => {
  standIn = await startBrazeStandIn();
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function call(p, body, key = 'local-dev-key') {
  const res = await fetch(standIn.url + p, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
const track = (body, key) => call('/users/track', body, key);
const NOW = '2026-11-29T10:00:00Z';
const attrs = (n, extra = {}) => Array.from({ length: n }, (_, i) => ({ external_id: `u${i}`, ...extra }));

describe('/users/track', () => {
  test('creates profiles and counts what it processed per array', async () => {
    const r = await track({
      attributes: [{ external_id: 'crm-1', email: 'a@example.com', first_name: 'Lin', email_subscribe: 'opted_in', loyalty: { inc: 2 } }],
      events: [{ external_id: 'crm-1', name: 'signed_up', time: NOW, properties: { plan: 'pro' } }],
      purchases: [{ external_id: 'crm-1', product_id: 'sku-1', currency: 'EUR', price: 9.5, quantity: 2, time: NOW }],
    });
    assert.equal(r.status, 201);
    assert.deepEqual(r.json, { message: 'success', attributes_processed: 1, events_processed: 1, purchases_processed: 1 });
    const profile = standIn.profiles.get('external:crm-1');
    assert.equal(profile.attributes.first_name, 'Lin');
    assert.equal(profile.events.length, 1);
    assert.equal(profile.purchases.length, 1);
  });

  test('75 objects combined by default; legacy allows 75 per array; MAU plans 50', async () => {
    const body = { attributes: attrs(40), events: attrs(40, { name: 'e', time: NOW }) };
    const r = await track(body);
    assert.equal(r.status, 400);
    assert.equal(r.json.message, 'Max Input Length Exceeded');
    standIn.setUsersTrackCap('perArray');
    assert.equal((await track(body)).status, 201);
    assert.equal((await track({ attributes: attrs(76) })).status, 400);
    standIn.setUsersTrackCap('mau');
    assert.equal((await track({ attributes: attrs(51) })).status, 400);
    assert.equal((await track({ attributes: attrs(50) })).status, 201);
  });

  test('every object needs an identifier; user_alias excludes external_id', async () => {
    const r = await track({ attributes: [{ first_name: 'x' }, { external_id: 'a', user_alias: { alias_name: 'n', alias_label: 'l' } }] });
    assert.equal(r.status, 400);
    assert.match(r.json.errors.join('\n'), /attributes\[0\] needs one of external_id/);
    assert.match(r.json.errors.join('\n'), /user_alias and external_id cannot be used together/);
  });

  test('event and purchase rules: time, currency, quantity, reserved property names', async () => {
    const r = await track({
      events: [{ external_id: 'u', name: 'e', time: 'yesterday', properties: { time: 1, $x: 2 } }],
      purchases: [{ external_id: 'u', product_id: 'p', currency: 'XYZ', price: 1, quantity: 101, time: NOW }],
    });
    assert.equal(r.status, 400);
    const all = r.json.errors.join('\n');
    for (const bit of ['events[0].time', '"time" is reserved', 'may not start with "$"', 'ISO 4217', 'quantity must be at most 100']) {
      assert.ok(all.includes(bit), `${bit} in ${all}`);
    }
  });

  test('an empty body is refused', async () => {
    assert.equal((await track({})).status, 400);
    assert.equal((await track({ attributes: [] })).status, 400);
  });

  test('a blocked identifier gets a non-fatal error with its array and index; the rest is processed', async () => {
    const r = await track({ attributes: [{ external_id: 'ok-1' }, { external_id: 'blocked-2' }, { external_id: 'ok-3' }] });
    assert.equal(r.status, 201);
    assert.equal(r.json.attributes_processed, 2);
    assert.deepEqual(r.json.errors, [{ type: 'provided external_id is blacklisted and disallowed', input_array: 'attributes', index: 1 }]);
    assert.equal(standIn.profiles.has('external:blocked-2'), false);
  });

  test('Update Only creates nothing; an alias is Update Only unless told otherwise', async () => {
    await track({ attributes: [{ external_id: 'new-1', _update_existing_only: true }, { user_alias: { alias_name: 'n', alias_label: 'crm' } }] });
    assert.equal(standIn.profiles.size, 0);
    await track({ attributes: [{ user_alias: { alias_name: 'n', alias_label: 'crm' }, _update_existing_only: false }] });
    assert.ok(standIn.profiles.has('alias:crm:n'));
  });

  test('a key with only users permissions may track but not send', async () => {
    assert.equal((await track({ attributes: attrs(1) }, 'users-only-key')).status, 201);
    const send = await call('/messages/send', { external_user_ids: ['u'], messages: { email: { app_id: 'a', from: 'a@b.c', body: 'x' } } }, 'users-only-key');
    assert.equal(send.status, 403);
  });
});

describe('identity endpoints', () => {
  test('alias/new creates an alias-only profile; identify merges it into the external id', async () => {
    assert.equal((await call('/users/alias/new', { user_aliases: [{ alias_name: 'lead-9', alias_label: 'crm' }] })).json.aliases_processed, 1);
    await track({ events: [{ user_alias: { alias_name: 'lead-9', alias_label: 'crm' }, name: 'visited', time: NOW }] });
    const r = await call('/users/identify', { aliases_to_identify: [{ external_id: 'cust-9', user_alias: { alias_name: 'lead-9', alias_label: 'crm' } }] });
    assert.deepEqual(r.json, { aliases_processed: 1, message: 'success' });
    assert.equal(standIn.profiles.has('alias:crm:lead-9'), false);
    assert.equal(standIn.profiles.get('external:cust-9').events.length, 1);
  });

  test('identify needs prioritization with an email, and at most 50 entries', async () => {
    const r = await call('/users/identify', { emails_to_identify: [{ external_id: 'x', email: 'a@b.c' }] });
    assert.equal(r.status, 400);
    assert.match(r.json.errors.join(), /prioritization is required/);
    const many = Array.from({ length: 51 }, (_, i) => ({ external_id: `x${i}`, user_alias: { alias_name: `n${i}`, alias_label: 'l' } }));
    assert.equal((await call('/users/identify', { aliases_to_identify: many })).status, 400);
  });

  test('delete takes exactly one kind of identifier, at most 50', async () => {
    await track({ attributes: attrs(2) });
    assert.deepEqual((await call('/users/delete', { external_ids: ['u0', 'u1'] })).json, { deleted: 2, message: 'success' });
    assert.equal(standIn.profiles.size, 0);
    assert.equal((await call('/users/delete', { external_ids: ['a'], braze_ids: ['b'] })).status, 400);
    assert.equal((await call('/users/delete', { external_ids: Array.from({ length: 51 }, (_, i) => `u${i}`) })).status, 400);
  });
});

describe('/v2/subscription/status/set', () => {
  test('sets a state per group and identifier', async () => {
    const r = await call('/v2/subscription/status/set', { subscription_groups: [{ subscription_group_id: 'news', subscription_state: 'subscribed', external_ids: ['u1'], emails: ['a@b.c'] }] });
    assert.equal(r.status, 201);
    assert.equal(standIn.subscriptions.get('news|external:u1'), 'subscribed');
    assert.equal(standIn.subscriptions.get('news|email:a@b.c'), 'subscribed');
  });

  test('refuses emails with phones, phones not in E.164, and more than 50 per list', async () => {
    const both = await call('/v2/subscription/status/set', {
      subscription_groups: [
        { subscription_group_id: 'news', subscription_state: 'subscribed', emails: ['a@b.c'] },
        { subscription_group_id: 'sms-alerts', subscription_state: 'subscribed', phones: ['+12223334444'] },
      ],
    });
    assert.match(both.json.errors.join(), /emails and phones cannot be in the same request/);
    const local = await call('/v2/subscription/status/set', { subscription_groups: [{ subscription_group_id: 'sms-a', subscription_state: 'subscribed', phones: ['0611'] }] });
    assert.match(local.json.errors.join(), /E\.164/);
    const many = await call('/v2/subscription/status/set', { subscription_groups: [{ subscription_group_id: 'n', subscription_state: 'unsubscribed', external_ids: attrs(51).map((a) => a.external_id) }] });
    assert.equal(many.status, 400);
  });
});
