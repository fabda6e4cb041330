'use strict';
// Catalog Item in the n8n editor (headless Chromium against a real n8n): the example's Create or
// Replace node shows the catalog, Item ID, Specify Fields with the fields, Simplify and Options; the
// catalog pick-list lists the stand-in's catalogs; Options offers Batch Items and Check Fields
// Against the Catalog. Screenshots go to docs/images/.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const { startEditorSession } = require('./editorSession');
const { catalogsOf } = require('../sandbox/routes/catalogsStore');

const EXAMPLE = n8n.loadExample('catalog-product-feed.json');
const NODE = 'Update the products catalog';
// A Catalog Item › Get node whose catalog is to be picked From List.
const PICK = {
	id: 'BrazeE2eCatalogPick1',
	name: 'e2e: pick a catalog',
	nodes: [
		{ parameters: {}, id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: { resource: 'catalogItem', operation: 'get', catalogName: { __rl: true, mode: 'list', value: '' }, itemId: 'sku-1001' },
			id: 'read-item',
			name: 'Read an item',
			type: n8n.NODE_TYPE,
			typeVersion: 2,
			position: [300, 0],
			credentials: { brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Read an item', type: 'main', index: 0 }]] } },
	active: false,
	settings: { executionOrder: 'v1' },
	pinData: {},
};

let session;
let setupError;
before(async () => {
	try {
		session = await startEditorSession({ workflows: [EXAMPLE, PICK], prefix: 'n8n-braze-editor-catalogs-' });
		catalogsOf(session.standIn.profiles).create('products', [{ name: 'name', type: 'string' }], 'Our products', [{ id: 'sku-1001', name: 'Trail running shoe' }]);
		catalogsOf(session.standIn.profiles).create('stores', [{ name: 'city', type: 'string' }]);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}
after(async () => {
	if (session) await session.close();
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

const OPTION_ITEMS =
	'[data-test-id="collection-parameter-option"]:visible, .el-select-dropdown__item:visible, [role="option"]:visible, [role="menuitem"]:visible';

describe('n8n editor: Catalog Item (headless Chromium)', { concurrency: false }, () => {
	it("the example's Create or Replace node: its fields, the catalog pick-list, and the options", async () => {
		requireSetup();
		const { page, shot, debugShot, openNode, ndvLabels } = session;
		try {
			const ndv = await openNode(EXAMPLE.id, NODE);
			await ndv.getByText('Item ID', { exact: true }).first().waitFor();
			const labels = (await ndvLabels()).flatMap((label) => label.split('\n')).map((label) => label.trim());
			for (const label of ['Catalog', 'Item ID', 'Specify Fields', 'Fields', 'Simplify', 'Options']) {
				assert.ok(labels.includes(label), `the panel shows "${label}" (it shows: ${labels.join(' | ')})`);
			}
			await page.mouse.move(0, 0);
			await shot('catalog-item-replace.png', ndv);

			// Options offers Batch Items and Check Fields Against the Catalog.
			const options = ndv
				.locator('[data-test-id="parameter-item"]')
				.filter({ has: page.locator('label').filter({ hasText: /^\s*Options\s*$/ }) })
				.first();
			const add = options.locator('input[placeholder="Add Option"]').last();
			await add.scrollIntoViewIfNeeded();
			await add.click();
			await page.locator(OPTION_ITEMS).first().waitFor();
			const offered = (await page.locator(OPTION_ITEMS).allInnerTexts()).map((text) => text.trim());
			for (const option of ['Batch Items', 'Check Fields Against the Catalog', 'Dry Run', 'Retry Server Errors']) {
				assert.ok(offered.includes(option), `Options offers "${option}" (offered: ${offered.join(', ')})`);
			}
			await page.keyboard.press('Escape');

			// The catalog From List: the stand-in's catalogs, with item count and description.
			const picker = await openNode(PICK.id, 'Read an item');
			await picker.locator('[data-test-id="rlc-input"]').first().click();
			const listed = page.locator('[data-test-id="rlc-item"]').filter({ hasText: 'products (1 item · Our products)' }).first();
			await listed.waitFor({ state: 'visible', timeout: 30000 });
			assert.ok(await page.locator('[data-test-id="rlc-item"]').filter({ hasText: 'stores (0 items)' }).first().isVisible());
			await page.mouse.move(0, 0);
			await shot('catalog-item-pick-list.png', picker);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('catalog-item-failed.png');
			throw e;
		}
	});
});
