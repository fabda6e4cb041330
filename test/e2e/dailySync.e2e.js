'use strict';
// End-to-end: examples/daily-unsubscribe-sync.json in a real n8n 2.x (the packed package
// installed as a community package), against the Braze stand-in. A Schedule Trigger fires on the
// clock, which a test cannot wait for, so the run starts where `n8n execute --id` starts every
// workflow: at the example's Manual Trigger, wired to the same Braze node. What the schedule
// would pass on is checked from the workflow itself (its rule and its connection). Then the
// example's Braze node is opened in the editor (headless Chromium), and its panel kept as
// docs/images/email-get-many-unsubscribes.png.
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
const { startEditorSession } = require('./editorSession');

const EXAMPLE = 'daily-unsubscribe-sync.json';
const WORKFLOW_ID = 'BrazeExDailySync01';
const BRAZE_NODE = "Yesterday's unsubscribes";
const CRM_NODE = 'Mark unsubscribed in the CRM';
const log = (...a) => console.log('#', ...a);
const DAY = 24 * 3600 * 1000;

let standIn;
let userFolder;
let setupError;
let session;
let editorError;

/** YYYY-MM-DD of the UTC day `days` from today. */
const utcDay = (days) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY).toISOString().slice(0, 10);
/** An unsubscribe `minutes` after midnight UTC at the start of `day`. */
const unsubscribe = (email, day, minutes) => ({
	email,
	unsubscribed_at: new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60000).toISOString().replace('.000Z', 'Z'),
});

before(async () => {
	try {
		const t0 = Date.now();
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		// The editor's session packs the package too: right after this pack, while dist/ is the same.
		try {
			session = await startEditorSession({
				workflows: [n8n.loadExample(EXAMPLE)],
				prefix: 'n8n-braze-editor-sync-',
			});
		} catch (e) {
			editorError = e;
		}
		userFolder = n8n.makeUserFolder('n8n-braze-sync-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url)]);
		await n8n.importWorkflows(userFolder, [n8n.loadExample(EXAMPLE)]);
		log(`setup done in ${Math.round((Date.now() - t0) / 1000)}s`);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (session) await session.close();
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

describe('the daily unsubscribe sync example in a real n8n', { concurrency: false }, () => {
	it("copies yesterday's unsubscribes (UTC), all 620 over 2 pages, oldest first, one CRM update each", async () => {
		if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
		const yesterday = utcDay(-1);
		const today = utcDay(0);
		standIn.reset();
		const expected = Array.from({ length: 620 }, (_, i) => unsubscribe(`contact-${i}@example.com`, yesterday, i * 2));
		standIn.seedList('email.unsubscribes', [
			unsubscribe('before@example.com', utcDay(-2), 23 * 60 + 59),
			...expected,
			unsubscribe('today@example.com', today, 1),
		]);
		const t0 = Date.now();
		const { run: out, result } = await n8n.executeWorkflow(WORKFLOW_ID, { userFolder });
		log(`n8n execute --id=${WORKFLOW_ID}: exit ${result.code} in ${Date.now() - t0} ms`);
		assert.ok(out, `n8n execute printed no run JSON (exit ${result.code})\n${result.stderr}`);
		assert.equal(out.data.resultData.error, undefined, JSON.stringify(out.data.resultData.error));

		// Braze's offset paging: 500, then the 120 left (a short page ends the list).
		assert.deepEqual(
			standIn.requests.map((r) => [r.method, r.path, r.status, r.query]),
			[0, 500].map((offset) => [
				'GET',
				'/email/unsubscribes',
				200,
				{ start_date: yesterday, end_date: today, sort_direction: 'asc', limit: '500', offset: String(offset) },
			]),
		);
		const read = n8n.nodeItems(out, BRAZE_NODE);
		assert.equal(read.length, 620);
		assert.deepEqual(read[0], expected[0]);

		// What reached the CRM node: one update per address, in order, and nothing from other days.
		const crm = n8n.nodeItems(out, CRM_NODE);
		assert.deepEqual(
			crm.map((item) => item.email),
			expected.map((record) => record.email),
		);
		assert.deepEqual(crm[619], {
			email: 'contact-619@example.com',
			emailOptIn: false,
			unsubscribedAt: expected[619].unsubscribed_at,
			source: 'braze',
		});
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('no unsubscribes yesterday: one request, and the CRM node does not run', async () => {
		if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
		standIn.reset();
		const { run: out } = await n8n.executeWorkflow(WORKFLOW_ID, { userFolder });
		assert.ok(out, 'n8n execute printed no run JSON');
		assert.equal(out.data.resultData.error, undefined);
		assert.equal(standIn.requests.length, 1);
		assert.deepEqual(n8n.nodeItems(out, BRAZE_NODE), []);
		assert.equal(n8n.nodeItems(out, CRM_NODE), undefined);
	});

	it('the Schedule Trigger fires daily at 06:00 in the workflow time zone (UTC) and feeds the same Braze node', () => {
		const workflow = n8n.loadExample(EXAMPLE);
		const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
		assert.deepEqual(schedule.parameters.rule.interval, [{ field: 'days', triggerAtHour: 6 }]);
		assert.equal(workflow.settings.timezone, 'UTC');
		assert.deepEqual(workflow.connections[schedule.name].main[0], [{ node: BRAZE_NODE, type: 'main', index: 0 }]);
		const manual = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		assert.deepEqual(workflow.connections[manual.name].main[0], workflow.connections[schedule.name].main[0]);
		// The dates come from $now, not from the trigger's output: both triggers ask for the same day.
		const braze = workflow.nodes.find((node) => node.name === BRAZE_NODE);
		assert.doesNotMatch(JSON.stringify(braze.parameters), /\$json/);
		assert.ok(fs.existsSync(path.join(__dirname, '../../examples', EXAMPLE)));
	});
});

describe('the example in the n8n editor', { concurrency: false }, () => {
	it("the Braze node reads as Email › Get Many Unsubscribes: Filters with yesterday and today, Sort, Return All (no Limit)", async () => {
		if (setupError || editorError) throw setupError || editorError;
		const { page } = session;
		const ndv = await session.openNode(WORKFLOW_ID, BRAZE_NODE);
		const labels = (await session.ndvLabels()).map((label) => label.split('\n')[0].trim());
		for (const label of ['Resource', 'Operation', 'Filters', 'Start Date', 'End Date', 'Sort', 'Direction', 'Return All', 'Options']) {
			assert.ok(labels.includes(label), `the panel shows ${label}: ${JSON.stringify(labels)}`);
		}
		assert.ok(!labels.includes('Limit'), 'Return All is on, so Limit is hidden');
		const values = await ndv.locator('input').evaluateAll((inputs) => inputs.map((input) => input.value));
		assert.ok(values.includes('Email') && values.includes('Get Many Unsubscribes'), JSON.stringify(values));
		const text = await ndv.innerText();
		assert.match(text, /\$now\.toUTC\(\)\.minus\(\{ days: 1 \}\)\.toISODate\(\)/);
		await session.shot('email-get-many-unsubscribes.png', ndv);
		await page.keyboard.press('Escape');
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${BRAZE_NODE}"]`);
		assert.match(await node.innerText(), /Get Many Unsubscribes: Email/);
	});
});
