'use strict';
// The way out to a custom API call, and the Braze entry of the nodes panel, in the real n8n
// editor (headless Chromium): the HTTP Request node offers the Braze API credential, the Braze
// node's Operation list ends with n8n's "Custom API Call", the nodes panel describes what the
// package does, and the Docs links have a target. Screenshots go to docs/images/.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const { startEditorSession, OPTIONS } = require('./editorSession');
const { wf, manual, braze } = require('./workflows');

const PACKAGE_DESCRIPTION =
	'Send messages, transactional emails, campaigns and Canvases through Braze, update user profiles, and start workflows on transactional email events';
const README =
	'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/README.md';

const HTTP_WF = wf('BrazeEdCustomHttp1', 'e2e: HTTP Request node', [
	manual,
	{
		parameters: { url: 'https://rest.iad-01.braze.com/campaigns/list', options: {} },
		id: 'http-request',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.4,
		position: [300, 0],
	},
]);
const BRAZE_WF = wf('BrazeEdCustomNode1', 'e2e: Braze node', [
	manual,
	{ ...braze({}, { credentialId: n8n.STANDIN_CREDENTIAL_ID }), typeVersion: 2 },
]);
const TRIGGER_WF = wf('BrazeEdCustomTrig1', 'e2e: Braze Trigger', [
	{
		parameters: {},
		id: 'braze-trigger',
		name: 'Braze Trigger',
		type: `${n8n.PACKAGE_NAME}.brazeTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'c3d7e2a0-5b1f-4c8e-9a6d-2f4b8e1c7a90',
	},
]);

let session;
let page;
let server;
let shot;
let debugShot;
let dismissOverlays;

let setupError;
before(async () => {
	try {
		session = await startEditorSession({
			workflows: [HTTP_WF, BRAZE_WF, TRIGGER_WF],
			prefix: 'n8n-braze-editor-cc-',
		});
		({ page, server, shot, debugShot, dismissOverlays } = session);
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

/** Picks `option` in the open node panel's dropdown `parameter`. */
async function pick(parameter, option) {
	const items = await session.openList(
		page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`),
	);
	const item = items.filter({ hasText: option }).first();
	await item.waitFor({ state: 'visible' });
	await item.scrollIntoViewIfNeeded();
	await item.click();
}

/** The values of the open node panel's text inputs (a picked credential shows as one). */
async function inputValues() {
	return page
		.locator('[data-test-id="ndv"] input')
		.evaluateAll((inputs) => inputs.map((i) => i.value));
}

/** Opens the Braze entry of the nodes panel (its details and actions). */
async function openBrazeEntry() {
	const creator = await searchNodes(BRAZE_WF.id, 'Braze');
	await creator
		.locator('[data-test-id="node-creator-item-name"]')
		.filter({ hasText: /^Braze$/ })
		.first()
		.click();
	await creator.getByText('Send a message', { exact: true }).first().waitFor();
	return creator;
}

/** Opens the nodes panel over workflow `workflowId` and searches for `text`. */
async function searchNodes(workflowId, text) {
	await page.goto(`${server.url}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
	await dismissOverlays();
	await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
	const search = page.locator('[data-test-id="node-creator-search-bar"]');
	await search.waitFor();
	await search.fill(text);
	return page.locator('[data-test-id="node-creator"]');
}

describe('the HTTP Request node with the Braze API credential', { concurrency: false }, () => {
	it('Authentication › Predefined Credential Type offers "Braze API", and then the stand-in\'s credential', async () => {
		requireSetup();
		try {
			await session.openNode(HTTP_WF.id, 'HTTP Request');
			await pick('authentication', 'Predefined Credential Type');
			await session.openList(
				page.locator('[data-test-id="ndv"] [data-test-id="parameter-input-nodeCredentialType"]'),
			);
			await page.keyboard.type('Braze');
			const offered = page.locator(OPTIONS).filter({ hasText: /^Braze API$/ });
			await offered.first().waitFor({ state: 'visible' });
			assert.deepEqual(await page.locator(OPTIONS).allInnerTexts(), ['Braze API']);
			await offered.first().click();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.getByText('Braze API', { exact: true }).first().waitFor();
			assert.ok(
				(await inputValues()).includes('Braze (local stand-in)'),
				'the credential is picked',
			);
			await page.mouse.move(0, 0);
			await shot('http-request-braze-credential.png', ndv);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('http-request-braze-credential-failed.png');
			throw e;
		}
	});
});

describe("the Braze node's Custom API Call entry", { concurrency: false }, () => {
	it('the Operation and Resource lists end with "Custom API Call"; picking it tells the user to use the HTTP Request node', async () => {
		requireSetup();
		try {
			const ndv = await session.openNode(BRAZE_WF.id, 'Braze');
			const operationList = await session.openList(
				ndv.locator('[data-test-id="parameter-input-operation"]'),
			);
			await operationList.filter({ hasText: 'Send' }).first().waitFor();
			const operations = await operationList.allInnerTexts();
			assert.equal(
				operations.at(-1),
				'Custom API Call',
				`the last operation (got ${operations.length})`,
			);
			await session.closeList();
			const resourceList = await session.openList(
				ndv.locator('[data-test-id="parameter-input-resource"]'),
			);
			await resourceList.filter({ hasText: 'Message' }).first().waitFor();
			assert.equal((await resourceList.allInnerTexts()).at(-1), 'Custom API Call');
			await session.closeList();
			await pick('operation', 'Custom API Call');
			const notice = ndv.getByText('Use the HTTP Request node to make a custom API call.', {
				exact: false,
			});
			await notice.first().waitFor();
			assert.match(await notice.first().innerText(), /We'll take care of the Braze auth for you/);
			await page.mouse.move(0, 0);
			await shot('custom-api-call.png', ndv);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('custom-api-call-failed.png');
			throw e;
		}
	});

	// n8n 2.41's nodes panel offers "Make a custom … API call" under a node's actions, but not for
	// a community node (it shows the package's details there instead); docs/credentials.md says so.
	it('the nodes panel lists the actions without a custom-call entry (n8n hides it for community nodes)', async () => {
		requireSetup();
		try {
			const creator = await openBrazeEntry();
			const text = await creator.innerText();
			assert.match(text, /Actions \(\d+\)/);
			assert.doesNotMatch(text, /custom Braze API call|Custom API Call/i);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('node-creator-actions-failed.png');
			throw e;
		}
	});
});

describe('the Braze entry of the nodes panel', { concurrency: false }, () => {
	it('describes what the package does, in the list and in its details', async () => {
		requireSetup();
		try {
			const creator = await searchNodes(BRAZE_WF.id, 'Braze');
			await creator
				.locator('[data-test-id="node-creator-item-name"]')
				.filter({ hasText: /^Braze$/ })
				.first()
				.waitFor();
			const item = creator.locator('[data-test-id="node-creator-item-description"]');
			assert.deepEqual(await item.allInnerTexts(), [PACKAGE_DESCRIPTION]);
			await page.mouse.move(0, 0);
			await shot('node-creator-braze.png', creator);
			await creator
				.locator('[data-test-id="node-creator-item-name"]')
				.filter({ hasText: /^Braze$/ })
				.first()
				.click();
			await creator.getByText('Send a message', { exact: true }).first().waitFor();
			assert.ok((await creator.innerText()).includes(PACKAGE_DESCRIPTION), 'the details repeat it');
			await page.mouse.move(0, 0);
			await shot('node-creator-braze-actions.png', creator);
		} catch (e) {
			await debugShot('node-creator-braze-failed.png');
			throw e;
		}
	});

	it("its Docs link opens the package's npm page (n8n's fixed target for a community node)", async () => {
		requireSetup();
		try {
			const creator = await openBrazeEntry();
			// The link is a button that calls window.open: record the URL instead of leaving the page.
			await page.evaluate(() => {
				window.__opened = [];
				window.open = (url) => {
					window.__opened.push(String(url));
					return null;
				};
			});
			await creator.getByText('Docs', { exact: true }).first().click();
			assert.deepEqual(await page.evaluate(() => window.__opened), [
				`https://www.npmjs.com/package/${n8n.PACKAGE_NAME}`,
			]);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('node-creator-docs-failed.png');
			throw e;
		}
	});

	for (const [workflow, node, target] of [
		[BRAZE_WF, 'Braze', README],
		[
			TRIGGER_WF,
			'Braze Trigger',
			'https://github.com/n8n-nodes-braze-messaging/n8n-nodes-braze-messaging/blob/main/docs/trigger.md',
		],
	]) {
		it(`the ${node} panel's Docs link opens the package's documentation`, async () => {
			requireSetup();
			try {
				const ndv = await session.openNode(workflow.id, node);
				const docs = ndv
					.locator('a')
					.filter({ hasText: /^Docs$/ })
					.first();
				const href = await docs.getAttribute('href');
				assert.equal(href.split('?')[0], target);
				assert.equal(await docs.getAttribute('target'), '_blank');
				await page.keyboard.press('Escape');
			} catch (e) {
				await debugShot(`docs-link-${node}-failed.png`);
				throw e;
			}
		});
	}
});
