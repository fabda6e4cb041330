'use strict';
// End-to-end: the Braze Trigger in a real n8n 2.x (`n8n start`), the packed package installed as a
// community package, the workflow published so that its PRODUCTION webhook URL answers. A
// transactional send at the Braze stand-in gives the event Braze would post back; it is POSTed to
// the production URL with the secret, and the next node's input is read from the execution n8n
// saved (REST), not from the HTTP status. Refused requests must leave no execution.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1).
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ensureInstalled } = require('../../scripts/e2e-install');
const { paths } = require('../../scripts/lib/cache');
const n8n = require('../../scripts/lib/n8n');
const { setFields, wf } = require('./workflows');

const OWNER = {
	email: 'e2e@example.com',
	password: 'E2e-pass-1234',
	firstName: 'E2E',
	lastName: 'Tester',
};
const SECRET = 'e2e-postback-secret-5f0c9a7d3e21b84c';
const WORKFLOW_ID = 'BrazeE2eTrigger001';
const WEBHOOK_ID = '0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa001';
const log = (...a) => console.log('#', ...a);

// examples/transactional-email-bounce.json: an order's transactional email, and its bounce.
const EXAMPLE_ID = 'BrazeExTxBounce001';
const EXAMPLE_TRIGGER_WEBHOOK_ID = '5c1e7a44-93b2-4d0e-8f61-2a7b9c3d4e02';

// A webhook → Transactional Email › Send with the automatic key: for n8n's Retry of a failed execution.
const RETRY_WORKFLOW_ID = 'BrazeE2eTxRetry001';
const RETRY_PATH = 'tx-retry';
const retryWorkflow = () =>
	wf(RETRY_WORKFLOW_ID, 'e2e: transactional email, automatic key, Retry of the execution', [
		{
			parameters: { httpMethod: 'POST', path: RETRY_PATH, responseMode: 'onReceived', options: {} },
			id: 'order-webhook',
			name: 'Order',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa003',
		},
		{
			parameters: {
				resource: 'transactional',
				operation: 'send',
				transactionalCampaignId: { __rl: true, mode: 'id', value: 'cmp-order-0002' },
				identifyBy: 'externalId',
				externalId: '={{ $json.body.customer }}',
				options: {},
			},
			id: 'braze',
			name: 'Braze',
			type: `${n8n.PACKAGE_NAME}.braze`,
			typeVersion: 1,
			position: [200, 0],
			credentials: { brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' } },
		},
		setFields('Next', { dispatchId: '={{ $json.dispatch_id }}' }, 400),
	]);

const BOUNCES_WORKFLOW_ID = 'BrazeE2eTrigBounce1';
const BOUNCES_WEBHOOK_ID = '0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa002';

// A workflow whose credential's secret is too short: n8n's activation refuses it (checkExists).
const WEAK_WORKFLOW_ID = 'BrazeE2eTrigWeak01';
const WEAK_WEBHOOK_ID = '0f3b8d0e-2c47-4a61-9b5e-6d7c8e9fa004';
const WEAK_CREDENTIAL = { id: 'BrazePostbackWeak1', name: 'Braze postback weak secret' };

/** Braze Trigger → a Set node that reads the lifted fields, as a user's workflow would. */
const triggerWorkflow = (
	id,
	webhookId,
	parameters,
	credential = { id: 'BrazePostback0001', name: 'Braze postback secret' },
) =>
	wf(id, `e2e: Braze Trigger → next node (${id})`, [
		{
			parameters,
			id: 'braze-trigger',
			name: 'Braze Trigger',
			type: `${n8n.PACKAGE_NAME}.brazeTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			credentials: { brazePostbackApi: credential },
		},
		setFields('Next', { order: '={{ $json.external_send_id }}', emailStatus: '={{ $json.status }}' }, 200),
	]);

let standIn;
let server;
let userFolder;
let setupError;
let webhookUrl;

before(async () => {
	try {
		await ensureInstalled();
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-trigger-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [
			n8n.brazeCredential(standIn.url),
			{
				id: 'BrazePostback0001',
				name: 'Braze postback secret',
				type: 'brazePostbackApi',
				data: { secret: SECRET, user: 'braze' },
			},
			{ ...WEAK_CREDENTIAL, type: 'brazePostbackApi', data: { secret: 'short', user: 'braze' } },
		]);
		await n8n.importWorkflows(userFolder, [
			triggerWorkflow(WORKFLOW_ID, WEBHOOK_ID, {}),
			triggerWorkflow(BOUNCES_WORKFLOW_ID, BOUNCES_WEBHOOK_ID, { events: ['bounced'] }),
			n8n.loadExample('transactional-email-bounce.json'),
			retryWorkflow(),
			triggerWorkflow(WEAK_WORKFLOW_ID, WEAK_WEBHOOK_ID, {}, WEAK_CREDENTIAL),
		]);
		// Published (2.x's "active"): `n8n start` then serves the production webhooks. The CLI only
		// marks a workflow published (it exits 0 for the weak one too); n8n activates them at start.
		for (const id of [WORKFLOW_ID, BOUNCES_WORKFLOW_ID, EXAMPLE_ID, RETRY_WORKFLOW_ID, WEAK_WORKFLOW_ID]) {
			await n8n.publishWorkflow(id, { userFolder });
		}
		const port = await n8n.freePort();
		server = await n8n.startN8nServer({
			userFolder,
			port,
			owner: OWNER,
			env: { N8N_LOG_LEVEL: 'debug' },
		});
		webhookUrl = `${server.url}/webhook/${WEBHOOK_ID}/braze-postback`;
		await waitUntilServing();
		log(`n8n start ready on ${server.url} in ${server.readyMs} ms; production URL ${webhookUrl}`);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (process.env.BRAZE_E2E_DEBUG === '1' && server) log(server.log().slice(-6000));
	if (server) await server.stop();
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1')
		fs.rmSync(userFolder, { recursive: true, force: true });
});

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

// --- n8n's REST API, signed in as the owner

async function rest(pathAndQuery) {
	const r = await n8n.httpJson('GET', `${server.url}/rest${pathAndQuery}`, {
		headers: { cookie: server.owner.cookie, 'browser-id': server.owner.browserId },
	});
	if (r.status !== 200) throw new Error(`GET /rest${pathAndQuery}: ${r.status} ${r.text}`);
	return r.json.data;
}

/** The workflow's executions, oldest first. */
async function executions(workflowId = WORKFLOW_ID) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { results } = await rest(`/executions?filter=${filter}&limit=100`);
	return [...results].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Polls until the workflow has `n` executions, all finished; returns them. */
async function waitForExecutions(n, workflowId = WORKFLOW_ID, timeoutMs = 30000) {
	const t0 = Date.now();
	for (;;) {
		const rows = await executions(workflowId);
		if (rows.length >= n && rows.every((e) => !['new', 'running', 'waiting'].includes(e.status)))
			return rows;
		if (Date.now() - t0 > timeoutMs)
			throw new Error(
				`expected ${n} finished executions, have ${JSON.stringify(rows.map((e) => [e.id, e.status]))}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The run data n8n saved for an execution (stored with `flatted`). */
async function runData(id) {
	const execution = await rest(`/executions/${id}`);
	const { parse } = require(path.join(paths.modules, 'flatted'));
	const data = typeof execution.data === 'string' ? parse(execution.data) : execution.data;
	return { execution, data };
}

const itemsOf = (data, node) =>
	(data.resultData.runData[node]?.[0]?.data?.main?.[0] || []).map((i) => i.json);

/**
 * Waits until this n8n serves what the tests use: the executions list, and both production
 * webhooks answering a request without the secret with the node's own 401 (a 404 means the
 * workflow is not active, or another server holds the port).
 */
async function waitUntilServing(timeoutMs = 30000) {
	const t0 = Date.now();
	let last = '';
	for (;;) {
		const list = await n8n.httpJson('GET', `${server.url}/rest/executions?limit=1`, {
			headers: { cookie: server.owner.cookie, 'browser-id': server.owner.browserId },
		});
		const hooks = await Promise.all(
			[WEBHOOK_ID, BOUNCES_WEBHOOK_ID, EXAMPLE_TRIGGER_WEBHOOK_ID].map((id) =>
				n8n.httpJson('POST', `${server.url}/webhook/${id}/braze-postback`, { body: {} }),
			),
		);
		if (list.status === 200 && hooks.every((r) => r.status === 401)) return;
		last = `executions ${list.status}, webhooks ${hooks.map((r) => r.status).join(' ')}`;
		if (Date.now() - t0 > timeoutMs) throw new Error(`n8n is not serving the trigger: ${last}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The event a transactional send at the stand-in would post back (state.transactionalEvents). */
async function eventFromASend(externalSendId) {
	standIn.reset();
	const r = await n8n.httpJson(
		'POST',
		`${standIn.url}/transactional/v1/campaigns/tx-order-confirmation/send`,
		{
			body: { external_send_id: externalSendId, recipient: { external_user_id: 'user-1042' } },
			headers: { authorization: 'Bearer local-dev-key' },
		},
	);
	assert.equal(r.status, 201, r.text);
	assert.deepEqual(standIn.transactionalEvents.map((e) => e.status), ['sent', 'delivered']);
	return { event: standIn.transactionalEvents[0], dispatchId: r.json.dispatch_id };
}

it('setup: real n8n started with the package installed and the trigger workflow published', () => {
	if (setupError) throw setupError;
});

describe('Braze Trigger on a published workflow in a real n8n', { concurrency: false }, () => {
	it('a postback with the secret reaches the next node: external_send_id lifted, saved in the execution', async () => {
		requireSetup();
		const before = (await executions()).length;
		const { event, dispatchId } = await eventFromASend('order-1042');
		const r = await n8n.httpJson('POST', `${webhookUrl}?token=${SECRET}`, { body: event });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.json, { received: 1, emitted: 1 });
		const rows = await waitForExecutions(before + 1);
		assert.equal(rows.length, before + 1);
		const last = rows[rows.length - 1];
		assert.equal(last.status, 'success');
		assert.equal(last.mode, 'webhook');
		const { data } = await runData(last.id);
		const [emitted] = itemsOf(data, 'Braze Trigger');
		assert.deepEqual(emitted, {
			dispatch_id: dispatchId,
			status: 'sent',
			external_send_id: 'order-1042',
			campaign_api_id: 'tx-order-confirmation',
			event_at: event.metadata.sent_at,
			reason: null,
			sent_at: event.metadata.sent_at,
			metadata: { external_send_id: 'order-1042', campaign_api_id: 'tx-order-confirmation', sent_at: event.metadata.sent_at },
		});
		const next = itemsOf(data, 'Next');
		assert.equal(next.length, 1);
		assert.equal(next[0].order, 'order-1042');
		assert.equal(next[0].emailStatus, 'sent');
		assert.equal(next[0].dispatch_id, dispatchId);
		assert.ok(!JSON.stringify(data).includes(SECRET), 'the secret is not in the execution data');
	});

	it('a list of two events (bounced, delivered) is one execution with two items at the next node', async () => {
		requireSetup();
		const before = (await executions()).length;
		const meta = { external_send_id: 'order-2', campaign_api_id: 'tx-1' };
		const events = [
			{
				dispatch_id: 'd-2',
				status: 'bounced',
				metadata: {
					...meta,
					bounced_at: '2026-11-30T10:00:02.000+00:00',
					reason: '550 5.1.1 unknown',
				},
			},
			{
				dispatch_id: 'd-2',
				status: 'delivered',
				metadata: { ...meta, delivered_at: '2026-11-30T10:00:01.000+00:00' },
			},
		];
		const r = await n8n.httpJson('POST', `${webhookUrl}?token=${SECRET}`, { body: events });
		assert.equal(r.status, 200, r.text);
		const rows = await waitForExecutions(before + 1);
		const { data } = await runData(rows[rows.length - 1].id);
		const next = itemsOf(data, 'Next');
		assert.deepEqual(
			next.map((i) => [i.emailStatus, i.order, i.event_at, i.reason]),
			[
				['bounced', 'order-2', '2026-11-30T10:00:02.000+00:00', '550 5.1.1 unknown'],
				['delivered', 'order-2', '2026-11-30T10:00:01.000+00:00', null],
			],
		);
	});

	it('a wrong secret (403), no secret (401) and a body that is not events (400) start no execution', async () => {
		requireSetup();
		const before = (await executions()).length;
		const { event } = await eventFromASend('order-3');
		const wrong = await n8n.httpJson('POST', `${webhookUrl}?token=not-the-secret-0000000000`, {
			body: event,
		});
		assert.equal(wrong.status, 403, wrong.text);
		const missing = await n8n.httpJson('POST', webhookUrl, { body: event });
		assert.equal(missing.status, 401, missing.text);
		const notEvents = await n8n.httpJson('POST', `${webhookUrl}?token=${SECRET}`, {
			body: { hello: 'world' },
		});
		assert.equal(notEvents.status, 400, notEvents.text);
		assert.match(notEvents.json.error, /has no "dispatch_id"/);
		for (const answer of [wrong, missing, notEvents]) assert.ok(!answer.text.includes(SECRET));
		// A good request afterwards: once its execution is there, every earlier request has been
		// handled, and only this one made an execution.
		const good = await n8n.httpJson('POST', `${webhookUrl}?token=${SECRET}`, { body: event });
		assert.equal(good.status, 200, good.text);
		const rows = await waitForExecutions(before + 1);
		assert.equal(
			rows.length,
			before + 1,
			'only the request with the right secret made an execution',
		);
		const { data } = await runData(rows[rows.length - 1].id);
		assert.equal(itemsOf(data, 'Next')[0].order, 'order-3');
	});

	it('Events › Bounced only: a delivered event is acknowledged (200) and starts nothing; a bounce starts it', async () => {
		requireSetup();
		const url = `${server.url}/webhook/${BOUNCES_WEBHOOK_ID}/braze-postback?token=${SECRET}`;
		const meta = { external_send_id: 'order-4', campaign_api_id: 'tx-1' };
		const delivered = await n8n.httpJson('POST', url, {
			body: { dispatch_id: 'd-4', status: 'delivered', metadata: meta },
		});
		assert.equal(delivered.status, 200, delivered.text);
		assert.deepEqual(delivered.json, { received: 1, emitted: 0 });
		const bounced = await n8n.httpJson('POST', url, {
			body: { dispatch_id: 'd-4', status: 'bounced', metadata: { ...meta, reason: '550' } },
		});
		assert.deepEqual(bounced.json, { received: 1, emitted: 1 });
		const rows = await waitForExecutions(1, BOUNCES_WORKFLOW_ID);
		assert.equal(rows.length, 1, 'only the bounce made an execution');
		const { data } = await runData(rows[0].id);
		assert.deepEqual(
			itemsOf(data, 'Next').map((i) => [i.emailStatus, i.order, i.reason]),
			[['bounced', 'order-4', '550']],
		);
	});

	it('a credential with a weak secret: published from the CLI, n8n does not activate it; its URL answers 404 and starts nothing', async () => {
		requireSetup();
		const url = `${server.url}/webhook/${WEAK_WEBHOOK_ID}/braze-postback?token=short`;
		const r = await n8n.httpJson('POST', url, {
			body: { dispatch_id: 'd-5', status: 'delivered', metadata: {} },
		});
		assert.equal(r.status, 404, r.text);
		// n8n tried to activate it and took its webhook down again (its log says so: n8n 2.x
		// "Deactivating webhook…", n8n 1.x "Issue on initial workflow activation try of…").
		assert.match(
			server.log(),
			new RegExp(`(Deactivating webhook "Braze Trigger" for workflow|Issue on initial workflow activation try of) "[^"]*\\(${WEAK_WORKFLOW_ID}\\)"`),
		);
		assert.equal((await executions(WEAK_WORKFLOW_ID)).length, 0);
	});

	it("the secret is not in n8n's log (debug level)", () => {
		requireSetup();
		assert.ok(server.log().length > 0);
		assert.ok(!server.log().includes(SECRET), 'the secret appears in the server log');
	});
});

describe('example: an order gets its transactional email, its bounce comes back to the order', { concurrency: false }, () => {
	it('order webhook → Transactional Email › Send (key order-<id>); Braze posts sent + bounced; the bounce reaches "Record the bounce on the order"', async () => {
		requireSetup();
		standIn.reset();
		// Braze posts the events to the trigger's Production URL with the secret, as set in its dashboard.
		standIn.setPostbackUrl(`${server.url}/webhook/${EXAMPLE_TRIGGER_WEBHOOK_ID}/braze-postback?token=${SECRET}`);
		try {
			const order = { order: { id: 'A-2002', customerId: 'bounce-crm-2002', firstName: 'Grace', total: '19.90' } };
			const placed = await n8n.httpJson('POST', `${server.url}/webhook/order-placed`, { body: order });
			assert.equal(placed.status, 200, placed.text);
			// Two executions: the order's, and the bounce's ("sent" is not among the trigger's events).
			const rows = await waitForExecutions(2, EXAMPLE_ID);
			await standIn.postbacksDone();
			assert.equal(rows.length, 2, JSON.stringify(rows.map((e) => [e.id, e.mode, e.status])));
			assert.ok(rows.every((e) => e.status === 'success'), JSON.stringify(rows.map((e) => e.status)));

			const sends = standIn.requests.filter((r) => r.path.startsWith('/transactional/'));
			assert.equal(sends.length, 1);
			const [send] = sends;
			assert.equal(send.path, '/transactional/v1/campaigns/cmp-order-0002/send');
			assert.deepEqual(send.body, {
				external_send_id: 'order-A-2002',
				trigger_properties: { order_id: 'A-2002', total: '19.90' },
				recipient: { external_user_id: 'bounce-crm-2002', attributes: { first_name: 'Grace' } },
			});
			const dispatchId = send.response.dispatch_id;
			assert.deepEqual(
				standIn.postbacks.map((p) => [p.status, p.answer]),
				[
					['sent', 200],
					['bounced', 200],
				],
			);

			const { data: orderRun } = await runData(rows[0].id);
			assert.deepEqual(itemsOf(orderRun, 'Keep dispatch id').map((i) => [i.dispatchId, i.externalSendId]), [[dispatchId, 'order-A-2002']]);
			const { data: bounceRun } = await runData(rows[1].id);
			const [bounce] = itemsOf(bounceRun, 'Record the bounce on the order');
			assert.equal(bounce.orderId, 'A-2002');
			assert.equal(bounce.emailStatus, 'bounced');
			assert.equal(bounce.dispatchId, dispatchId);
			assert.match(bounce.reason, /^550 5\.1\.1/);
		} finally {
			standIn.setPostbackUrl(null);
		}
	});
});

describe("Transactional Email › Send and n8n's Retry of the failed execution", { concurrency: false }, () => {
	it('the Retry sends the unclear email again under the key the failed execution made: Braze sends it once', async () => {
		requireSetup();
		standIn.reset();
		const path = '/transactional/v1/campaigns/cmp-order-0002/send';
		// Braze acts on the first request but its answer is lost; the node's two retries under the
		// same key get a 500: the item "may have been sent", and the execution fails.
		standIn.queueFaults(
			{ type: 'acceptThenDrop', path },
			{ type: 'serverError', status: 500, path },
			{ type: 'serverError', status: 500, path },
		);
		const placed = await n8n.httpJson('POST', `${server.url}/webhook/${RETRY_PATH}`, { body: { customer: 'crm-retry-1' } });
		assert.equal(placed.status, 200, placed.text);
		const [failed] = await waitForExecutions(1, RETRY_WORKFLOW_ID);
		assert.equal(failed.status, 'error', 'the execution failed in the Braze node');
		const firstTries = standIn.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.rawBody).external_send_id);
		assert.equal(firstTries.length, 3);
		assert.equal(new Set(firstTries).size, 1, 'one key for the three tries');
		const [key] = firstTries;
		assert.match(key, new RegExp(`^n8n-${failed.id}-[a-z0-9]{10}-0$`), 'the key names the failed execution');
		assert.equal(standIn.deliveries.get('external:crm-retry-1'), 1);

		const r = await n8n.httpJson('POST', `${server.url}/rest/executions/${failed.id}/retry`, {
			body: { loadWorkflow: false },
			headers: { cookie: server.owner.cookie, 'browser-id': server.owner.browserId },
		});
		assert.equal(r.status, 200, `retry answered ${r.status} ${r.text.slice(0, 300)}`);
		const rows = await waitForExecutions(2, RETRY_WORKFLOW_ID);
		const retry = rows[rows.length - 1];
		assert.equal(retry.mode, 'retry');
		assert.equal(retry.status, 'success', 'the retry completes the send');
		const retried = standIn.requests.filter((r) => r.path === path).slice(3);
		assert.equal(retried.length, 1);
		assert.equal(JSON.parse(retried[0].rawBody).external_send_id, key, 'the same key as the failed execution');
		assert.equal(standIn.deliveries.get('external:crm-retry-1'), 1, 'Braze sent the email once');
		const { data } = await runData(retry.id);
		const [sent] = itemsOf(data, 'Braze');
		assert.equal(sent.external_send_id, key);
		assert.equal(sent.dispatch_id, retried[0].response.dispatch_id);
		assert.equal(itemsOf(data, 'Next')[0].dispatchId, sent.dispatch_id);
	});
});
