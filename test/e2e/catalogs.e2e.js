'use strict';
// End-to-end: the catalog operations in a real n8n 2.x, the packed package installed as a community
// package, run with `n8n execute` against the Braze stand-in: the example workflow
// examples/catalog-product-feed.json (a product feed → Catalog Item › Create or Replace → an email
// that reads the catalog by Liquid), and a workflow that runs every catalog operation in turn.
// Runs only with BRAZE_E2E=1 (`npm run test:e2e`): a bare `node --test` at the repo root picks up
// every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ensureInstalled } = require('../../scripts/e2e-install');
const n8n = require('../../scripts/lib/n8n');
const { catalogsOf } = require('../sandbox/routes/catalogsStore');

const CREDENTIAL = 'BrazeStandIn0001';
const EXAMPLE = 'catalog-product-feed.json';
const log = (...a) => console.log('#', ...a);
/** How long after its 202 the stand-in applies a bulk change, on the real clock. */
const VISIBLE_AFTER_MS = 2000;

let standIn;
let store;
let userFolder;

const status = (out) => out.status ?? (out.data?.resultData?.error ? 'error' : 'success');
const runError = (out) => out.data?.resultData?.error;
const calls = () => standIn.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

async function run(id) {
	standIn.reset();
	const { run: out, result } = await n8n.executeWorkflow(id, { userFolder });
	if (!out) throw new Error(`n8n execute printed no run JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
	return out;
}

/** A Braze node of the every-operation workflow; every node runs once unless `perItem`. */
function braze(name, parameters, x, { perItem = false } = {}) {
	return {
		parameters,
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: n8n.NODE_TYPE,
		typeVersion: 2,
		position: [x, 0],
		...(perItem ? {} : { executeOnce: true }),
		credentials: { brazeApi: { id: CREDENTIAL, name: 'Braze (local stand-in)' } },
	};
}
function code(name, jsCode, x) {
	return { parameters: { jsCode }, id: name.toLowerCase().replace(/\W+/g, '-'), name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [x, 0] };
}

const catalog = { __rl: true, mode: 'name', value: 'e2e_products' };
const PRODUCTS = "return [{ sku: 'p-1', name: 'One', price: 1 }, { sku: 'p-2', name: 'Two', price: 2 }, { sku: 'p-3', name: 'Three', price: 3 }].map((json) => ({ json }));";

/** Every catalog operation, in an order that leaves the workspace as it found it. */
function everyOperation() {
	const nodes = [
		{ parameters: {}, id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		code('Products', PRODUCTS, 200),
		braze('Create catalog', { resource: 'catalog', operation: 'create', newCatalogName: 'e2e_products', catalogDescription: 'e2e', catalogFields: { field: [{ name: 'name', type: 'string' }, { name: 'price', type: 'number' }] }, options: {} }, 400),
		braze('Add a field', { resource: 'catalogField', operation: 'create', catalogName: catalog, catalogFields: { field: [{ name: 'colour', type: 'string' }] }, options: {} }, 600),
		code('Products again', "return $('Products').all();", 800),
		braze('Create items', { resource: 'catalogItem', operation: 'create', catalogName: catalog, itemId: '={{ $json.sku }}', itemFields: { field: [{ name: 'name', value: '={{ $json.name }}' }, { name: 'price', value: '={{ $json.price }}' }] }, options: {} }, 1000, { perItem: true }),
		braze('Update prices', { resource: 'catalogItem', operation: 'update', catalogName: catalog, itemId: '={{ $json.id }}', itemFieldsMode: 'json', itemJson: "={{ { price: $('Products again').item.json.price * 10, colour: 'red' } }}", options: {} }, 1200, { perItem: true }),
		braze('Replace items', { resource: 'catalogItem', operation: 'replace', catalogName: catalog, itemId: '={{ $json.id }}', itemFields: { field: [{ name: 'name', value: "={{ $('Products again').item.json.name + ' (new)' }}" }, { name: 'colour', value: 'blue' }] }, options: {} }, 1400, { perItem: true }),
		braze('Read each item', { resource: 'catalogItem', operation: 'get', catalogName: catalog, itemId: '={{ $json.id }}' }, 1600, { perItem: true }),
		braze('Read all items', { resource: 'catalogItem', operation: 'getMany', catalogName: catalog, returnAll: true }, 1800),
		braze('Delete items', { resource: 'catalogItem', operation: 'delete', catalogName: catalog, itemId: '={{ $json.id }}', options: {} }, 2000, { perItem: true }),
		braze('Delete the field', { resource: 'catalogField', operation: 'delete', catalogName: catalog, fieldName: 'colour', options: {} }, 2200),
		braze('Read the catalog', { resource: 'catalog', operation: 'get', catalogName: catalog }, 2400),
		braze('List catalogs', { resource: 'catalog', operation: 'getMany', returnAll: true }, 2600),
		braze('Delete catalog', { resource: 'catalog', operation: 'delete', catalogName: catalog, confirmCatalogDelete: true, options: {} }, 2800),
	];
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id: 'BrazeE2eCatalogOps01', name: 'e2e: every catalog operation', nodes, connections, active: false, settings: { executionOrder: 'v1' }, pinData: {} };
}

let setupError;
before(async () => {
	try {
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		store = catalogsOf(standIn.profiles);
		log(`stand-in at ${standIn.url}`);
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-catalogs-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url, 'local-dev-key', CREDENTIAL, 'Braze (local stand-in)')]);
		await n8n.importWorkflows(userFolder, [n8n.loadExample(EXAMPLE), everyOperation()]);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

after(async () => {
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

describe('catalogs in a real n8n', { concurrency: false }, () => {
	it('the product feed example: one shared request for the feed, then an email that reads the catalog', async () => {
		requireSetup();
		store.reset();
		store.configure({ visibleAfterMs: VISIBLE_AFTER_MS });
		store.create('products', [
			{ name: 'name', type: 'string' },
			{ name: 'price', type: 'number' },
			{ name: 'in_stock', type: 'boolean' },
			{ name: 'url', type: 'string' },
		]);
		const out = await run('BrazeExCatalogFeed01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));

		const writes = standIn.requests.filter((r) => r.path === '/catalogs/products/items');
		assert.equal(writes.length, 1, calls().join('\n'));
		assert.equal(writes[0].method, 'PUT');
		assert.equal(writes[0].status, 202);
		assert.equal(writes[0].headers.authorization, 'Bearer local-dev-key');
		assert.deepEqual(writes[0].body.items[0], { id: 'sku-1001', name: 'Trail running shoe', price: 89.5, in_stock: true, url: 'https://shop.example/p/sku-1001' });
		assert.deepEqual(writes[0].body.items.map((i) => i.id), ['sku-1001', 'sku-1002', 'sku-1003']);

		const rows = n8n.nodeItems(out, 'Update the products catalog');
		assert.deepEqual(rows.map((r) => [r.id, r.catalog, r.accepted, r.status]), [
			['sku-1001', 'products', true, 'queued'],
			['sku-1002', 'products', true, 'queued'],
			['sku-1003', 'products', true, 'queued'],
		]);

		// One email (the Send node runs once), its Liquid left for Braze to render.
		const sends = standIn.requests.filter((r) => r.path === '/messages/send');
		assert.equal(sends.length, 1);
		const body = sends[0].body.messages.email.body;
		assert.match(body, /^\{% catalog_items products sku-1001 %\}/);
		assert.match(body, /\{\{ items\[0\]\.name \}\} is now \{\{ items\[0\]\.price \}\} EUR/);
		// The Wait gave Braze time: the item was applied before the email went out.
		const queuedAt = Math.max(...store.accepted.map((change) => change.at));
		assert.ok(queuedAt + VISIBLE_AFTER_MS <= sends[0].receivedAt, `the send came ${sends[0].receivedAt - queuedAt} ms after the 202`);
		// What a message rendered at that moment finds in the catalog.
		store.settle(sends[0].receivedAt);
		assert.deepEqual(store.items('products').find((item) => item.id === 'sku-1001'), writes[0].body.items[0]);

		const [kept] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(kept.dispatchId, sends[0].response.dispatch_id);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('every catalog operation in turn: each request as Braze defines it, each output as documented', async () => {
		requireSetup();
		store.reset();
		const out = await run('BrazeE2eCatalogOps01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(calls(), [
			'POST /catalogs 201',
			'POST /catalogs/e2e_products/fields 202',
			'POST /catalogs/e2e_products/items 202',
			'PATCH /catalogs/e2e_products/items 202',
			'PUT /catalogs/e2e_products/items 202',
			'GET /catalogs/e2e_products/items/p-1 200',
			'GET /catalogs/e2e_products/items/p-2 200',
			'GET /catalogs/e2e_products/items/p-3 200',
			'GET /catalogs/e2e_products/items 200',
			'DELETE /catalogs/e2e_products/items 202',
			'DELETE /catalogs/e2e_products/fields/colour 202',
			'GET /catalogs 200',
			'GET /catalogs 200',
			'DELETE /catalogs/e2e_products 200',
		]);
		assert.deepEqual(n8n.nodeItems(out, 'Create catalog')[0].fields, [
			{ name: 'id', type: 'string' },
			{ name: 'name', type: 'string' },
			{ name: 'price', type: 'number' },
		]);
		assert.deepEqual(n8n.nodeItems(out, 'Read each item'), [
			{ id: 'p-1', name: 'One (new)', colour: 'blue' },
			{ id: 'p-2', name: 'Two (new)', colour: 'blue' },
			{ id: 'p-3', name: 'Three (new)', colour: 'blue' },
		]);
		const patch = standIn.requests.find((r) => r.method === 'PATCH');
		assert.deepEqual(patch.body.items[1], { id: 'p-2', price: 20, colour: 'red' });
		assert.equal(n8n.nodeItems(out, 'Read all items').length, 3);
		assert.deepEqual(n8n.nodeItems(out, 'Delete items').map((r) => [r.id, r.status]), [
			['p-1', 'queued'],
			['p-2', 'queued'],
			['p-3', 'queued'],
		]);
		assert.deepEqual(n8n.nodeItems(out, 'Read the catalog')[0].fields.map((f) => f.name), ['id', 'name', 'price']);
		assert.deepEqual(n8n.nodeItems(out, 'List catalogs').map((c) => c.name), ['e2e_products']);
		assert.deepEqual(n8n.nodeItems(out, 'Delete catalog'), [{ catalog: 'e2e_products', deleted: true, message: 'success' }]);
		assert.equal(store.catalogs.size, 0);
	});
});
