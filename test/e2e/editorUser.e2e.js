'use strict';
// The User form and the output options in the n8n editor (headless Chromium against a real n8n):
// a Braze node added now is version 2, keeps Update Existing Only, Nested Custom Attributes (JSON)
// and Merge Nested Objects in Options and shows Simplify; a node saved with version 1 keeps them
// at the top; the canvas subtitle reads "Create or Update: User", not "upsert: user".
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const fs = require('fs');
const path = require('path');
const { startEditorSession, IMAGES } = require('./editorSession');
const { wf, manual, braze } = require('./workflows');

const MOVED = ['Update Existing Only', 'Nested Custom Attributes (JSON)', 'Merge Nested Objects'];

// An empty workflow (a Manual Trigger) to add a new Braze node to, as a user does.
const EMPTY = wf('BrazeE2eUserNew0001', 'e2e: add a Braze node', [manual]);
// A User › Create or Update node saved with version 1, the advanced fields set at the top.
const SAVED_V1 = wf('BrazeE2eUserV1Saved1', 'e2e: a version 1 User node', [
	manual,
	braze(
		{
			resource: 'user',
			operation: 'upsert',
			externalId: 'crm-7',
			updateExistingOnly: true,
			mergeObjects: true,
		},
		{ credentialId: n8n.STANDIN_CREDENTIAL_ID, name: 'Saved profile update', x: 300 },
	),
]);

let session;
let page;
let server;
let shot;
let debugShot;
let ndvLabels;
let addBrazeNode;
let openNode;

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		session = await startEditorSession({
			workflows: [EMPTY, SAVED_V1],
			prefix: 'n8n-braze-editor-user-',
		});
		({ page, server, shot, debugShot, ndvLabels, openNode, addBrazeNode } = session);
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

/** Opens the Options collection's "Add Option" list; returns the names it offers. */
async function optionsOffered(ndv) {
	const add = optionsItem(ndv).locator('input[placeholder="Add Option"]').last();
	await add.scrollIntoViewIfNeeded();
	await add.click();
	const items = page.locator(OPTION_ITEMS);
	await items.first().waitFor();
	return (await items.allInnerTexts()).map((text) => text.trim());
}

/** The node's Options collection (not Settings' Request Options). */
function optionsItem(ndv) {
	return ndv
		.locator('[data-test-id="parameter-item"]')
		.filter({ has: page.locator('label').filter({ hasText: /^\s*Options\s*$/ }) })
		.first();
}
const OPTION_ITEMS =
	'[data-test-id="collection-parameter-option"]:visible, .el-select-dropdown__item:visible, [role="option"]:visible, [role="menuitem"]:visible';

describe(
	'n8n editor: the User form and the output (headless Chromium)',
	{ concurrency: false },
	() => {
		it('a new Braze node (version 2) on User › Create or Update: the advanced fields in Options, not at the top; Simplify shown', async () => {
			requireSetup();
			try {
				await addBrazeNode(EMPTY.id, 'Create or update a user');
				const ndv = page.locator('[data-test-id="ndv"]');
				await ndv.waitFor({ state: 'visible' });
				await ndv.getByText('Identify User By').first().waitFor();
				// A filled-in node, as a user leaves it (no issue mark on the canvas).
				await ndv.getByPlaceholder('crm-contact-7').first().fill('crm-contact-7');
				await page.mouse.move(0, 0);

				const labels = (await ndvLabels()).join('\n');
				assert.ok(labels.includes('Simplify'), 'the panel shows "Simplify"');
				assert.ok(labels.includes('Profile Fields'), 'the panel shows "Profile Fields"');
				for (const field of MOVED) {
					assert.ok(!labels.includes(field), `"${field}" is not at the top of the form`);
				}
				const offered = await optionsOffered(ndv);
				for (const field of MOVED) {
					assert.ok(
						offered.includes(field),
						`Options offers "${field}" (offered: ${offered.join(', ')})`,
					);
				}
				await shot('user-upsert-options-v2.png', ndv);
				await page.keyboard.press('Escape');

				// The option added shows inside the collection, under Options.
				await optionsOffered(ndv);
				await page
					.locator(OPTION_ITEMS)
					.filter({ hasText: 'Update Existing Only' })
					.first()
					.click();
				const options = optionsItem(ndv);
				await options.getByText('Update Existing Only').first().waitFor();
				const simplify = ndv
					.locator('[data-test-id="parameter-item"]')
					.filter({ hasText: 'Simplify' })
					.first();
				await simplify.scrollIntoViewIfNeeded();
				await page.mouse.move(0, 0);
				await shot('user-upsert-simplify-v2.png', ndv);
			} catch (e) {
				await debugShot('user-upsert-v2-failed.png');
				throw e;
			}
		});

		it('the canvas subtitle reads "Create or Update: User", not the raw values', async () => {
			requireSetup();
			try {
				const close = page
					.locator('[data-test-id="ndv-close-button"], [data-test-id="back-to-canvas"]')
					.first();
				if (await close.isVisible().catch(() => false)) await close.click();
				else await page.keyboard.press('Escape');
				await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
				const node = page
					.locator('[data-test-id="canvas-node"]')
					.filter({ hasText: 'Create or Update: User' })
					.first();
				await node.waitFor({ state: 'visible' });
				const text = await node.innerText();
				assert.ok(!text.includes('upsert'), `the subtitle shows no raw value (it reads: ${text})`);
				// The node's box and the name and subtitle under it, with the trigger before it.
				const boxes = await page
					.locator('[data-test-id="canvas-node"]')
					.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()));
				const left = Math.min(...boxes.map((b) => b.x)) - 110;
				const top = Math.min(...boxes.map((b) => b.y)) - 30;
				const right = Math.max(...boxes.map((b) => b.x + b.width)) + 110;
				const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 80;
				fs.mkdirSync(IMAGES, { recursive: true });
				await page.screenshot({
					path: path.join(IMAGES, 'canvas-subtitle.png'),
					clip: { x: left, y: top, width: right - left, height: bottom - top },
				});
			} catch (e) {
				await debugShot('canvas-subtitle-failed.png');
				throw e;
			}
		});

		it('a node saved with version 1 keeps the advanced fields at the top, without Simplify; its subtitle is readable too', async () => {
			requireSetup();
			try {
				const node = page.locator(
					'[data-test-id="canvas-node"][data-node-name="Saved profile update"]',
				);
				await page.goto(`${server.url}/workflow/${SAVED_V1.id}`);
				await node.waitFor({ state: 'visible', timeout: 60000 });
				assert.match(await node.innerText(), /Create or Update: User/);
				const ndv = await openNode(SAVED_V1.id, 'Saved profile update');
				await ndv.getByText('Update Existing Only').first().waitFor();
				const labels = (await ndvLabels()).join('\n');
				for (const field of MOVED) assert.ok(labels.includes(field), `version 1 shows "${field}"`);
				assert.ok(!labels.includes('Simplify'), 'version 1 has no Simplify');
				const offered = await optionsOffered(ndv);
				for (const field of MOVED) {
					assert.ok(!offered.includes(field), `version 1's Options does not offer "${field}"`);
				}
				await page.keyboard.press('Escape');
			} catch (e) {
				await debugShot('user-upsert-v1-failed.png');
				throw e;
			}
		});
	},
);
