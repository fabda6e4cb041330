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
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureInstalled } = require('../../scripts/e2e-install');
const { paths } = require('../../scripts/lib/cache');
const n8n = require('../../scripts/lib/n8n');
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

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IMAGES = path.join(n8n.REPO, 'docs', 'images');
const OWNER = {
	email: 'e2e@example.com',
	password: 'E2e-pass-1234',
	firstName: 'E2E',
	lastName: 'Tester',
};
const log = (...a) => console.log('#', ...a);

let standIn;
let server;
let browser;
let page;
let userFolder;
let profileDir;

async function shot(name, locator) {
	fs.mkdirSync(IMAGES, { recursive: true });
	const file = path.join(IMAGES, name);
	if (locator) await locator.screenshot({ path: file });
	else await page.screenshot({ path: file });
	log(`screenshot ${path.relative(n8n.REPO, file)}`);
}

async function debugShot(name) {
	try {
		const dir = path.join(os.tmpdir(), 'braze-editor-debug');
		fs.mkdirSync(dir, { recursive: true });
		await page.screenshot({ path: path.join(dir, name), fullPage: true });
		log(`debug screenshot ${path.join(dir, name)}`);
	} catch {}
}

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		await ensureInstalled();
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(
				`No Chromium at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
			);
		}
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log, build: process.env.BRAZE_E2E_SKIP_BUILD !== '1' });
		userFolder = n8n.makeUserFolder('n8n-braze-editor-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url)]);
		await n8n.importWorkflows(userFolder, [
			...['crm-webhook-email.json', 'push-ios-android.json'].map(n8n.loadExample),
			LOCAL_REFUSAL,
		]);
		// Published (2.x's "active"), so that `n8n start` serves its production webhook.
		await n8n.runN8nOk(['publish:workflow', '--id=BrazeExCrmEmail01'], { userFolder });
		const port = await n8n.freePort();
		const t0 = Date.now();
		server = await n8n.startN8nServer({ userFolder, port, owner: OWNER });
		log(`n8n start ready on ${server.url} in ${Date.now() - t0} ms`);

		const { chromium } = require(paths.playwright);
		profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-chromium-'));
		const context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM,
			headless: true,
			chromiumSandbox: false,
			viewport: { width: 1440, height: 1100 },
			deviceScaleFactor: 1,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		browser = context;
		page = context.pages()[0] || (await context.newPage());
		page.setDefaultTimeout(30000);

		// Sign in through the real sign-in form. On a loaded machine the editor's first page load
		// can take longer than a locator timeout, so the page is loaded again up to three times.
		const emailInput = page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first();
		for (let attempt = 1; ; attempt++) {
			await page.goto(`${server.url}/signin`, { waitUntil: 'load', timeout: 60000 });
			try {
				await emailInput.waitFor({ state: 'visible', timeout: 60000 });
				break;
			} catch (error) {
				log(`sign-in form not shown yet (attempt ${attempt}, at ${page.url()})`);
				if (attempt >= 3) throw error;
			}
		}
		await emailInput.fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page
			.locator('[data-test-id="form-submit-button"], button[type="submit"]')
			.first()
			.click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30000 });
		log(`signed in, at ${page.url()}`);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

after(async () => {
	if (browser) await browser.close().catch(() => {});
	if (server) await server.stop();
	if (standIn) await standIn.close();
	for (const d of [userFolder, profileDir])
		if (d && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(d, { recursive: true, force: true });
});

/** Visible parameter labels in the open node panel. */
async function ndvLabels() {
	const ndv = page.locator('[data-test-id="ndv"]');
	return ndv
		.locator('[data-test-id="parameter-input-label"], .n8n-input-label, label')
		.allInnerTexts();
}

async function dismissOverlays() {
	for (const sel of [
		'[data-test-id="close-button"]',
		'button:has-text("Got it")',
		'button:has-text("Dismiss")',
	]) {
		const b = page.locator(sel).first();
		if (await b.isVisible().catch(() => false)) await b.click().catch(() => {});
	}
}

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
