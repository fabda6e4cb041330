'use strict';
// One signed-in n8n editor in headless Chromium, for the editor suites: a real n8n with the
// package installed as a community package, the stand-in's credential, the given workflows,
// and helpers to open a node, read the panel's labels and keep screenshots in docs/images/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureInstalled } = require('../../scripts/e2e-install');
const { paths } = require('../../scripts/lib/cache');
const n8n = require('../../scripts/lib/n8n');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IMAGES = path.join(n8n.REPO, 'docs', 'images');
const OWNER = {
	email: 'e2e@example.com',
	password: 'E2e-pass-1234',
	firstName: 'E2E',
	lastName: 'Tester',
};
const log = (...a) => console.log('#', ...a);

/** The entries of the open dropdown list (n8n's Element Plus select and its option roles). */
const OPTIONS = '.el-select-dropdown__item:visible, [role="option"]:visible';

/**
 * Starts n8n with the package, imports `credentials` (the stand-in's Braze credential first) and
 * `workflows`, publishes `publish` (workflow ids), and signs in. Returns the session.
 */
async function startEditorSession({
	workflows = [],
	credentials = [],
	publish = [],
	prefix = 'n8n-braze-editor-',
	env = {},
} = {}) {
	await ensureInstalled();
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`No Chromium at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
	}
	let page;
	const session = {
		log,
		shot,
		debugShot,
		close,
		openNode,
		addBrazeNode,
		ndvLabels,
		dismissOverlays,
		openList,
		closeList,
		OWNER,
	};
	try {
		await start();
	} catch (error) {
		await close();
		throw error;
	}
	return session;

	async function start() {
		const { startBrazeStandIn } = require('../sandbox');
		session.standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log, build: process.env.BRAZE_E2E_SKIP_BUILD !== '1' });
		session.userFolder = n8n.makeUserFolder(prefix);
		n8n.installPackage(session.userFolder, tarball);
		await n8n.importCredentials(session.userFolder, [
			n8n.brazeCredential(session.standIn.url),
			...credentials,
		]);
		if (workflows.length) await n8n.importWorkflows(session.userFolder, workflows);
		// Published (2.x's "active"), so that `n8n start` serves its production webhook.
		for (const id of publish) {
			await n8n.publishWorkflow(id, { userFolder: session.userFolder });
		}
		const port = await n8n.freePort();
		const t0 = Date.now();
		session.server = await n8n.startN8nServer({
			userFolder: session.userFolder,
			port,
			owner: OWNER,
			env,
		});
		log(`n8n start ready on ${session.server.url} in ${Date.now() - t0} ms`);

		const { chromium } = require(paths.playwright);
		session.profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'braze-chromium-'));
		session.browser = await chromium.launchPersistentContext(session.profileDir, {
			executablePath: CHROMIUM,
			headless: true,
			chromiumSandbox: false,
			viewport: { width: 1440, height: 1100 },
			deviceScaleFactor: 1,
			permissions: ['clipboard-read', 'clipboard-write'],
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
		page = session.browser.pages()[0] || (await session.browser.newPage());
		page.setDefaultTimeout(30000);
		session.page = page;

		// Sign in through the real sign-in form. On a loaded machine the editor's first page load
		// can take longer than a locator timeout, so the page is loaded again up to three times.
		const emailInput = page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first();
		for (let attempt = 1; ; attempt++) {
			await page.goto(`${session.server.url}/signin`, { waitUntil: 'load', timeout: 60000 });
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
	}

	/** Saves a screenshot (of `locator`, or the page) as docs/images/<name>. */
	async function shot(name, locator) {
		fs.mkdirSync(IMAGES, { recursive: true });
		const file = path.join(IMAGES, name);
		if (locator) await locator.screenshot({ path: file });
		else await page.screenshot({ path: file });
		log(`screenshot ${path.relative(n8n.REPO, file)}`);
	}

	/** A full-page screenshot in the temp folder, for a failing test. */
	async function debugShot(name) {
		try {
			const dir = path.join(os.tmpdir(), 'braze-editor-debug');
			fs.mkdirSync(dir, { recursive: true });
			await page.screenshot({ path: path.join(dir, name), fullPage: true });
			log(`debug screenshot ${path.join(dir, name)}`);
		} catch {}
	}

	/** Closes the browser, n8n and the stand-in, and removes their folders. */
	async function close() {
		if (session.browser) await session.browser.close().catch(() => {});
		if (session.server) await session.server.stop();
		if (session.standIn) await session.standIn.close();
		for (const d of [session.userFolder, session.profileDir])
			if (d && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(d, { recursive: true, force: true });
	}

	/** Opens workflow `workflowId` and the node named `nodeName`; returns the node panel. */
	async function openNode(workflowId, nodeName) {
		await page.goto(`${session.server.url}/workflow/${workflowId}`);
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
		await node.waitFor({ state: 'visible', timeout: 60000 });
		await dismissOverlays();
		await node.dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ state: 'visible' });
		return ndv;
	}

	/**
	 * Opens workflow `workflowId` and adds a Braze node as a user does: the node creator's + (or
	 * Tab), search "Braze", then the action named `action`. Returns the new node's open panel.
	 */
	async function addBrazeNode(workflowId, action) {
		await page.goto(`${session.server.url}/workflow/${workflowId}`);
		await page
			.locator('[data-test-id="canvas-node"]')
			.first()
			.waitFor({ state: 'visible', timeout: 60000 });
		await dismissOverlays();
		const plus = page.locator('[data-test-id="node-creator-plus-button"]').first();
		if (await plus.isVisible().catch(() => false)) await plus.click();
		else await page.keyboard.press('Tab');
		const search = page
			.locator(
				'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
			)
			.first();
		await search.waitFor();
		await search.fill('Braze');
		await page
			.locator('[data-test-id="node-creator-item-name"]')
			.filter({ hasText: /^Braze$/ })
			.first()
			.click();
		await page
			.locator('[data-test-id="node-creator"]')
			.getByText(action, { exact: true })
			.first()
			.click();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ state: 'visible' });
		return ndv;
	}

	/**
	 * Opens the dropdown of `field` (a locator) and returns its entries. A list closed a moment
	 * earlier stays visible while it fades out; its entries must not be taken for this list's.
	 */
	async function openList(field) {
		await page.locator(OPTIONS).first().waitFor({ state: 'hidden' });
		await field.scrollIntoViewIfNeeded();
		await field.click();
		const items = page.locator(OPTIONS);
		await items.first().waitFor({ state: 'visible' });
		return items;
	}

	/** Closes the open dropdown (Escape) and waits until it is gone. */
	async function closeList() {
		await page.keyboard.press('Escape');
		await page.locator(OPTIONS).first().waitFor({ state: 'hidden' });
	}

	/** Visible parameter labels in the open node panel. */
	async function ndvLabels() {
		const ndv = page.locator('[data-test-id="ndv"]');
		return ndv
			.locator('[data-test-id="parameter-input-label"], .n8n-input-label, label')
			.allInnerTexts();
	}

	/** Closes the editor's tips and notices that cover the canvas. */
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
}

module.exports = { startEditorSession, IMAGES, OWNER, OPTIONS, log };
