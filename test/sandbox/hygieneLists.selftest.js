'use strict';
// Self-test of the email and SMS hygiene list endpoints (routes/email*.js, routes/sms*.js): the
// query rules (end_date, start_date or a lookup, YYYY-MM-DD, limit ≤ 500, offset from 0), paging,
// phone_numbers[]=…, and what the writes do to the lists.
// Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');

const NOW = Date.UTC(2030, 2, 10, 15, 30);
const AUTH = { Authorization: 'Bearer local-dev-key' };

let standIn;
before(async () => {
  standIn = await startBrazeStandIn({ now: () => NOW });
});
after(() => standIn.close());
beforeEach(() => standIn.reset());

async function get(path, query) {
  const res = await fetch(`${standIn.url}${path}?${query}`, { headers: AUTH });
  return { status: res.status, json: await res.json() };
}
async function post(path, body) {
  const res = await fetch(`${standIn.url}${path}`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}
const unsubscribes = (count) =>
  Array.from({ length: count }, (_, i) => ({ email: `u${i}@example.com`, unsubscribed_at: new Date(Date.UTC(2030, 0, 1) + i * 60000).toISOString() }));

describe('GET /email/unsubscribes', () => {
  test('pages newest first by limit and offset (0 skips none), within [start_date, end_date) at midnight UTC', async () => {
    standIn.seedList('email.unsubscribes', [...unsubscribes(3), { email: 'late@example.com', unsubscribed_at: '2030-01-02T00:00:00Z' }]);
    const first = await get('/email/unsubscribes', 'start_date=2030-01-01&end_date=2030-01-02&limit=2&offset=0');
    assert.equal(first.status, 200);
    assert.deepEqual(first.json.emails.map((e) => e.email), ['u2@example.com', 'u1@example.com']);
    const next = await get('/email/unsubscribes', 'start_date=2030-01-01&end_date=2030-01-02&limit=2&offset=2');
    assert.deepEqual(next.json.emails.map((e) => e.email), ['u0@example.com']);
    const asc = await get('/email/unsubscribes', 'start_date=2030-01-01&end_date=2030-01-03&sort_direction=asc');
    assert.deepEqual(asc.json.emails.map((e) => e.email), ['u0@example.com', 'u1@example.com', 'u2@example.com', 'late@example.com']);
  });

  test('an email lookup answers for that address; with limit or offset it answers empty, as Braze warns', async () => {
    standIn.seedList('email.unsubscribes', unsubscribes(2));
    assert.deepEqual((await get('/email/unsubscribes', 'end_date=2030-01-02&email=U1@example.com')).json.emails.map((e) => e.email), ['u1@example.com']);
    assert.deepEqual((await get('/email/unsubscribes', 'end_date=2030-01-02&email=u1@example.com&limit=10')).json.emails, []);
  });

  for (const [query, error] of [
    ['start_date=2030-01-01', 'end_date is required'],
    ['end_date=2030-01-02', 'either start_date or email is required'],
    ['start_date=2030-01-02&end_date=2030-01-02', 'start_date must be earlier than end_date'],
    ['start_date=2030-1-1&end_date=2030-01-02', 'start_date must be a date as YYYY-MM-DD, got "2030-1-1"'],
    ['start_date=2030-01-01&end_date=2030-01-02&limit=501', 'limit must be a whole number from 1 to 500, got "501"'],
    ['start_date=2030-01-01&end_date=2030-01-02&offset=-1', 'offset must be a whole number from 0, got "-1"'],
    ['start_date=2030-01-01&end_date=2030-01-02&page=1', 'page is not a documented query parameter'],
  ]) {
    test(`400 for ${query}`, async () => {
      const answer = await get('/email/unsubscribes', query);
      assert.equal(answer.status, 400);
      assert.ok(answer.json.errors.includes(error), JSON.stringify(answer.json));
    });
  }
});

describe('the email list writes', () => {
  test('/email/status unsubscribed adds the address (at now), subscribed takes it off; 50 at most', async () => {
    assert.equal((await post('/email/status', { email: 'a@example.com', subscription_state: 'unsubscribed' })).status, 201);
    const listed = await get('/email/unsubscribes', 'start_date=2030-03-10&end_date=2030-03-11');
    assert.deepEqual(listed.json.emails, [{ email: 'a@example.com', unsubscribed_at: '2030-03-10T15:30:00Z' }]);
    await post('/email/status', { email: ['A@example.com'], subscription_state: 'opted_in' });
    assert.deepEqual((await get('/email/unsubscribes', 'start_date=2030-03-10&end_date=2030-03-11')).json.emails, []);
    const many = await post('/email/status', { email: Array.from({ length: 51 }, (_, i) => `x${i}@example.com`), subscription_state: 'subscribed' });
    assert.equal(many.status, 400);
    assert.deepEqual(many.json.errors, ['body.email holds 51; at most 50']);
    assert.equal((await post('/email/status', { email: 'nope', subscription_state: 'subscribed' })).status, 400);
  });

  test('/email/blocklist adds a hard bounce and an unsubscribe; bounce/remove and spam/remove take them off', async () => {
    assert.equal((await post('/email/blocklist', { email: ['b@example.com'] })).status, 201);
    const bounces = await get('/email/hard_bounces', 'start_date=2030-03-10&end_date=2030-03-11');
    assert.deepEqual(bounces.json.emails, [{ email: 'b@example.com', hard_bounced_at: '2030-03-10 15:30:00 +0000' }]);
    assert.equal((await get('/email/unsubscribes', 'end_date=2030-03-11&email=b@example.com')).json.emails.length, 1);
    await post('/email/bounce/remove', { email: 'b@example.com' });
    assert.deepEqual((await get('/email/hard_bounces', 'start_date=2030-03-10&end_date=2030-03-11')).json.emails, []);
    assert.equal((await post('/email/spam/remove', { email: ['s@example.com'], extra: 1 })).status, 400);
  });

  test('/email/spam/remove takes the address off the spam list (no endpoint lists it: the handler on its own)', () => {
    const spamRemove = require('./routes/emailRemove').find((route) => route.path === '/email/spam/remove');
    const state = { seeded: new Map([['email.spam', [{ email: 's@example.com', spam_at: '2030-01-01T00:00:00Z' }, { email: 't@example.com', spam_at: '2030-01-01T00:00:00Z' }]]]) };
    const answer = spamRemove.handle({ body: { email: ['S@example.com'] }, ctx: { strict: true, now: NOW }, state });
    assert.equal(answer.status, 201);
    assert.deepEqual(state.seeded.get('email.spam').map((record) => record.email), ['t@example.com']);
  });
});

describe('SMS invalid phone numbers', () => {
  const phones = [
    { phone: '+14155550001', invalid_detected_at: '2030-01-01T01:00:00Z', reason: 'provider_error' },
    { phone: '+14155550002', invalid_detected_at: '2030-01-01T02:00:00Z', reason: 'deactivated' },
  ];

  test('phone_numbers[]=… looks up every number given; phone_numbers[0]=… is refused', async () => {
    standIn.seedList('sms.invalidPhoneNumbers', phones);
    const found = await get('/sms/invalid_phone_numbers', 'phone_numbers[]=%2B14155550001&phone_numbers[]=%2B14155550002&phone_numbers[]=%2B14155550003');
    assert.deepEqual(found.json.sms.map((s) => s.phone), ['+14155550002', '+14155550001']);
    const indexed = await get('/sms/invalid_phone_numbers', 'phone_numbers[0]=%2B14155550001');
    assert.equal(indexed.status, 400);
    assert.ok(indexed.json.errors.includes('phone_numbers must be sent as phone_numbers[]=…, one per number'));
  });

  test('dates and reason filter; both dates are needed without numbers; remove takes numbers off', async () => {
    standIn.seedList('sms.invalidPhoneNumbers', phones);
    const deactivated = await get('/sms/invalid_phone_numbers', 'start_date=2030-01-01&end_date=2030-01-02&reason=deactivated');
    assert.deepEqual(deactivated.json.sms.map((s) => s.phone), ['+14155550002']);
    assert.equal((await get('/sms/invalid_phone_numbers', 'end_date=2030-01-02')).status, 400);
    assert.equal((await post('/sms/invalid_phone_numbers/remove', { phone_numbers: ['14155550001'] })).status, 201);
    assert.equal((await post('/sms/invalid_phone_numbers/remove', { phone_numbers: '+14155550001' })).status, 400);
    const left = await get('/sms/invalid_phone_numbers', 'start_date=2030-01-01&end_date=2030-01-02');
    assert.deepEqual(left.json.sms.map((s) => s.phone), ['+14155550002']);
  });
});
