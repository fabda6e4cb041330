'use strict';
// Self-test of the stand-in's POST /users/export/ids. Run: node --test test/sandbox/*.selftest.js
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
  return { status: res.status, json: await res.json(), headers: res.headers };
}
const exportIds = (body, key) => call('/users/export/ids', body, key);
const FIELDS = ['external_id', 'first_name', 'email', 'custom_attributes', 'user_aliases', 'braze_id', 'custom_events', 'purchases', 'total_revenue'];
const NOW = '2026-11-29T10:00:00Z';

describe('/users/export/ids', () => {
  test('exports the profiles /users/track made, with the fields asked for, and lists unknown ids', async () => {
    await call('/users/track', {
      attributes: [{ external_id: 'crm-1', email: 'lin@example.com', first_name: 'Lin', plan: 'pro' }],
      events: [{ external_id: 'crm-1', name: 'signed_up', time: NOW }],
      purchases: [{ external_id: 'crm-1', product_id: 'sku-1', currency: 'EUR', price: 9.5, quantity: 2, time: NOW }],
    });
    const r = await exportIds({ external_ids: ['crm-1', 'crm-404'], fields_to_export: FIELDS });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.invalid_user_ids, ['crm-404']);
    assert.equal(r.json.users.length, 1);
    const [user] = r.json.users;
    assert.equal(user.external_id, 'crm-1');
    assert.equal(user.first_name, 'Lin');
    assert.deepEqual(user.custom_attributes, { plan: 'pro' });
    assert.deepEqual(user.custom_events, [{ name: 'signed_up', first: NOW, last: NOW, count: 1 }]);
    assert.equal(user.total_revenue, 19);
    assert.match(user.braze_id, /^[0-9a-f]{24}$/);
    const only = await exportIds({ external_ids: ['crm-1'], fields_to_export: ['first_name'] });
    assert.deepEqual(only.json.users, [{ first_name: 'Lin' }]);
  });

  test('finds by alias, Braze ID, email (every profile with it) and phone', async () => {
    await call('/users/track', {
      attributes: [
        { external_id: 'a', email: 'shared@example.com', phone: '+14155552671' },
        { external_id: 'b', email: 'Shared@example.com' },
        { user_alias: { alias_name: 'lead-1', alias_label: 'crm' }, _update_existing_only: false, first_name: 'Lead' },
      ],
    });
    const fields = ['external_id', 'braze_id', 'user_aliases', 'first_name'];
    const alias = await exportIds({ user_aliases: [{ alias_name: 'lead-1', alias_label: 'crm' }], fields_to_export: fields });
    assert.equal(alias.json.users[0].first_name, 'Lead');
    assert.deepEqual(alias.json.users[0].user_aliases, [{ alias_name: 'lead-1', alias_label: 'crm' }]);
    const email = await exportIds({ email_address: 'shared@example.com', fields_to_export: fields });
    assert.deepEqual(email.json.users.map((u) => u.external_id), ['a', 'b']);
    const phone = await exportIds({ phone: '+14155552671', fields_to_export: fields });
    assert.deepEqual(phone.json.users.map((u) => u.external_id), ['a']);
    const brazeId = await exportIds({ braze_id: phone.json.users[0].braze_id, fields_to_export: fields });
    assert.deepEqual(brazeId.json.users.map((u) => u.external_id), ['a']);
  });

  test("refuses what Braze refuses: over 50 ids and aliases, mixed identifiers, fields_to_export missing or unknown", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `u${i}`);
    const aliases = Array.from({ length: 21 }, (_, i) => ({ alias_name: `a${i}`, alias_label: 'crm' }));
    const tooMany = await exportIds({ external_ids: ids, user_aliases: aliases, fields_to_export: ['email'] });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.json.message, 'The max number of external_ids and aliases per request was exceeded');
    assert.equal((await exportIds({ external_ids: ids, user_aliases: aliases.slice(0, 20), fields_to_export: ['email'] })).status, 200);
    const mixed = await exportIds({ external_ids: ['a'], email_address: 'a@example.com', fields_to_export: ['email'] });
    assert.equal(mixed.status, 400);
    const twoSingles = await exportIds({ braze_id: 'x', phone: '+14155552671', fields_to_export: ['email'] });
    assert.equal(twoSingles.status, 400);
    const noFields = await exportIds({ external_ids: ['a'] });
    assert.equal(noFields.status, 400);
    assert.match(noFields.json.errors[0], /fields_to_export is required/);
    const unknown = await exportIds({ external_ids: ['a'], fields_to_export: ['frist_name'] });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.errors[0], /"frist_name" is not a field/);
    const none = await exportIds({ fields_to_export: ['email'] });
    assert.equal(none.status, 400);
    const badPhone = await exportIds({ phone: '0415 555', fields_to_export: ['email'] });
    assert.equal(badPhone.status, 400);
  });

  test('needs users.export.ids', async () => {
    const r = await exportIds({ external_ids: ['a'], fields_to_export: ['email'] }, 'users-only-key');
    assert.equal(r.status, 403);
  });

  test('its own limit: 250 a minute, apart from the shared hourly one; setOwnRateLimit changes it', async () => {
    const first = await exportIds({ external_ids: ['a'], fields_to_export: ['email'] });
    assert.equal(first.headers.get('x-ratelimit-limit'), '250');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '249');
    standIn.setOwnRateLimit('/users/export/ids', { limit: 2, windowMs: 60000 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await exportIds({ external_ids: ['a'], fields_to_export: ['email'] })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    // The shared bucket is untouched.
    const track = await call('/users/track', { attributes: [{ external_id: 'a' }] });
    assert.equal(track.headers.get('x-ratelimit-remaining'), '249999');
  });
});
