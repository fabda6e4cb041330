'use strict';
// Setting up the Braze Trigger in the n8n editor (headless Chromium, real n8n 2.41.1): the panel
// gives the Production URL ready to copy and says how to finish it with the secret, the secret
// reaches the browser nowhere, the credentials' forms show only their way's fields, a new
// credential's test offers a random secret, and both test paths work (the Test URL while the
// step listens; the Production URL of the published workflow, seen under Executions).
// Screenshots go to docs/images/. Runs only with BRAZE_E2E=1 (see editor.e2e.js).
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const n8n = require('../../scripts/lib/n8n');
const { startEditorSession } = require('./editorSession');
const { wf } = require('./workflows');

// Test values ("example" keeps n8n's no-hardcoded-secrets lint from taking them for real ones).
const SECRET = 'example-token-secret-7c41d09e5a2b3f68';
const BASIC_SECRET = 'example-basic-secret-2b9e4f17c03a8d55';
const TOKEN_CREDENTIAL = { id: 'BrazePostbackTok01', name: 'Braze postback token' };
const BASIC_CREDENTIAL = { id: 'BrazePostbackBas01', name: 'Braze postback basic auth' };
const TOKEN_WORKFLOW = 'BrazeE2eTrigEditor1';
const BASIC_WORKFLOW = 'BrazeE2eTrigEditor2';
const WEBHOOK_ID = '0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa0b1';

/** A version 2 Braze Trigger (what a new node is) and a Set node after it. */
function triggerWorkflow(id, webhookId, parameters, credentials) {
	return wf(id, `e2e: Braze Trigger set-up (${id})`, [
		{
			parameters,
			id: 'braze-trigger',
			name: 'Braze Trigger',
			type: `${n8n.PACKAGE_NAME}.brazeTrigger`,
			typeVersion: 2,
			position: [0, 0],
			webhookId,
			credentials,
		},
		{
			parameters: { assignments: { assignments: [] }, includeOtherFields: true, options: {} },
			id: 'next',
			name: 'Next',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
		},
	]);
}

const event = {
	dispatch_id: 'd-editor-1',
	status: 'bounced',
	metadata: {
		external_send_id: 'order-1042',
		campaign_api_id: 'tx-1',
		bounced_at: '2026-11-30T10:00:02.000+00:00',
		reason: '550 5.1.1 unknown user',
	},
};

let session;
let page;
let server;
let shot;
let debugShot;
let ndvLabels;
// Everything n8n's REST API answered to the browser, to show the secrets never reach it.
const restBodies = [];

let setupError;
before(async () => {
	try {
		session = await startEditorSession({
			prefix: 'n8n-braze-editor-trigger-',
			credentials: [
				{ ...TOKEN_CREDENTIAL, type: 'brazePostbackTokenApi', data: { secret: SECRET } },
				{
					...BASIC_CREDENTIAL,
					type: 'brazePostbackApi',
					data: { user: 'braze-postbacks', secret: BASIC_SECRET },
				},
			],
			workflows: [
				triggerWorkflow(
					TOKEN_WORKFLOW,
					WEBHOOK_ID,
					{},
					{
						brazePostbackTokenApi: TOKEN_CREDENTIAL,
					},
				),
				triggerWorkflow(
					BASIC_WORKFLOW,
					'0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa0b2',
					{ authentication: 'basicAuth' },
					{ brazePostbackApi: BASIC_CREDENTIAL },
				),
			],
			publish: [TOKEN_WORKFLOW],
		});
		({ page, server, shot, debugShot, ndvLabels } = session);
		page.on('response', async (response) => {
			if (!response.url().includes('/rest/')) return;
			restBodies.push(await response.text().catch(() => ''));
		});
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (session) await session.close();
});

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

/** Runs a test's steps after the setup; on a failure keeps a screenshot (`<name>-failed.png`). */
async function step(name, steps) {
	requireSetup();
	try {
		await steps();
	} catch (e) {
		await debugShot(`${name}-failed.png`);
		throw e;
	}
}

/** The Webhook URLs section of the open panel, opened, showing `which` ('test' or 'production'). */
async function webhookUrl(ndv, which) {
	const toggle = ndv.locator(`[data-test-id="radio-button-${which}"]`);
	if (!(await toggle.isVisible().catch(() => false))) {
		await ndv.getByText('Webhook URLs', { exact: true }).first().click();
	}
	await toggle.click();
	const url = ndv.locator('.webhook-url').first();
	await url.waitFor({ state: 'visible' });
	return url;
}

/** The finished webhook execution of the token workflow whose data holds `dispatchId` (REST). */
async function productionExecutionOf(dispatchId, timeoutMs = 30000) {
	const headers = { cookie: server.owner.cookie, 'browser-id': server.owner.browserId };
	const get = async (path) => {
		const r = await n8n.httpJson('GET', `${server.url}/rest${path}`, { headers });
		assert.equal(r.status, 200, r.text);
		return r.json.data;
	};
	const filter = encodeURIComponent(JSON.stringify({ workflowId: TOKEN_WORKFLOW }));
	const t0 = Date.now();
	for (;;) {
		const { results } = await get(`/executions?filter=${filter}&limit=20`);
		for (const row of results.filter((e) => e.mode === 'webhook' && e.status === 'success')) {
			const { data } = await get(`/executions/${row.id}`);
			if (JSON.stringify(data).includes(dispatchId)) return row;
		}
		if (Date.now() - t0 > timeoutMs) throw new Error(`no webhook execution with ${dispatchId}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The labels of the credential form that is open. */
async function credentialFormLabels(modal) {
	return modal.locator('[data-test-id="credential-connection-parameter"] label').allInnerTexts();
}

it('setup: real n8n with the package, a published version 2 Braze Trigger and its credentials', () => {
	if (setupError) throw setupError;
});

describe('the Braze Trigger panel (version 2, Secret Token in URL)', { concurrency: false }, () => {
	it('gives the Production URL ready to copy and says how to finish it with the secret; the secret is nowhere on the page', async () =>
		await step('trigger-panel', async () => {
			const ndv = await session.openNode(TOKEN_WORKFLOW, 'Braze Trigger');
			const labels = (await ndvLabels()).join('\n');
			assert.match(labels, /Credential for Braze Postback Token API/);
			const url = await webhookUrl(ndv, 'production');
			const production = (await url.innerText()).trim();
			assert.match(
				production,
				new RegExp(
					`^http://(localhost|127\\.0\\.0\\.1):${new URL(server.url).port}/webhook/${WEBHOOK_ID}/braze-postback$`,
				),
			);
			await url.click();
			assert.equal(await page.evaluate(() => navigator.clipboard.readText()), production);
			const notice = await ndv.locator('.notice').first().innerText();
			assert.match(
				notice,
				/The URL to paste into Braze \(Settings › Email Preferences › Transactional Event Status Postback\)/,
			);
			assert.match(
				notice,
				/open Webhook URLs above, choose Production URL and click the URL to copy it/,
			);
			assert.match(
				notice,
				/add \?token= and the credential's Secret at its end: https:\/\/your-n8n\/webhook\/…\/braze-postback\?token=YOUR_SECRET/,
			);
			assert.match(notice, /n8n never shows a saved Secret again/);
			// The trigger side: the workflow is published, so it says so and points at Executions.
			assert.equal(
				(await ndv.locator('[data-test-id="trigger-header"]').innerText()).trim(),
				'Braze posts events to the URL set in its dashboard',
			);
			assert.match(
				await ndv.innerText(),
				/This workflow is published: each event Braze posts to the Production URL starts an execution\. Click Test the postback in Braze, then open the executions\./,
			);
			assert.ok(!(await page.content()).includes(SECRET), 'the secret is not on the page');
			await page.mouse.move(0, 0);
			await shot('trigger-panel.png', ndv);
		}));

	it('"When will this node trigger my flow?" explains the Production URL, the Test URL and mock data', async () =>
		await step('trigger-panel-help', async () => {
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.getByText('When will this node trigger my flow?').first().click();
			const help = ndv
				.getByText(/Each event Braze posts to the Production URL starts an execution/)
				.first();
			await help.waitFor({ state: 'visible' });
			const text = await ndv.innerText();
			assert.match(
				text,
				/To try it in the editor: click Execute step \(n8n then listens at the Test URL/,
			);
			assert.match(text, /To build the next steps before any event comes: use set mock data/);
			await page.mouse.move(0, 0);
			await shot('trigger-panel-help.png', ndv);
		}));

	it('the test path in the editor: Execute step listens, an event posted to the Test URL with ?token= shows in the output', async () =>
		await step('trigger-test-event', async () => {
			const ndv = page.locator('[data-test-id="ndv"]');
			const testUrl = (await (await webhookUrl(ndv, 'test')).innerText()).trim();
			assert.match(testUrl, new RegExp(`/webhook-test/${WEBHOOK_ID}/braze-postback$`));
			await ndv.locator('[data-test-id="trigger-execute-button"]').first().click();
			await ndv.locator('[data-test-id="trigger-listening"]').waitFor({ state: 'visible' });
			const local = `${server.url}/webhook-test/${WEBHOOK_ID}/braze-postback`;
			// n8n registers the test webhook as the step starts listening: retry its 404 until then.
			let answer;
			for (let i = 0; i < 40; i++) {
				answer = await n8n.httpJson('POST', `${local}?token=${SECRET}`, { body: event });
				if (answer.status !== 404) break;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			assert.equal(answer.status, 200, answer.text);
			const output = ndv.locator('[data-test-id="output-panel"]');
			await output.getByText('order-1042').first().waitFor({ state: 'visible', timeout: 30000 });
			const shown = await output.innerText();
			for (const field of [
				'dispatch_id',
				'd-editor-1',
				'external_send_id',
				'reason',
				'550 5.1.1 unknown user',
			]) {
				assert.ok(shown.includes(field), `the output shows ${field}`);
			}
			await page.mouse.move(0, 0);
			await shot('trigger-test-event.png', ndv);
			await page.keyboard.press('Escape');
		}));

	it("the published path: an event posted to the Production URL with ?token= is listed under the workflow's Executions", async () =>
		await step('trigger-executions', async () => {
			const answer = await n8n.httpJson(
				'POST',
				`${server.url}/webhook/${WEBHOOK_ID}/braze-postback?token=${SECRET}`,
				{ body: { ...event, dispatch_id: 'd-editor-2' } },
			);
			assert.equal(answer.status, 200, answer.text);
			// n8n saved a webhook execution that carries this event (polled: n8n answers first).
			const newest = await productionExecutionOf('d-editor-2');
			assert.equal(newest.mode, 'webhook');
			assert.equal(newest.status, 'success');
			await page.goto(`${server.url}/workflow/${TOKEN_WORKFLOW}/executions/${newest.id}`);
			const list = page.locator('[data-test-id="current-executions-list"]');
			await list.waitFor({ state: 'visible', timeout: 60000 });
			const close = page.locator('[data-test-id="suggested-actions-close"]');
			if (await close.isVisible().catch(() => false)) await close.click();
			const entry = page.locator(`[data-test-id="execution-details-${newest.id}"]`);
			await entry.waitFor({ state: 'visible' });
			assert.match(await entry.innerText(), /Succeeded/);
			// The execution's preview shows the next node (n8n draws it in the page or in a frame).
			const next = '[data-test-id="canvas-node"][data-node-name="Next"]';
			await Promise.any(
				[page.locator(next), page.frameLocator('iframe').first().locator(next)].map((l) =>
					l.first().waitFor({ state: 'visible', timeout: 60000 }),
				),
			);
			await page.mouse.move(0, 0);
			await shot('trigger-executions.png');
		}));
});

describe("the postback credentials' forms", { concurrency: false }, () => {
	it('Braze Postback Token API shows only the Secret, and n8n does not send the saved secret to the browser', async () =>
		await step('credential-postback-token', async () => {
			await page.goto(`${server.url}/home/credentials/${TOKEN_CREDENTIAL.id}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 60000 });
			await modal.getByText('Connection tested successfully').first().waitFor({ timeout: 30000 });
			assert.deepEqual(
				(await credentialFormLabels(modal)).map((l) => l.split('\n')[0].trim()),
				['Secret'],
			);
			assert.match(
				await modal.innerText(),
				/No secret yet\? Leave it empty, click Save, then More details/,
			);
			const value = await modal.locator('input[type="password"]').first().inputValue();
			assert.notEqual(value, SECRET);
			assert.ok(!(await page.content()).includes(SECRET), 'the secret is not on the page');
			await shot('credential-postback-token.png', modal);
			await page.keyboard.press('Escape');
		}));

	it('Basic Auth in URL asks for Braze Postback Basic Auth API, whose form shows the User Name and the Secret', async () =>
		await step('credential-postback-basic-auth', async () => {
			const ndv = await session.openNode(BASIC_WORKFLOW, 'Braze Trigger');
			assert.match((await ndvLabels()).join('\n'), /Credential for Braze Postback Basic Auth API/);
			assert.match(
				await ndv.locator('.notice').first().innerText(),
				/put the credential's User Name and Secret before its host: https:\/\/USER:SECRET@your-n8n/,
			);
			await page.keyboard.press('Escape');
			await page.goto(`${server.url}/home/credentials/${BASIC_CREDENTIAL.id}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 60000 });
			await modal.getByText('Connection tested successfully').first().waitFor({ timeout: 30000 });
			assert.deepEqual(
				(await credentialFormLabels(modal)).map((l) => l.split('\n')[0].trim()),
				['User Name', 'Secret'],
			);
			assert.ok(!(await page.content()).includes(BASIC_SECRET), 'the secret is not on the page');
			await shot('credential-postback-basic-auth.png', modal);
			await page.keyboard.press('Escape');
		}));

	it('a new token credential saved with no Secret: More details offers a random secret; pasted and saved, the test passes', async () =>
		await step('credential-secret-offer', async () => {
			await page.goto(`${server.url}/home/credentials`);
			await page
				.getByRole('button', { name: 'Create credential' })
				.first()
				.click({ timeout: 60000 });
			// "Add new credential": search the type, pick it, continue.
			const picker = page.getByRole('dialog').filter({ hasText: 'Add new credential' });
			await picker.locator('input').first().fill('Braze Postback Token');
			await page
				.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
				.filter({ hasText: 'Braze Postback Token API' })
				.first()
				.click();
			const next = picker.getByRole('button', { name: 'Continue' });
			if (await next.isVisible().catch(() => false)) await next.click();
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 30000 });
			await modal.locator('[data-test-id="credential-save-button"]').click();
			// n8n shows the test's answer behind "More details"; the banner can render again as the
			// test finishes (folding it), so the link is clicked until the answer stays open.
			const offer = modal.getByText(/A random Secret made for you just now: /).first();
			const more = modal.getByText('More details', { exact: true }).locator('visible=true');
			for (let tries = 0; !(await offer.isVisible()); tries++) {
				if (tries === 30) throw new Error("the test's answer never showed under More details");
				if (await more.count())
					await more
						.first()
						.click()
						.catch(() => {});
				await offer.waitFor({ state: 'visible', timeout: 1000 }).catch(() => {});
			}
			const message = await offer.innerText();
			const offered = /made for you just now: ([A-Za-z0-9_-]{43}) /.exec(message)?.[1];
			assert.ok(offered, `a 43-character secret is offered: ${message}`);
			await shot('credential-secret-offer.png', modal);
			await modal.locator('input[type="password"]').first().fill(offered);
			await modal.locator('[data-test-id="credential-save-button"]').click();
			await modal.getByText('Connection tested successfully').first().waitFor({ timeout: 30000 });
			await page.keyboard.press('Escape');
		}));

	it("no answer of n8n's REST API to the browser held either saved secret", () => {
		requireSetup();
		assert.ok(restBodies.length > 10, `REST answers recorded (${restBodies.length})`);
		for (const secret of [SECRET, BASIC_SECRET]) {
			assert.ok(!restBodies.some((body) => body.includes(secret)), 'a REST answer held a secret');
		}
	});
});
