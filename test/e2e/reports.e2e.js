'use strict';
// End-to-end: the report operations (Segment, Campaign, Canvas Journey and Send ID reads) in a
// real n8n 2.x, the packed package installed as a community package, each workflow run with
// `n8n execute` against the Braze stand-in: the daily Slack report example, Campaign › Get Many
// chained into Campaign › Get Analytics, and the other reads side by side; then the Campaign and
// Canvas report panels in the editor (headless Chromium), with screenshots for docs/reports.md.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
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

const CRED = 'BrazeStandIn0001';
const log = (...a) => console.log('#', ...a);
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

function node(name, parameters, x, type = n8n.NODE_TYPE, typeVersion = 2) {
	const braze = type === n8n.NODE_TYPE;
	return {
		parameters,
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion,
		position: [x, 0],
		...(braze ? { credentials: { brazeApi: { id: CRED, name: 'Braze (local stand-in)' } } } : {}),
	};
}
const start = { parameters: {}, id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
const to = (...names) => ({ main: [names.map((name) => ({ node: name, type: 'main', index: 0 }))] });

/** Campaign › Get Many (3) → Campaign › Get Analytics for each, by its id. */
const listThenAnalytics = {
	id: 'BrazeE2eReports01',
	name: 'e2e: campaigns then their analytics',
	nodes: [
		start,
		node('Campaigns', { resource: 'campaign', operation: 'getMany', limit: 3, sort: { sortDirection: 'asc' } }, 250),
		node(
			'Analytics',
			{
				resource: 'campaign',
				operation: 'getAnalytics',
				campaignId: rl('={{ $json.id }}'),
				length: 2,
				endingAt: '2026-03-10T23:59:59Z',
				options: {},
			},
			500,
		),
		node('Row', { assignments: { assignments: [{ id: 'n', name: 'campaignName', value: "={{ $('Campaigns').item.json.name }}", type: 'string' }] }, includeOtherFields: true, options: {} }, 750, 'n8n-nodes-base.set', 3.4),
	],
	connections: { Start: to('Campaigns'), Campaigns: to('Analytics'), Analytics: to('Row') },
	active: false,
	settings: { executionOrder: 'v1' },
};

/** The other reads, side by side after one trigger. */
const otherReads = {
	id: 'BrazeE2eReports02',
	name: 'e2e: segment, Canvas and send reads',
	nodes: [
		start,
		node('Segment size', { resource: 'segment', operation: 'getAnalytics', segmentId: rl('seg-vip-0002', 'list'), length: 3, endingAt: '2026-03-10', options: {} }, 250),
		node('Canvas week', { resource: 'canvas', operation: 'getSummary', canvasId: rl('cnv-cart-0002', 'list'), length: 7, endingAt: '2026-03-10T23:59:59Z', breakdown: { variants: true }, options: {} }, 250),
		node('Canvas details', { resource: 'canvas', operation: 'get', canvasId: rl('cnv-onboard-0001'), options: {} }, 250),
		node('Send numbers', { resource: 'sendId', operation: 'getAnalytics', campaignId: rl('cmp-order-0002', 'list'), sendId: 'spring-sale', length: 2, options: {} }, 250),
	],
	connections: { Start: to('Segment size', 'Canvas week', 'Canvas details', 'Send numbers') },
	active: false,
	settings: { executionOrder: 'v1' },
};

/** A Canvas report node as a user leaves it, for the editor's panel. */
const canvasPanel = {
	id: 'BrazeE2eReports03',
	name: 'e2e: a Canvas report panel',
	nodes: [
		start,
		node('Canvas days', { resource: 'canvas', operation: 'getAnalytics', canvasId: rl('cnv-cart-0002'), rangeBy: 'startingAt', startingAt: '2026-03-01T00:00:00Z', endingAt: '2026-03-08T00:00:00Z', breakdown: { variants: true }, options: {} }, 250),
	],
	connections: { Start: to('Canvas days') },
	active: false,
	settings: { executionOrder: 'v1' },
};

let standIn;
let userFolder;
let setupError;
let session;
let editorError;

async function run(id) {
	standIn.reset();
	const t0 = Date.now();
	const { run: out, result } = await n8n.executeWorkflow(id, { userFolder });
	log(`n8n execute --id=${id}: exit ${result.code} in ${Date.now() - t0} ms`);
	if (!out) throw new Error(`n8n execute printed no run JSON (exit ${result.code})\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
	const error = out.data?.resultData?.error;
	assert.equal(error, undefined, JSON.stringify(error));
	return out;
}
const requests = (p) => standIn.requests.filter((r) => r.path === p);
/** Each counter of a day's messages summed over channels and variations, as message_totals is. */
function totals(messages) {
	const sum = {};
	for (const variations of Object.values(messages)) {
		for (const variation of variations) {
			for (const [key, value] of Object.entries(variation)) if (typeof value === 'number') sum[key] = (sum[key] || 0) + value;
		}
	}
	return sum;
}

before(async () => {
	try {
		const t0 = Date.now();
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-reports-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url, 'local-dev-key', CRED, 'Braze (local stand-in)')]);
		await n8n.importWorkflows(userFolder, [n8n.loadExample('campaign-daily-report.json'), listThenAnalytics, otherReads]);
		log(`setup done in ${Math.round((Date.now() - t0) / 1000)}s`);
	} catch (e) {
		setupError = e;
	}
	// The editor's n8n starts now too: it packs the same build, while no other build has replaced it.
	try {
		session = await startEditorSession({
			workflows: [n8n.loadExample('campaign-daily-report.json'), canvasPanel],
			prefix: 'n8n-braze-editor-reports-',
		});
	} catch (e) {
		editorError = e;
	}
});
after(async () => {
	if (session) await session.close();
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

describe('report operations in a real n8n', { concurrency: false }, () => {
	it("the daily Slack report example: yesterday's numbers of the campaign, named, in one message", async () => {
		requireSetup();
		const out = await run('BrazeExDailyReport');
		const [details] = requests('/campaigns/details');
		assert.deepEqual(details.query, { campaign_id: 'cmp-welcome-0001' });
		const [series] = requests('/campaigns/data_series');
		assert.equal(series.query.campaign_id, 'cmp-welcome-0001');
		assert.equal(series.query.length, '1');
		assert.match(series.query.ending_at, /^\d{4}-\d{2}-\d{2}T23:59:59Z$/);
		assert.equal(series.headers.authorization, 'Bearer local-dev-key');
		const [day] = series.response.data;
		const [braze] = n8n.nodeItems(out, "Yesterday's numbers");
		assert.deepEqual(Object.keys(braze), ['campaign_id', 'time', 'unique_recipients', 'conversions', 'conversions_by_send_time', 'revenue', 'message_totals']);
		assert.deepEqual(braze.message_totals, totals(day.messages));
		const [slack] = n8n.nodeItems(out, 'Slack message');
		const sum = totals(day.messages);
		assert.equal(
			slack.text,
			`*Welcome Series* on ${day.time}: ${sum.sent} sent, ${sum.unique_opens} unique opens, ${sum.unique_clicks} unique clicks, ${day.conversions} conversions, ${day.revenue} revenue`,
		);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'no key in the run');
	});

	it('Campaign › Get Many → Get Analytics: one item per campaign and day, paired to its campaign', async () => {
		requireSetup();
		const out = await run('BrazeE2eReports01');
		assert.deepEqual(requests('/campaigns/list').map((r) => r.query), [{ page: '0', sort_direction: 'asc' }]);
		const asked = requests('/campaigns/data_series');
		assert.deepEqual(asked.map((r) => r.query.campaign_id), ['cmp-welcome-0001', 'cmp-order-0002', 'cmp-winback-0003']);
		for (const r of asked) assert.equal(r.query.ending_at, '2026-03-10T23:59:59Z');
		const rows = n8n.nodeItems(out, 'Row');
		assert.deepEqual(
			rows.map((row) => [row.campaignName, row.campaign_id, row.time]),
			[
				['Welcome Series', 'cmp-welcome-0001', '2026-03-09'],
				['Welcome Series', 'cmp-welcome-0001', '2026-03-10'],
				['Order Shipped', 'cmp-order-0002', '2026-03-09'],
				['Order Shipped', 'cmp-order-0002', '2026-03-10'],
				['Win-back Offer', 'cmp-winback-0003', '2026-03-09'],
				['Win-back Offer', 'cmp-winback-0003', '2026-03-10'],
			],
		);
		assert.equal(rows[0].unique_recipients, asked[0].response.data[0].unique_recipients);
	});

	it('Segment › Get Analytics, Canvas Journey › Get Summary and Get, Send ID › Get Analytics', async () => {
		requireSetup();
		const out = await run('BrazeE2eReports02');
		assert.deepEqual(
			n8n.nodeItems(out, 'Segment size').map((item) => [item.segment_id, item.time]),
			[
				['seg-vip-0002', '2026-03-08'],
				['seg-vip-0002', '2026-03-09'],
				['seg-vip-0002', '2026-03-10'],
			],
		);
		const [summaryRequest] = requests('/canvas/data_summary');
		assert.deepEqual(summaryRequest.query, { canvas_id: 'cnv-cart-0002', length: '7', ending_at: '2026-03-10T23:59:59Z', include_variant_breakdown: 'true' });
		const [week] = n8n.nodeItems(out, 'Canvas week');
		assert.equal(week.canvas_id, 'cnv-cart-0002');
		assert.deepEqual(week.total_stats, summaryRequest.response.data.total_stats);
		assert.equal(Object.keys(week.variant_stats).length, 2);
		const [canvas] = n8n.nodeItems(out, 'Canvas details');
		assert.equal(canvas.canvas_id, 'cnv-onboard-0001');
		assert.equal(canvas.name, 'Onboarding Journey');
		assert.equal(canvas.steps, undefined, 'Simplified by default');
		const sends = n8n.nodeItems(out, 'Send numbers');
		assert.equal(sends.length, 2);
		assert.deepEqual(sends.map((item) => [item.campaign_id, item.send_id]), [
			['cmp-order-0002', 'spring-sale'],
			['cmp-order-0002', 'spring-sale'],
		]);
		assert.match(requests('/sends/data_series')[0].query.ending_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});
});

/** The lines of the open node panel (labels, values, hints), trimmed. */
async function panelLines(ndv) {
	const text = await ndv.innerText();
	return text.split('\n').map((line) => line.trim());
}

describe('report panels in the n8n editor (headless Chromium)', { concurrency: false }, () => {
	function requireEditor() {
		if (editorError) throw editorError;
	}

	it("Campaign › Get Analytics: Campaign ID, Length, Ending At, Output and Options; nothing of Trigger's", async () => {
		requireEditor();
		try {
			const ndv = await session.openNode('BrazeExDailyReport', "Yesterday's numbers");
			await ndv.getByText('Ending At').first().waitFor();
			await session.page.mouse.move(0, 0);
			const labels = await panelLines(ndv);
			for (const label of ['Campaign ID', 'Length', 'Ending At', 'Output', 'Options']) {
				assert.ok(labels.includes(label), `the panel shows "${label}" (${labels.join(', ')})`);
			}
			for (const label of ['Trigger Properties', 'External User IDs', 'Return All', 'Simplify']) {
				assert.ok(!labels.includes(label), `the panel has no "${label}"`);
			}
			await session.shot('campaign-get-analytics.png', ndv);
		} catch (e) {
			await session.debugShot('campaign-get-analytics-failed.png');
			throw e;
		}
	});

	it('Canvas Journey › Get Analytics: Period, Starting At, Ending At and Breakdown', async () => {
		requireEditor();
		try {
			const ndv = await session.openNode('BrazeE2eReports03', 'Canvas days');
			await ndv.getByText('Breakdown').first().waitFor();
			await session.page.mouse.move(0, 0);
			const labels = await panelLines(ndv);
			for (const label of ['Canvas ID', 'Period', 'Starting At', 'Ending At', 'Breakdown']) {
				assert.ok(labels.includes(label), `the panel shows "${label}" (${labels.join(', ')})`);
			}
			assert.ok(!labels.includes('Length'), 'From a Start Time hides Length');
			await session.shot('canvas-get-analytics.png', ndv);
		} catch (e) {
			await session.debugShot('canvas-get-analytics-failed.png');
			throw e;
		}
	});
});
