'use strict';
// End-to-end: User › Get between a CRM webhook and Message › Send, in a real n8n 2.x (`n8n start`,
// the workflow published, its production webhook called over HTTP), against the Braze stand-in.
// The email's greeting and plan come from the profile User › Get read from Braze, not from the
// webhook. The same n8n shows the User › Get panel in the editor (headless Chromium, the shared
// editor session), kept as docs/images/user-get-panel.png. Run with `npm run test:e2e`
// (BRAZE_E2E=1), or on its own:
//   npm run build --silent && BRAZE_E2E=1 BRAZE_E2E_SKIP_BUILD=1 node --test --test-concurrency=1 --test-reporter=spec test/e2e/userGet.e2e.js
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

const log = (...a) => console.log('#', ...a);
const WORKFLOW_ID = 'BrazeE2eUserGet01';
const WEBHOOK_PATH = 'crm-contact-lookup';
const credentials = { brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' } };

/** CRM webhook → User › Get (the contact's profile from Braze) → Message › Send (greeting from it). */
const WORKFLOW = {
	id: WORKFLOW_ID,
	name: 'E2E: CRM webhook → User › Get → welcome-back email',
	active: false,
	settings: { executionOrder: 'v1' },
	pinData: {},
	nodes: [
		{
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
			id: 'crm-webhook',
			name: 'CRM webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '0c6f5d2e-8a41-4f3b-9e27-5b8d1c4a7f90',
		},
		{
			parameters: {
				resource: 'user',
				operation: 'get',
				externalId: '={{ $json.body.contact.externalId }}',
				fieldsToExport: ['first_name', 'email_subscribe', 'custom_attributes'],
			},
			id: 'get-user',
			name: 'Get Braze profile',
			type: n8n.NODE_TYPE,
			typeVersion: 2,
			position: [220, 0],
			credentials,
		},
		{
			parameters: {
				resource: 'message',
				operation: 'send',
				externalUserIds: '={{ $json.external_id }}',
				channels: ['email'],
				emailAppId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
				emailFrom: 'Acme Team <hello@acme.example>',
				emailSubject: '=Welcome back, {{ $json.first_name }}!',
				emailBody:
					'=<p>Hi {{ $json.first_name }},</p><p>Your {{ $json.custom_attributes.plan }} plan is ready.</p>',
				emailOptions: {},
			},
			id: 'send-email',
			name: 'Send welcome-back email',
			type: n8n.NODE_TYPE,
			typeVersion: 1,
			position: [440, 0],
			credentials,
		},
	],
	connections: {
		'CRM webhook': { main: [[{ node: 'Get Braze profile', type: 'main', index: 0 }]] },
		'Get Braze profile': { main: [[{ node: 'Send welcome-back email', type: 'main', index: 0 }]] },
	},
};

let session;
let standIn;
let server;

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		const t0 = Date.now();
		// n8n with the package, the stand-in's credential and the workflow, published so that
		// `n8n start` serves its production webhook; signed in to the editor.
		session = await startEditorSession({
			workflows: [WORKFLOW],
			publish: [WORKFLOW_ID],
			prefix: 'n8n-braze-userget-',
		});
		({ standIn, server } = session);
		await webhookRegistered();
		log(`setup ${Math.round((Date.now() - t0) / 1000)} s`);
	} catch (e) {
		setupError = e;
	}
});

/**
 * n8n answers /rest/settings before it has activated the published workflows: wait until the
 * production webhook is registered (its CORS preflight then allows POST), at most two minutes.
 */
async function webhookRegistered() {
	const t0 = Date.now();
	for (;;) {
		const r = await n8n.httpJson('OPTIONS', `${server.url}/webhook/${WEBHOOK_PATH}`, {
			headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' },
		});
		if (String(r.headers['access-control-allow-methods'] ?? '').includes('POST')) return;
		if (Date.now() - t0 > 120000) throw new Error(`webhook ${WEBHOOK_PATH} not registered\n${server.log().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

after(async () => {
	if (session) await session.close();
});

/** A profile in Braze (the stand-in), made the way a CRM sync would: POST /users/track. */
async function createProfile(attributes) {
	const r = await n8n.httpJson('POST', `${standIn.url}/users/track`, {
		body: { attributes: [attributes] },
		headers: { authorization: 'Bearer local-dev-key' },
	});
	assert.equal(r.status, 201, r.text);
}

const callWebhook = async (externalId) =>
	await n8n.httpJson('POST', `${server.url}/webhook/${WEBHOOK_PATH}`, {
		body: { event: 'contact.updated', contact: { externalId } },
	});

const requestsTo = (path) => standIn.requests.filter((request) => request.path === path);

it('setup: real n8n started with the package, the published workflow and the editor', () => {
	if (setupError) throw setupError;
});

describe('CRM webhook → User › Get → Message › Send in a real n8n', { concurrency: false }, () => {
	it("the email greets the contact with the first name and plan Braze holds (not the webhook's)", async () => {
		requireSetup();
		standIn.reset();
		await createProfile({ external_id: 'crm-contact-42', first_name: 'Grace', email_subscribe: 'opted_in', plan: 'pro' });
		const r = await callWebhook('crm-contact-42');
		assert.equal(r.status, 200, `${r.text}\n--- n8n log\n${server.log().slice(-4000)}`);

		const [lookup] = requestsTo('/users/export/ids');
		assert.ok(lookup, 'User › Get asked Braze for the profile');
		assert.deepEqual(lookup.body.external_ids, ['crm-contact-42']);
		assert.deepEqual(lookup.body.fields_to_export, [
			'braze_id',
			'custom_attributes',
			'email_subscribe',
			'external_id',
			'first_name',
			'user_aliases',
		]);
		assert.equal(lookup.headers.authorization, 'Bearer local-dev-key');
		assert.equal(lookup.status, 200);

		const sends = requestsTo('/messages/send');
		assert.equal(sends.length, 1, 'one email sent');
		const [send] = sends;
		assert.deepEqual(send.body.external_user_ids, ['crm-contact-42']);
		assert.equal(send.body.messages.email.subject, 'Welcome back, Grace!');
		assert.equal(send.body.messages.email.body, '<p>Hi Grace,</p><p>Your pro plan is ready.</p>');
		assert.equal(send.status, 201);
		// The webhook answers with the last node's output: the send's dispatch_id.
		assert.equal(r.json.dispatch_id, send.response.dispatch_id);
		assert.ok(!r.text.includes('local-dev-key'), 'the API key is in no answer');
	});

	it('a contact Braze does not know: the lookup fails its item, and nothing is sent', async () => {
		requireSetup();
		standIn.reset();
		const r = await callWebhook('crm-contact-unknown');
		assert.notEqual(r.status, 200, 'the execution failed at User › Get');
		const [lookup] = requestsTo('/users/export/ids');
		assert.deepEqual(lookup.response.invalid_user_ids, ['crm-contact-unknown']);
		assert.equal(requestsTo('/messages/send').length, 0, 'no email for an unknown contact');
	});
});

describe('the User › Get panel in the editor', () => {
	it('shows Look Up By, its identifier, Fields to Export, Output and Options', async () => {
		requireSetup();
		const { page, shot, debugShot, ndvLabels, openNode } = session;
		try {
			const ndv = await openNode(WORKFLOW_ID, 'Get Braze profile');
			const labels = (await ndvLabels()).map((label) => label.trim()).filter(Boolean);
			const at = (label) => labels.findIndex((text) => text.startsWith(label));
			for (const label of ['Look Up By', 'External ID', 'Fields to Export', 'Output']) {
				assert.ok(at(label) >= 0, `${label} in ${JSON.stringify(labels)}`);
			}
			assert.ok(at('Look Up By') < at('External ID'), 'Look Up By comes first');
			assert.ok(at('External ID') < at('Fields to Export'));
			assert.ok(at('Fields to Export') < at('Output'));
			assert.equal(at('Identify User By'), -1, "Create or Update's selector is not shown");
			assert.equal(at('Simplify'), -1, 'Output, not Simplify, shapes the users');
			await page.mouse.move(0, 0);
			await shot('user-get-panel.png', ndv);
			await page.keyboard.press('Escape');
		} catch (e) {
			await debugShot('user-get-panel-failed.png');
			throw e;
		}
	});
});
