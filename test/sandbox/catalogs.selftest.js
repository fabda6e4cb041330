'use strict';
// Self-test of the stand-in's catalog endpoints (routes/catalogs*.js, reference §29). Run: node --test test/sandbox/*.selftest.js
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startBrazeStandIn } = require('./index');
const { catalogsOf } = require('./routes/catalogsStore');

let now = Date.parse('2026-03-01T09:00:00Z');
let standIn;
let store;
before(async () => {
  standIn = await startBrazeStandIn({ now: () => now });
  store = catalogsOf(standIn.profiles);
});
after(() => standIn.close());
beforeEach(() => {
  standIn.reset();
  store.reset();
});

async function call(method, path, body, key = 'local-dev-key') {
  const res = await fetch(standIn.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), link: res.headers.get('link'), limit: res.headers.get('x-ratelimit-limit'), remaining: res.headers.get('x-ratelimit-remaining') };
}
const PRODUCTS = { name: 'products', description: 'Our products', fields: [{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }, { name: 'price', type: 'number' }] };
const errorIds = (json) => json.errors.map((e) => [e.id, e.parameter_values]);

describe('catalog management', () => {
  test('POST /catalogs makes one catalog, id first; GET lists it; DELETE removes it', async () => {
    const made = await call('POST', '/catalogs', { catalogs: [PRODUCTS] });
    assert.equal(made.status, 201);
    assert.equal(made.json.catalogs[0].num_items, 0);
    assert.equal((await call('GET', '/catalogs')).json.catalogs[0].name, 'products');
    assert.equal((await call('DELETE', '/catalogs/products')).status, 200);
    const gone = await call('DELETE', '/catalogs/products');
    assert.equal(gone.status, 404);
    assert.deepEqual(errorIds(gone.json), [['catalog-not-found', ['products']]]);
  });

  test("Braze's catalog rules: one catalog, id first, valid names, a name only once", async () => {
    assert.deepEqual(errorIds((await call('POST', '/catalogs', { catalogs: [PRODUCTS, PRODUCTS] })).json), [['too-many-catalog-atoms', []]]);
    const badName = await call('POST', '/catalogs', { catalogs: [{ ...PRODUCTS, name: 'my products', fields: PRODUCTS.fields.slice(1) }] });
    assert.deepEqual(badName.json.errors.map((e) => e.id), ['invalid-catalog-name', 'id-not-first-column']);
    await call('POST', '/catalogs', { catalogs: [PRODUCTS] });
    assert.deepEqual(errorIds((await call('POST', '/catalogs', { catalogs: [PRODUCTS] })).json), [['catalog-name-already-exists', ['products']]]);
  });

  test('the management endpoints share 50 requests a minute: the 51st is a 429 with the bucket in its headers', async () => {
    for (let i = 0; i < 50; i += 1) assert.equal((await call('GET', '/catalogs')).status, 200);
    const limited = await call('GET', '/catalogs');
    assert.equal(limited.status, 429);
    assert.equal(limited.limit, '50');
    assert.equal(limited.remaining, '0');
    now += 60_000;
    assert.equal((await call('GET', '/catalogs')).status, 200);
  });
});

describe('catalog items', () => {
  beforeEach(() => store.create('products', PRODUCTS.fields.slice(1)));

  test('a bulk write answers 202 and shows after the configured delay', async () => {
    store.configure({ visibleAfterMs: 3000 });
    const put = await call('PUT', '/catalogs/products/items', { items: [{ id: 'a', name: 'A', price: '1.5' }] });
    assert.equal(put.status, 202);
    assert.equal(put.limit, '16000');
    assert.equal((await call('GET', '/catalogs/products/items/a')).status, 404);
    now += 3000;
    assert.deepEqual((await call('GET', '/catalogs/products/items/a')).json.items, [{ id: 'a', name: 'A', price: 1.5 }]);
  });

  test("a bulk request breaking Braze's item rules is refused whole, each error naming the IDs it is about", async () => {
    const refused = await call('PUT', '/catalogs/products/items', {
      items: [{ id: 'ok' }, { id: 'bad id' }, { id: 'x'.repeat(251) }, { id: 'dup' }, { id: 'dup' }, { id: 'c', colour: 'red' }, { id: 'p', price: 'cheap' }],
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(errorIds(refused.json), [
      ['ids-not-unique', ['dup']],
      ['ids-too-large', ['x'.repeat(251)]],
      ['invalid-ids', ['bad id']],
      ['invalid-fields', ['c']],
      ['unable-to-coerce-value', ['p']],
    ]);
    assert.deepEqual(store.items('products'), []);
  });

  test('at most 50 items a request', async () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ id: `i${i}` }));
    assert.deepEqual(errorIds((await call('DELETE', '/catalogs/products/items', { items })).json), [['request-includes-too-many-items', []]]);
  });

  test('GET items pages by 50 with a Link header: relative paths, prev and next, none on the last page', async () => {
    await call('PUT', '/catalogs/products/items', { items: Array.from({ length: 50 }, (_, i) => ({ id: `a${i}` })) });
    await call('PUT', '/catalogs/products/items', { items: Array.from({ length: 20 }, (_, i) => ({ id: `b${i}` })) });
    const first = await call('GET', '/catalogs/products/items');
    assert.equal(first.json.items.length, 50);
    assert.match(first.link, /^<\/catalogs\/products\/items\?cursor=[^>]+>; rel="next"$/);
    const next = /cursor=([^>]+)>/.exec(first.link)[1];
    const second = await call('GET', `/catalogs/products/items?cursor=${next}`);
    assert.equal(second.json.items.length, 20);
    assert.match(second.link, /rel="prev"$/);
    assert.deepEqual(errorIds((await call('GET', '/catalogs/products/items?cursor=nope')).json), [['invalid-cursor', ['nope']]]);
  });

  test('a key without the catalog permissions gets a 403', async () => {
    assert.equal((await call('PUT', '/catalogs/products/items', { items: [{ id: 'a' }] }, 'users-only-key')).status, 403);
  });
});
