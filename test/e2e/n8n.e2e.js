'use strict';
// End-to-end: the packed package installed into a real n8n 2.x as a community package, run
// with `n8n execute` against the Braze stand-in. Run with `npm run test:e2e`.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
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
const { testWorkflows } = require('./workflows');

const CREDS = { good: 'BrazeStandIn0001', forbidden: 'BrazeNoSendKey001', unknown: 'BrazeUnknownKey01' };
const EXAMPLES = [
	'crm-webhook-email.json',
	'push-ios-android.json',
	'campaign-tracked-send.json',
	'segment-audience-broadcast.json',
	'large-list-chunked.json',
	'schedule-and-cancel.json',
	'campaign-trigger.json',
	'crm-create-user-then-send.json',
];
const log = (...a) => console.log('#', ...a);

let standIn;
let userFolder;
const wfs = testWorkflows(CREDS);

function sends() {
	return standIn.requests.filter((r) => r.method === 'POST' && r.path === '/messages/send');
}

async function run(id) {
	standIn.reset();
	const t0 = Date.now();
	const { run: out, result } = await n8n.executeWorkflow(id, { userFolder });
	log(`n8n execute --id=${id}: exit ${result.code} in ${Date.now() - t0} ms`);
	if (!out) {
		throw new Error(`n8n execute printed no run JSON (exit ${result.code})\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
	}
	return { out, result };
}

/** Like run(), with the stand-in's next answers scripted. */
async function runWithFaults(id, faults) {
	standIn.reset();
	standIn.queueFaults(...faults);
	const { run: out, result } = await n8n.executeWorkflow(id, { userFolder });
	if (!out) throw new Error(`n8n execute printed no run JSON (exit ${result.code})\n${result.stderr}`);
	return { out, result };
}

const status = (out) => out.status ?? (out.data?.resultData?.error ? 'error' : 'success');
const runError = (out) => out.data?.resultData?.error;

// Setup failures are reported as a failing test (and fail every test), never as a skip.
let setupError;
before(async () => {
	try {
		const t0 = Date.now();
		// Fails (and so fails every test) if n8n cannot be installed: no skipping.
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		log(`stand-in at ${standIn.url}`);
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-e2e-');
		log(`N8N_USER_FOLDER=${userFolder}`);
		n8n.installPackage(userFolder, tarball);
		log(`installed ${path.basename(tarball)} into ${userFolder}/.n8n/nodes`);
		await n8n.importCredentials(userFolder, [
			n8n.brazeCredential(standIn.url, 'local-dev-key', CREDS.good, 'Braze (local stand-in)'),
			n8n.brazeCredential(standIn.url, 'no-send-key', CREDS.forbidden, 'Braze (no messages.send)'),
			n8n.brazeCredential(standIn.url, 'not-a-real-key', CREDS.unknown, 'Braze (unknown key)'),
		]);
		await n8n.importWorkflows(userFolder, [...EXAMPLES.map(n8n.loadExample), ...Object.values(wfs)]);
		log(`setup done in ${Math.round((Date.now() - t0) / 1000)}s`);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
}

after(async () => {
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

describe('examples run in a real n8n', { concurrency: false }, () => {
	it('CRM webhook example: emails the contact, dispatch_id reaches the next node', async () => {
		requireSetup();
		const { out } = await run('BrazeExCrmEmail01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.equal(reqs.length, 1);
		const r = reqs[0];
		assert.equal(r.headers.authorization, 'Bearer local-dev-key');
		assert.deepEqual(r.body.external_user_ids, ['crm-contact-1042']);
		assert.equal(r.body.messages.email.app_id, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
		assert.equal(r.body.messages.email.from, 'Acme Team <hello@acme.example>');
		assert.equal(r.body.messages.email.subject, 'Welcome to Acme, Ada!');
		assert.match(r.body.messages.email.body, /Hi Ada,/);
		assert.equal(r.status, 201);
		const [braze] = n8n.nodeItems(out, 'Send welcome email');
		assert.equal(braze.dispatch_id, r.response.dispatch_id);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, r.response.dispatch_id);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('push example: one request to the whole list, iOS and Android objects', async () => {
		requireSetup();
		const { out } = await run('BrazeExPushList01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.equal(reqs.length, 1);
		const b = reqs[0].body;
		assert.deepEqual(b.external_user_ids, ['user-ios-1', 'user-android-2', 'user-both-3']);
		assert.equal(b.messages.apple_push.alert?.title ?? b.messages.apple_push.title, 'Your order has shipped');
		assert.match(JSON.stringify(b.messages.apple_push), /It will arrive on Thursday/);
		assert.equal(b.messages.android_push.title, 'Your order has shipped');
		assert.equal(b.messages.android_push.alert, 'It will arrive on Thursday. Tap to track it.');
		assert.deepEqual(Object.keys(b.messages).sort(), ['android_push', 'apple_push']);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, reqs[0].response.dispatch_id);
	});

	it('campaign example: campaign_id and a message_variation_id per channel', async () => {
		requireSetup();
		const { out } = await run('BrazeExCampaign01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.equal(reqs.length, 1);
		const b = reqs[0].body;
		assert.equal(b.campaign_id, 'c0ffee00-1111-4222-8333-444455556666');
		assert.equal(b.messages.email.message_variation_id, 'email-variation-7a1e');
		assert.equal(b.messages.apple_push.message_variation_id, 'ios-variation-3b9d');
		assert.deepEqual(b.external_user_ids, ['user-vip-77']);
		assert.equal(reqs[0].status, 201);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, reqs[0].response.dispatch_id);
	});
});

describe('connected audience and chunking examples in a real n8n', { concurrency: false }, () => {
	it('segment broadcast narrowed by a connected audience built in the form', async () => {
		requireSetup();
		const { out } = await run('BrazeExAudience01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.equal(reqs.length, 1);
		const b = reqs[0].body;
		assert.equal(b.segment_id, '5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d');
		assert.equal(b.broadcast, true);
		assert.equal(b.external_user_ids, undefined);
		assert.deepEqual(b.audience, {
			AND: [
				{ custom_attribute: { custom_attribute_name: 'plan', comparison: 'equals', value: 'pro' } },
				{ push_subscription_status: { comparison: 'is', value: 'opted_in' } },
			],
		});
		assert.deepEqual(Object.keys(b.messages).sort(), ['android_push', 'apple_push']);
		assert.equal(reqs[0].status, 201);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, reqs[0].response.dispatch_id);
	});

	it('a 120-user item is sent in chunks of 50, 50 and 20; every dispatch_id comes out', async () => {
		requireSetup();
		const { out } = await run('BrazeExChunked01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.deepEqual(
			reqs.map((r) => r.body.external_user_ids.length),
			[50, 50, 20],
		);
		const all = reqs.flatMap((r) => r.body.external_user_ids);
		assert.equal(new Set(all).size, 120, 'each user exactly once');
		assert.equal(all[0], 'newsletter-user-001');
		assert.equal(all[119], 'newsletter-user-120');
		const items = n8n.nodeItems(out, 'Email the whole list');
		assert.equal(items.length, 1, 'one output item for the one input item');
		assert.deepEqual(
			items[0].dispatch_ids,
			reqs.map((r) => r.response.dispatch_id),
		);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, reqs[0].response.dispatch_id);
		assert.deepEqual(nextItem.dispatchIds, items[0].dispatch_ids);
	});
});

describe('redirects in a real n8n: no request follows one, the key goes nowhere else', { concurrency: false }, () => {
	const CASES = [
		['307 to another port', (t) => ({ type: 'redirect', status: 307, location: `${t.url}/messages/send` }), /redirect \(307\)/],
		['308 to another host', () => ({ type: 'redirect', status: 308, location: 'http://127.0.0.2:9/messages/send' }), /redirect \(308\)/],
		['301 to another port', (t) => ({ type: 'redirect', status: 301, location: `${t.url}/messages/send` }), /redirect \(301\)/],
		['302 without Location', () => ({ type: 'redirect', status: 302 }), /redirect \(302\)/],
		['an HTML 200', () => ({ type: 'notBraze' }), /may or may not have been sent/],
	];
	let target;
	before(async () => {
		const { startBrazeStandIn } = require('../sandbox');
		target = await startBrazeStandIn({ port: 0 });
	});
	after(async () => target && (await target.close()));

	for (const [name, fault, message] of CASES) {
		it(`${name}: one request at the configured URL, none elsewhere, and a clear error`, async () => {
			requireSetup();
			target.reset();
			standIn.reset();
			const { out, result } = await runWithFaults(wfs.multiItem.id, [fault(target)]);
			assert.equal(status(out), 'error');
			const err = runError(out);
			assert.match(`${err.message} ${err.description ?? ''}`, message);
			assert.equal(standIn.requests.length, 1, 'one request in all: the other items are not sent');
			assert.equal(target.requests.length, 0, 'nothing reached the redirect target');
			assert.equal(standIn.deliveries.size, 0);
			assert.ok(!result.stdout.includes('local-dev-key') && !result.stderr.includes('local-dev-key'), 'the key is not logged');
		});
	}
});

describe('items, errors and Continue On Fail in a real n8n', { concurrency: false }, () => {
	it('three input items give three sends and three dispatch_ids, in order', async () => {
		requireSetup();
		const { out } = await run(wfs.multiItem.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.equal(reqs.length, 3);
		assert.deepEqual(reqs.map((r) => r.body.external_user_ids).sort(), [['u-1'], ['u-2'], ['u-3']]);
		const items = n8n.nodeItems(out, 'Next');
		assert.equal(items.length, 3);
		const byUser = Object.fromEntries(reqs.map((r) => [r.body.external_user_ids[0], r.response.dispatch_id]));
		items.forEach((item, i) => assert.equal(item.dispatchId, byUser[`u-${i + 1}`], `item ${i} keeps its own dispatch_id`));
	});

	it('Batch Items: 120 CRM contacts with the same email make 3 requests (50 + 50 + 20), one output item each', async () => {
		requireSetup();
		const { out } = await run(wfs.crmBatch.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const reqs = sends();
		assert.deepEqual(
			reqs.map((r) => r.body.external_user_ids.length),
			[50, 50, 20],
		);
		const all = reqs.flatMap((r) => r.body.external_user_ids);
		assert.equal(new Set(all).size, 120, 'each contact exactly once');
		assert.equal(standIn.deliveries.size, 120);
		const items = n8n.nodeItems(out, 'Next');
		assert.equal(items.length, 120, 'one output item per contact');
		items.forEach((item, i) =>
			assert.equal(item.dispatchId, reqs[Math.floor(i / 50)].response.dispatch_id, `item ${i} has its request's dispatch_id`),
		);
	});

	it('a key without messages.send (403) fails the run with a clear error; nothing downstream runs', async () => {
		requireSetup();
		const { out, result } = await run(wfs.forbidden.id);
		assert.equal(status(out), 'error');
		const err = runError(out);
		assert.ok(err, 'the run carries an error');
		const text = `${err.message} ${err.description ?? ''}`;
		assert.match(text, /permission|messages\.send|403|forbidden/i);
		assert.ok(!text.includes('no-send-key'), 'the key is not leaked in the error');
		assert.ok(!result.stdout.includes('no-send-key') && !result.stderr.includes('no-send-key'), 'the key is not logged');
		const reqs = sends();
		assert.equal(reqs.length, 1, 'one attempt, no retry of a 403');
		assert.equal(reqs[0].status, 403);
		assert.equal(n8n.nodeItems(out, 'Next'), undefined);
	});

	it('an unknown key (401) fails the run with a clear error', async () => {
		requireSetup();
		const { out } = await run(wfs.unknownKey.id);
		assert.equal(status(out), 'error');
		const err = runError(out);
		assert.match(`${err.message} ${err.description ?? ''}`, /key|credential|401|authori/i);
		const reqs = sends();
		assert.equal(reqs.length, 1);
		assert.equal(reqs[0].status, 401);
	});

	it('Continue On Fail: each failed item becomes { error } and the run goes on', async () => {
		requireSetup();
		const { out } = await run(wfs.forbiddenContinue.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const items = n8n.nodeItems(out, 'Braze');
		assert.equal(items.length, 2, 'one output item per input item');
		for (const item of items) {
			assert.equal(typeof item.error, 'string');
			assert.ok(item.error.length > 0);
			assert.equal(item.dispatch_id, undefined);
		}
		assert.equal(n8n.nodeItems(out, 'Next').length, 2);
		// Braze refused the key's permission (403) on the first: the second is not even tried.
		assert.equal(sends().length, 1);
		assert.match(items[1].error, /^Not sent: Braze rejected the API key or its permission on item 0 of this run/);
	});

	it('Continue On Fail: a valid item is sent, an invalid one becomes { error } without a request', async () => {
		requireSetup();
		const { out } = await run(wfs.mixedContinue.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const items = n8n.nodeItems(out, 'Braze');
		assert.equal(items.length, 2);
		const reqs = sends();
		assert.equal(reqs.length, 1, 'only the valid item reached Braze');
		assert.deepEqual(reqs[0].body.external_user_ids, ['u-ok']);
		assert.equal(items[0].dispatch_id, reqs[0].response.dispatch_id);
		assert.equal(typeof items[1].error, 'string');
		const nextItems = n8n.nodeItems(out, 'Next');
		assert.equal(nextItems[0].dispatchId, reqs[0].response.dispatch_id);
		assert.ok(nextItems[1].errorText.length > 0);
	});

	it('an invalid message is stopped before anything is sent', async () => {
		requireSetup();
		const { out } = await run(wfs.invalidStops.id);
		assert.equal(status(out), 'error');
		const err = runError(out);
		assert.match(`${err.message} ${err.description ?? ''}`, /Message Variation ID/i);
		assert.equal(sends().length, 0, 'no request reached Braze');
	});
});

describe('users in a real n8n', { concurrency: false }, () => {
	it('CRM recipe: the profile is created (POST /users/track) before the send, which reaches it', async () => {
		requireSetup();
		const { out } = await run('BrazeExCrmUpsert01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const paths = standIn.requests.map((r) => r.path);
		assert.deepEqual(paths, ['/users/track', '/messages/send']);
		const [track, send] = standIn.requests;
		assert.deepEqual(track.body, {
			attributes: [
				{
					external_id: 'crm-contact-1042',
					_update_existing_only: false,
					email: 'ada@example.com',
					first_name: 'Ada',
					last_name: 'Lovelace',
					email_subscribe: 'opted_in',
					crm_source: 'n8n',
				},
			],
		});
		assert.equal(track.status, 201);
		assert.ok(standIn.profiles.has('external:crm-contact-1042'), 'the stand-in holds the new profile');
		assert.deepEqual(send.body.external_user_ids, ['crm-contact-1042']);
		assert.match(send.body.messages.email.subject, /\{\{\$\{first_name\}/);
		const [user] = n8n.nodeItems(out, 'Create or update the Braze user');
		assert.equal(user.external_id, 'crm-contact-1042');
		assert.equal(user.processed, true);
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, send.response.dispatch_id);
	});

	it('160 items of Create or Update share 3 requests (75 + 75 + 10), one output item each', async () => {
		requireSetup();
		const { out } = await run('BrazeE2eUsersBatch01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		const tracks = standIn.requests.filter((r) => r.path === '/users/track');
		assert.deepEqual(tracks.map((r) => r.body.attributes.length), [75, 75, 10]);
		const ids = tracks.flatMap((r) => r.body.attributes.map((a) => a.external_id));
		assert.deepEqual(ids, Array.from({ length: 160 }, (_, i) => `crm-${i + 1}`));
		const items = n8n.nodeItems(out, 'Braze');
		assert.equal(items.length, 160);
		assert.deepEqual(items[159].request, { number: 3, of: 3, items: 10, attributes_processed: 10 });
	});
});

describe('transactional email in a real n8n', { concurrency: false }, () => {
	it('Transactional Email › Send: campaign in the path, one recipient with attributes, a key from the execution; dispatch_id and key reach the next node', async () => {
		requireSetup();
		const { out } = await run('BrazeE2eTransact001');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.equal(standIn.requests.length, 1);
		const [request] = standIn.requests;
		assert.equal(request.path, '/transactional/v1/campaigns/cmp-order-0002/send');
		assert.equal(request.status, 201);
		assert.match(request.body.external_send_id, /^n8n-\d+-[a-z0-9]{10}-0$/, 'the key names the execution and the item');
		assert.deepEqual(request.body.recipient, { external_user_id: 'crm-contact-77', attributes: { first_name: 'Grace' } });
		assert.deepEqual(request.body.trigger_properties, { order_id: 'A-1001' });
		assert.equal(standIn.profiles.get('external:crm-contact-77').attributes.first_name, 'Grace');
		const [nextItem] = n8n.nodeItems(out, 'Next');
		assert.equal(nextItem.dispatchId, request.response.dispatch_id);
		assert.equal(nextItem.external_send_id, request.body.external_send_id);
	});
});

describe('schedule, campaign trigger and dry run in a real n8n', { concurrency: false }, () => {
	const posts = (p) => standIn.requests.filter((r) => r.method === 'POST' && r.path === p);

	it('schedule example: Schedule creates the schedule, its schedule_id flows to Delete Schedule', async () => {
		requireSetup();
		const t0 = Date.now();
		const { out } = await run('BrazeExSchedule01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(
			standIn.requests.map((r) => `${r.method} ${r.path}`),
			['POST /messages/schedule/create', 'POST /messages/schedule/delete'],
			'exactly one create, then one delete',
		);
		const [create] = posts('/messages/schedule/create');
		const [del] = posts('/messages/schedule/delete');
		assert.equal(create.headers.authorization, 'Bearer local-dev-key');
		const { schedule, ...rest } = create.body;
		assert.deepEqual(rest, {
			external_user_ids: ['trial-user-201', 'trial-user-202', 'trial-user-203'],
			broadcast: false,
			messages: {
				email: {
					app_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
					from: 'Acme Team <hello@acme.example>',
					subject: 'Your trial ends tomorrow',
					body: '<p>Your Acme trial ends tomorrow. Upgrade to keep your projects.</p>',
				},
			},
		});
		assert.deepEqual(Object.keys(schedule), ['time']);
		// {{ $now.plus({days: 1}).toISO() }} is in n8n's time zone; the node sends it in UTC.
		assert.match(schedule.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
		const inMs = Date.parse(schedule.time) - t0;
		assert.ok(inMs > 23 * 3600e3 && inMs < 25 * 3600e3, `schedule.time ${schedule.time} is about a day after the run`);
		assert.equal(create.status, 201);
		const scheduleId = create.response.schedule_id;
		assert.equal(typeof scheduleId, 'string');

		const [scheduled] = n8n.nodeItems(out, 'Schedule reminder email');
		assert.equal(scheduled.schedule_id, scheduleId);
		assert.equal(scheduled.dispatch_id, create.response.dispatch_id);

		assert.deepEqual(del.body, { schedule_id: scheduleId }, 'Delete Schedule got the schedule_id from Schedule');
		assert.equal(del.status, 200, 'the stand-in knew the schedule_id (an unknown one is a 400)');
		const deleted = n8n.nodeItems(out, 'Cancel the scheduled email');
		assert.deepEqual(deleted, [{ schedule_id: scheduleId, message: 'success' }]);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('campaign trigger example: recipients with their own trigger properties, dispatch_id reaches the next node', async () => {
		requireSetup();
		const { out } = await run('BrazeExCampTrig01');
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(
			standIn.requests.map((r) => `${r.method} ${r.path}`),
			['POST /campaigns/trigger/send'],
		);
		const [r] = posts('/campaigns/trigger/send');
		assert.equal(r.headers.authorization, 'Bearer local-dev-key');
		assert.deepEqual(r.body, {
			campaign_id: '7e57ca4e-0000-4abc-8def-000000008841',
			broadcast: false,
			trigger_properties: { order_id: 'order-8841' },
			recipients: [
				{ external_user_id: 'buyer-501', trigger_properties: { first_name: 'Ada', role: 'buyer' } },
				{ external_user_id: 'gift-recipient-502', trigger_properties: { first_name: 'Lin', role: 'gift recipient' } },
			],
		});
		assert.equal(r.status, 201);
		const [braze] = n8n.nodeItems(out, 'Trigger shipping campaign');
		assert.deepEqual(braze, { dispatch_id: r.response.dispatch_id, message: 'success' });
		const [nextItem] = n8n.nodeItems(out, 'Keep dispatch id');
		assert.equal(nextItem.dispatchId, r.response.dispatch_id);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('Options › Dry Run: a Send makes no request and outputs the body it would send', async () => {
		requireSetup();
		const { out } = await run(wfs.dryRunSend.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.equal(standIn.requests.length, 0, 'nothing reached the stand-in');
		const items = n8n.nodeItems(out, 'Braze');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0], {
			dry_run: true,
			method: 'POST',
			url: '/messages/send',
			request_count: 1,
			requests: [
				{
					body: {
						external_user_ids: ['u-dry-1', 'u-dry-2'],
						broadcast: false,
						messages: {
							email: {
								app_id: 'app-e2e',
								from: 'E2E <e2e@example.com>',
								subject: 'Hello',
								body: '<p>Hello from the e2e test</p>',
							},
						},
					},
				},
			],
		});
		const [nextItem] = n8n.nodeItems(out, 'Next');
		assert.equal(nextItem.dry_run, true, 'the dry-run output reaches the next node');
	});
});

describe('scheduled triggers, list and Live Activities in a real n8n', { concurrency: false }, () => {
	const HOUR = 3600e3;
	const DAY = 24 * HOUR;
	const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
	const calls = () => standIn.requests.map((r) => `${r.method} ${r.path}`);
	/** The pairedItem n8n saved for each output item of a node. */
	const pairedItems = (out, node) => n8n.nodeRun(out, node).data.main[0].map((i) => i.pairedItem);
	/**
	 * `time` (UTC) is `ms` after `t0`, give or take the minutes the run takes; `slack` more for
	 * a day in n8n's time zone, which is 23 or 25 hours across a daylight saving change.
	 */
	function assertAbout(time, t0, ms, what, slack = 0) {
		const after = Date.parse(time) - t0;
		const margin = 5 * 60e3 + slack;
		assert.ok(after > ms - margin && after < ms + margin, `${what} ${time} is about ${ms / HOUR} h after the run`);
	}

	/**
	 * A Schedule's create request: `body` apart from schedule, which holds only a UTC time about a
	 * day after `t0` ({{ $now.plus({days: 1}).toISO() }}, in n8n's time zone); the node output
	 * dispatch_id and schedule_id as answered. Returns the schedule_id.
	 */
	function assertScheduled(out, t0, create, node, body) {
		const { schedule, ...rest } = create.body;
		assert.deepEqual(rest, body);
		assert.deepEqual(Object.keys(schedule), ['time']);
		assert.match(schedule.time, UTC_TIME);
		assertAbout(schedule.time, t0, DAY, 'schedule.time', HOUR);
		assert.equal(create.status, 201);
		const scheduleId = create.response.schedule_id;
		assert.equal(typeof scheduleId, 'string');
		assert.deepEqual(n8n.nodeItems(out, node), [{ dispatch_id: create.response.dispatch_id, schedule_id: scheduleId, message: 'success' }]);
		return scheduleId;
	}

	it('Campaign › Schedule for two users a day ahead, then Delete Schedule with its schedule_id', async () => {
		requireSetup();
		const t0 = Date.now();
		const { out } = await run(wfs.campaignScheduleDelete.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(calls(), ['POST /campaigns/trigger/schedule/create', 'POST /campaigns/trigger/schedule/delete']);
		const [create, del] = standIn.requests;
		assert.equal(create.headers.authorization, 'Bearer local-dev-key');
		const scheduleId = assertScheduled(out, t0, create, 'Schedule campaign', {
			campaign_id: 'cmp-sched-e2e-01',
			broadcast: false,
			recipients: [{ external_user_id: 'sched-user-1' }, { external_user_id: 'sched-user-2' }],
			trigger_properties: { coupon: 'SPRING' },
		});

		assert.deepEqual(del.body, { campaign_id: 'cmp-sched-e2e-01', schedule_id: scheduleId });
		assert.equal(del.status, 200, 'the stand-in knew the schedule (an unknown schedule_id is a 400)');
		assert.deepEqual(n8n.nodeItems(out, 'Delete campaign schedule'), [{ schedule_id: scheduleId, message: 'success' }]);
		assert.equal(standIn.triggerSchedules.has(scheduleId), false, 'the schedule is gone from the stand-in');
		assert.equal(standIn.triggerSchedules.size, 0);
		assert.ok(!JSON.stringify(out).includes('local-dev-key'), 'the API key must not appear in the run data');
	});

	it('Canvas Journey › Schedule with a context; its schedule_id reaches the next nodes, and Update Schedule moves it', async () => {
		requireSetup();
		const t0 = Date.now();
		const { out } = await run(wfs.canvasScheduleUpdate.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(calls(), ['POST /canvas/trigger/schedule/create', 'POST /canvas/trigger/schedule/update']);
		const [create, update] = standIn.requests;
		const scheduleId = assertScheduled(out, t0, create, 'Schedule Canvas', {
			canvas_id: 'cnv-sched-e2e-01',
			broadcast: false,
			recipients: [{ external_user_id: 'canvas-user-1' }],
			context: { plan: 'gold' },
		});
		const [kept] = n8n.nodeItems(out, 'Keep schedule id');
		assert.equal(kept.scheduleId, scheduleId, 'the next node got the schedule_id');

		// In Local Time: the clock time in n8n's time zone, sent without one.
		assert.deepEqual(Object.keys(update.body).sort(), ['canvas_id', 'schedule', 'schedule_id']);
		assert.equal(update.body.canvas_id, 'cnv-sched-e2e-01');
		assert.equal(update.body.schedule_id, scheduleId);
		assert.equal(update.body.schedule.in_local_time, true);
		assert.match(update.body.schedule.time, /^\d{4}-\d{2}-\d{2}T10:00:00$/);
		const days = (Date.parse(`${update.body.schedule.time}Z`) - t0) / DAY;
		// Read as UTC, two days ahead at 10:00 in any zone (UTC-12 to UTC+14) is 1.4 to 3 days away.
		assert.ok(days > 1 && days < 3.5, `the new time ${update.body.schedule.time} is two days ahead`);
		assert.equal(update.status, 200);
		assert.deepEqual(standIn.triggerSchedules.get(scheduleId).body.schedule, update.body.schedule, 'the stand-in holds the new schedule');
		assert.deepEqual(n8n.nodeItems(out, 'Move Canvas schedule'), [{ schedule_id: scheduleId, message: 'success' }]);
	});

	it('Message › List Scheduled: a GET with end_time at midnight UTC of the date, one item per broadcast', async () => {
		requireSetup();
		const { out } = await run(wfs.listScheduled.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(calls(), ['GET /messages/scheduled_broadcasts']);
		const [request] = standIn.requests;
		const [{ until }] = n8n.nodeItems(out, 'Until');
		// Only the date of End Time counts (as n8n's expression wrote it), as midnight UTC.
		assert.deepEqual(request.query, { end_time: `${until.slice(0, 10)}T00:00:00Z` });
		assert.equal(request.rawBody, '');
		assert.equal(request.status, 200);
		const listed = request.response.scheduled_broadcasts;
		// From the stand-in's dashboard broadcasts: tomorrow's, the day after's, and (when the
		// date in n8n's time zone is today's in UTC) the digest in four days.
		assert.ok(listed.length >= 2, `the stand-in listed ${listed.length} broadcasts`);
		assert.deepEqual(listed.slice(0, 2).map((b) => b.id), ['cmp-winback-0003', 'cnv-onboard-0001']);
		assert.deepEqual(n8n.nodeItems(out, 'Braze'), listed, 'one output item per broadcast, as Braze described it');
		assert.deepEqual(pairedItems(out, 'Braze'), listed.map(() => ({ item: 0 })));
		assert.deepEqual(
			n8n.nodeItems(out, 'Next').map((i) => i.broadcastId),
			listed.map((b) => b.id),
		);
	});

	it('Message › List Scheduled with Options › Dry Run: the GET and its query, nothing sent', async () => {
		requireSetup();
		const { out } = await run(wfs.listScheduledDryRun.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.equal(standIn.requests.length, 0, 'nothing reached the stand-in');
		const [{ until }] = n8n.nodeItems(out, 'Until');
		assert.deepEqual(n8n.nodeItems(out, 'Braze'), [
			{
				dry_run: true,
				method: 'GET',
				url: '/messages/scheduled_broadcasts',
				request_count: 1,
				requests: [{ query: { end_time: `${until.slice(0, 10)}T00:00:00Z` } }],
			},
		]);
	});

	it('Live Activity › Start for two users, then Update ending it, named by Start\'s output', async () => {
		requireSetup();
		const t0 = Date.now();
		const { out } = await run(wfs.liveActivity.id);
		assert.equal(status(out), 'success', JSON.stringify(runError(out)));
		assert.deepEqual(calls(), ['POST /messages/live_activity/start', 'POST /messages/live_activity/update']);
		const [start, update] = standIn.requests;
		assert.deepEqual(start.body, {
			app_id: 'app-ios-e2e',
			activity_id: 'match-e2e-7',
			activity_attributes_type: 'SportsActivityAttributes',
			activity_attributes: { homeTeam: 'Lions', awayTeam: 'Tigers' },
			content_state: { score: '0-0', minute: 0 },
			notification: { alert: { title: 'Kick-off', body: 'Lions vs Tigers has started' } },
			external_user_ids: ['fan-1', 'fan-2'],
		});
		assert.equal(start.status, 201);
		const activity = { app_id: 'app-ios-e2e', activity_id: 'match-e2e-7', message: 'success' };
		assert.deepEqual(n8n.nodeItems(out, 'Start live activity'), [activity]);

		const { dismissal_date: dismissal, ...updateRest } = update.body;
		assert.deepEqual(updateRest, {
			app_id: 'app-ios-e2e',
			activity_id: 'match-e2e-7',
			content_state: { score: '2-1', minute: 90 },
			end_activity: true,
			notification: { alert: { title: 'Full time', body: 'Lions 2-1 Tigers' } },
		});
		// {{ $now.plus({hours: 2}).toISO() }} carries n8n's offset; the node sends it in UTC.
		assert.match(dismissal, UTC_TIME);
		assertAbout(dismissal, t0, 2 * HOUR, 'dismissal_date');
		assert.equal(update.status, 201);
		assert.deepEqual(n8n.nodeItems(out, 'End live activity'), [activity]);
		assert.deepEqual(standIn.liveActivities.get('app-ios-e2e|match-e2e-7'), { content_state: { score: '2-1', minute: 90 }, ended: true });
		assert.deepEqual(n8n.nodeItems(out, 'Next').map((i) => [i.activityId, i.message]), [['match-e2e-7', 'success']]);
	});
});
