'use strict';
// The n8n editor in a real (headless) browser: Debian's chromium driven by playwright-core.
// Opens the Braze node, selects channels, checks their fields appear, checks the credential
// form lists the Braze instances, and saves screenshots into docs/images/ for the README.
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
const { wf, manual, setRaw, splitOut, braze, email } = require('./workflows');

// Three items; the second has a body of spaces, which the node refuses before sending.
const LOCAL_REFUSAL = wf('BrazeE2eRefused0001', 'e2e: one item refused before sending', [
	manual,
	setRaw('Bodies', { bodies: ['<p>A</p>', '   ', '<p>C</p>'] }),
	splitOut('bodies'),
	braze(
		{ externalUserIds: 'u-1', ...email, emailBody: '={{ $json.bodies }}' },
		{ credentialId: n8n.STANDIN_CREDENTIAL_ID },
	),
]);

let session;
let page;
let server;
let standIn;
let shot;
let debugShot;
let ndvLabels;
let dismissOverlays;

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		session = await startEditorSession({
			workflows: [
				...['crm-webhook-email.json', 'push-ios-android.json'].map(n8n.loadExample),
				LOCAL_REFUSAL,
			],
			publish: ['BrazeExCrmEmail01'],
		});
		({ page, server, standIn, shot, debugShot, ndvLabels, dismissOverlays } = session);
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

describe('n8n editor (headless Chromium)', { concurrency: false }, () => {
	it('opens the Braze node: recipients, channels and email fields are shown', async () => {
		requireSetup();
		try {
			await page.goto(`${server.url}/workflow/BrazeExCrmEmail01`);
			const node = page.locator(
				'[data-test-id="canvas-node"][data-node-name="Send welcome email"]',
			);
			await node.waitFor({ state: 'visible', timeout: 60000 });
			await dismissOverlays();
			await node.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ state: 'visible' });
			await page.getByText('Email: From').first().waitFor();
			const labels = (await ndvLabels()).join('\n');
			for (const l of [
				'External User IDs',
				'Channels',
				'Email: App ID',
				'Email: From',
				'Email: Subject',
				'Email: Body (HTML)',
			]) {
				assert.ok(labels.includes(l), `the panel shows "${l}"`);
			}
			await page.mouse.move(0, 0);
			await shot('node-panel-email.png');
		} catch (e) {
			await debugShot('node-panel-email-failed.png');
			throw e;
		}
	});

	it('selecting iOS and Android push shows their sections and fields', async () => {
		requireSetup();
		try {
			const ndv = page.locator('[data-test-id="ndv"]');
			const channels = ndv.locator('[data-test-id="parameter-input-channels"]');
			await channels.click();
			for (const option of ['Apple Push', 'Android Push']) {
				await page
					.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
					.filter({ hasText: option })
					.first()
					.click();
			}
			await page.keyboard.press('Escape');
			await page.getByText('Apple Push: Alert').first().waitFor();
			const labels = (await ndvLabels()).join('\n');
			for (const l of [
				'Apple Push: Alert',
				'Android Push: Alert',
				'Android Push: Title',
				'Email: From',
			]) {
				assert.ok(labels.includes(l), `the panel shows "${l}"`);
			}
			await page.getByText('Apple Push: Alert').first().scrollIntoViewIfNeeded();
			await page.mouse.move(0, 0);
			await shot('node-panel-channels.png');
		} catch (e) {
			await debugShot('node-panel-channels-failed.png');
			throw e;
		}
	});

	it('the credential form offers the Braze instances and a custom URL', async () => {
		requireSetup();
		try {
			await page.goto(`${server.url}/home/credentials/${n8n.STANDIN_CREDENTIAL_ID}`);
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ state: 'visible', timeout: 60000 });
			await modal.getByText('Instance', { exact: true }).first().waitFor();
			const select = modal.locator('[data-test-id="parameter-input-instance"]');
			await select.click();
			// The dropdown fades in: wait until its options are shown before reading them.
			await page
				.locator('.el-select-dropdown__item, [role="option"]')
				.filter({ hasText: 'US-01 (rest.iad-01.braze.com)' })
				.first()
				.waitFor({ state: 'visible', timeout: 30000 });
			const options = await page
				.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
				.allInnerTexts();
			const text = options.join('\n');
			for (const o of [
				'US-01 (rest.iad-01.braze.com)',
				'EU-01 (rest.fra-01.braze.eu)',
				'Custom URL',
			]) {
				assert.ok(
					text.includes(o),
					`the instance list offers "${o}" (got: ${options.join(' | ')})`,
				);
			}
			assert.ok(options.length >= 15, `all instances listed (${options.length})`);
			await shot('credential-form.png');
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('credential-form-failed.png');
			throw e;
		}
	});
});

describe('an error as the editor shows it', { concurrency: false }, () => {
	it('a check made before sending reads as the node\'s own: its sentence on its item, no HTTP code, not "From Braze"', async () => {
		requireSetup();
		try {
			await page.goto(`${server.url}/workflow/${LOCAL_REFUSAL.id}`);
			const node = page.locator('[data-test-id="canvas-node"][data-node-name="Braze"]');
			await node.waitFor({ state: 'visible', timeout: 60000 });
			await dismissOverlays();
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			await node.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			const message = ndv.locator('[data-test-id="node-error-message"]').first();
			await message.waitFor({ state: 'visible', timeout: 60000 });
			assert.equal(
				(await message.innerText()).trim(),
				'Email: Body (HTML) is only spaces [item 1]',
			);
			const panel = await ndv.innerText();
			assert.ok(!/Error code/i.test(panel), 'no "Error code" row');
			assert.ok(!/From Braze/.test(panel), 'no "From Braze" details');
			assert.ok(
				!/Not sent: the node stops/.test(panel),
				"the bad item's own error, not another item's halt",
			);
			await page.mouse.move(0, 0);
			await shot('error-local-refusal.png', ndv);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('error-local-refusal-failed.png');
			throw e;
		}
	});
});

describe('published CRM webhook on `n8n start`', () => {
	it('a POST to /webhook/crm-contact-created emails that contact through Braze', async () => {
		requireSetup();
		standIn.reset();
		const r = await n8n.httpJson('POST', `${server.url}/webhook/crm-contact-created`, {
			body: {
				event: 'contact.created',
				contact: { externalId: 'crm-contact-77', firstName: 'Lin' },
			},
		});
		assert.equal(r.status, 200, r.text);
		const deadline = Date.now() + 30000;
		let sends = [];
		while (Date.now() < deadline) {
			sends = standIn.requests.filter((q) => q.path === '/messages/send');
			if (sends.length) break;
			await new Promise((res) => setTimeout(res, 250));
		}
		assert.equal(sends.length, 1, 'the webhook run sent one request');
		assert.deepEqual(sends[0].body.external_user_ids, ['crm-contact-77']);
		assert.equal(sends[0].body.messages.email.subject, 'Welcome to Acme, Lin!');
		assert.equal(sends[0].status, 201);
	});
});
