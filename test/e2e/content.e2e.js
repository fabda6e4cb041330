'use strict';
// End-to-end: Email Template, Content Block, KPI and Custom Event in a real n8n 2.x (the packed
// package installed as a community package), run with `n8n execute` against the Braze stand-in:
// what one Braze node makes, the next reads back through its pick-list field given By ID; then
// the new panels in the editor (headless Chromium): the Content Block pick-list lists the
// stand-in's blocks, and Custom Event › Get Analytics shows its series fields.
// Runs only with BRAZE_E2E=1 (`npm run test:e2e`): a bare `node --test` at the repo root picks up
// every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { ensureInstalled } = require('../../scripts/e2e-install');
const n8n = require('../../scripts/lib/n8n');
const { startEditorSession } = require('./editorSession');

const CREDENTIAL = 'BrazeStandIn0001';
const log = (...a) => console.log('#', ...a);

const start = { parameters: {}, id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };

/** A Braze node of version 2 (what a new node is) named `name`. */
function braze(name, parameters, x) {
	return {
		parameters,
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: n8n.NODE_TYPE,
		typeVersion: 2,
		position: [x, 0],
		credentials: { brazeApi: { id: CREDENTIAL, name: 'Braze (local stand-in)' } },
	};
}

function workflow(id, name, nodes) {
	const connections = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' }, pinData: {} };
}

const byIdFrom = (expression) => ({ __rl: true, mode: 'id', value: expression });

const WORKFLOWS = {
	block: workflow('BrazeContentBlk1', 'E2E: Content Block Create then Get', [
		start,
		braze('Create block', {
			resource: 'contentBlock',
			operation: 'create',
			name: 'order_footer',
			content: '<p>Questions? Reply to this email.</p>',
			additionalFields: { description: 'Footer of order emails', tags: 'commerce, transactional' },
		}, 250),
		braze('Read it back', {
			resource: 'contentBlock',
			operation: 'get',
			contentBlockId: byIdFrom('={{ $json.content_block_id }}'),
		}, 500),
	]),
	template: workflow('BrazeTemplate001', 'E2E: Email Template Create, Update, Get Many', [
		start,
		braze('Create template', {
			resource: 'emailTemplate',
			operation: 'create',
			templateName: 'Order Shipped',
			subject: 'Your order is on its way',
			body: '<p>Hi {{${first_name}}}, {{content_blocks.${email_footer}}}</p>',
			additionalFields: { tags: 'transactional', shouldInlineCss: true },
		}, 250),
		braze('Change the subject', {
			resource: 'emailTemplate',
			operation: 'update',
			emailTemplateId: byIdFrom('={{ $json.email_template_id }}'),
			updateFields: { subject: 'Shipped!' },
		}, 500),
		braze('List templates', { resource: 'emailTemplate', operation: 'getMany', returnAll: true }, 750),
	]),
	events: workflow('BrazeEventsKpi01', 'E2E: Custom Event names, then each one counted', [
		start,
		braze('Event names', { resource: 'customEvent', operation: 'getMany', limit: 2 }, 250),
		braze('Count each', {
			resource: 'customEvent',
			operation: 'getAnalytics',
			event: '={{ $json.name }}',
			length: 3,
			endingAt: '2026-03-10T00:00:00Z',
		}, 500),
	]),
	kpi: workflow('BrazeKpiDaily001', 'E2E: KPI daily active users', [
		start,
		braze('Daily active users', { resource: 'kpi', operation: 'get', metric: 'dau', length: 7 }, 250),
	]),
};

let standIn;
let userFolder;
let setupError;

before(async () => {
	try {
		const t0 = Date.now();
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-content-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url)]);
		await n8n.importWorkflows(userFolder, Object.values(WORKFLOWS));
		log(`setup done in ${Math.round((Date.now() - t0) / 1000)}s`);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

async function run(key) {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
	standIn.reset();
	const t0 = Date.now();
	const { run: out, result } = await n8n.executeWorkflow(WORKFLOWS[key].id, { userFolder });
	log(`n8n execute --id=${WORKFLOWS[key].id}: exit ${result.code} in ${Date.now() - t0} ms`);
	if (!out) throw new Error(`n8n execute printed no run JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
	const error = out.data?.resultData?.error;
	assert.equal(error, undefined, JSON.stringify(error));
	return out;
}

const calls = () => standIn.requests.map((r) => `${r.method} ${r.path}`);

describe('templates, content blocks, KPIs and custom events in a real n8n', { concurrency: false }, () => {
	it('Content Block › Create, then Get By ID from the created block: the block as created', async () => {
		const out = await run('block');
		assert.deepEqual(calls(), ['POST /content_blocks/create', 'GET /content_blocks/info']);
		assert.deepEqual(standIn.requests[0].body, {
			name: 'order_footer',
			content: '<p>Questions? Reply to this email.</p>',
			description: 'Footer of order emails',
			tags: ['commerce', 'transactional'],
		});
		const [created] = n8n.nodeItems(out, 'Create block');
		assert.equal(created.liquid_tag, '{{content_blocks.${order_footer}}}');
		assert.equal(standIn.requests[1].query.content_block_id, created.content_block_id);
		const [read] = n8n.nodeItems(out, 'Read it back');
		assert.deepEqual(read, {
			content_block_id: created.content_block_id,
			name: 'order_footer',
			content: '<p>Questions? Reply to this email.</p>',
			content_type: 'html',
			description: 'Footer of order emails',
			tags: ['commerce', 'transactional'],
			inclusion_count: 0,
			created_at: created.created_at,
			last_edited: created.created_at,
		});
	});

	it('Email Template › Create, Update By ID, Get Many: the new template is listed', async () => {
		const out = await run('template');
		assert.deepEqual(calls(), ['POST /templates/email/create', 'POST /templates/email/update', 'GET /templates/email/list']);
		assert.equal(standIn.requests[0].body.should_inline_css, true);
		assert.deepEqual(standIn.requests[0].body.tags, ['transactional']);
		const [created] = n8n.nodeItems(out, 'Create template');
		assert.deepEqual(standIn.requests[1].body, { email_template_id: created.email_template_id, subject: 'Shipped!' });
		assert.deepEqual(n8n.nodeItems(out, 'Change the subject'), [{ email_template_id: created.email_template_id, message: 'success' }]);
		assert.deepEqual(standIn.requests[2].query, { limit: '1000', offset: '0' });
		const listed = n8n.nodeItems(out, 'List templates');
		assert.equal(listed.length, 4);
		assert.equal(listed.at(-1).email_template_id, created.email_template_id);
		assert.equal(listed.at(-1).template_name, 'Order Shipped');
	});

	it('Custom Event › Get Many (Limit 2), then Get Analytics for each name: three days each', async () => {
		const out = await run('events');
		assert.deepEqual(calls(), ['GET /events/list', 'GET /events/data_series', 'GET /events/data_series']);
		assert.deepEqual(n8n.nodeItems(out, 'Event names'), [{ name: 'added_to_cart' }, { name: 'completed_order' }]);
		const counts = n8n.nodeItems(out, 'Count each');
		assert.deepEqual(
			counts.map((c) => [c.event, c.time]),
			[
				['added_to_cart', '2026-03-08'],
				['added_to_cart', '2026-03-09'],
				['added_to_cart', '2026-03-10'],
				['completed_order', '2026-03-08'],
				['completed_order', '2026-03-09'],
				['completed_order', '2026-03-10'],
			],
		);
		assert.ok(counts.every((c) => Number.isInteger(c.count)));
	});

	it('KPI › Get daily active users: one item per day for the last 7 days (UTC)', async () => {
		const out = await run('kpi');
		assert.deepEqual(calls(), ['GET /kpi/dau/data_series']);
		assert.equal(standIn.requests[0].query.length, '7');
		assert.match(standIn.requests[0].query.ending_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const days = n8n.nodeItems(out, 'Daily active users');
		assert.equal(days.length, 7);
		assert.equal(days.at(-1).time, new Date().toISOString().slice(0, 10));
		assert.ok(days.every((d) => Number.isInteger(d.dau)));
	});
});

describe('the new panels in the n8n editor (headless Chromium)', { concurrency: false }, () => {
	const EMPTY = workflow('BrazeContentEdit', 'E2E: add a Braze node', [start]);
	let session;
	let editorError;
	before(async () => {
		try {
			session = await startEditorSession({ workflows: [EMPTY], prefix: 'n8n-braze-editor-content-' });
		} catch (e) {
			editorError = e;
		}
	});
	after(async () => {
		if (session) await session.close();
	});
	/** Adds a Braze node with `action`; once more if the node creator did not open on a cold page. */
	async function addNode(action) {
		try {
			return await session.addBrazeNode(EMPTY.id, action);
		} catch (e) {
			session.log(`node creator did not open (${e.message.split('\n')[0]}): once more`);
			return await session.addBrazeNode(EMPTY.id, action);
		}
	}
	/** The panel's field labels, without the Fixed / Expression switch under each. */
	const labelsOf = async () => (await session.ndvLabels()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
	const ready = () => {
		if (editorError) throw new Error(`editor setup failed: ${editorError.message.split('\n')[0]}`);
	};

	it("Content Block › Get: From List lists the workspace's blocks by name; picking one fills the field", async () => {
		ready();
		const { page, shot, debugShot } = session;
		try {
			const ndv = await addNode('Get a content block');
			const field = ndv.locator('[data-test-id="parameter-item"]').filter({ hasText: 'Content Block' }).first();
			await field.waitFor();
			await field.locator('[data-test-id="rlc-input"]').first().click();
			const items = page.locator('[data-test-id="rlc-item"]');
			await items.filter({ hasText: 'spring_promo' }).first().waitFor({ state: 'visible', timeout: 30000 });
			assert.deepEqual((await items.allInnerTexts()).map((t) => t.trim()), ['email_footer', 'spring_promo']);
			await page.mouse.move(0, 0);
			await shot('content-block-get-list.png', ndv);
			await items.filter({ hasText: 'spring_promo' }).first().click();
			const labels = await labelsOf();
			for (const label of ['Content Block', 'Include Inclusion Data', 'Output']) {
				assert.ok(labels.includes(label), `${label} is shown (labels: ${labels.join(', ')})`);
			}
			assert.ok(session.standIn.requests.some((r) => r.path === '/content_blocks/list' && !('offset' in r.query)));
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('content-block-get-failed.png');
			throw e;
		}
	});

	it('Custom Event › Get Analytics: Event Name, Length, Unit, Ending At, Filters, in that order', async () => {
		ready();
		const { page, shot, debugShot } = session;
		try {
			const ndv = await addNode('Get analytics of a custom event');
			await ndv.getByText('Event Name', { exact: true }).first().waitFor();
			const labels = await labelsOf();
			const order = ['Event Name', 'Length', 'Unit', 'Ending At', 'Filters'].map((label) => labels.indexOf(label));
			assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `labels: ${labels.join(', ')}`);
			await page.mouse.move(0, 0);
			await shot('custom-event-analytics.png', ndv);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('custom-event-analytics-failed.png');
			throw e;
		}
	});
});
