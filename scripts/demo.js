#!/usr/bin/env node
'use strict';
// One-command demo: the Braze stand-in + a real n8n with this package installed as a
// community package; imports the example workflows, a Braze credential pointed at the stand-in
// and the Braze Trigger's postback credential (with a random secret), runs one example and
// prints the dispatch_id.
//
//   npm run demo                      # run once, print the dispatch_id, clean up
//   npm run demo -- --keep-running    # then keep n8n running: editor on http://localhost:5678
//   npm run demo -- --example push-ios-android.json
//   npm run demo -- --keep-running --example transactional-email-bounce.json
//                                     # the stand-in then posts each send's events to the
//                                     # Braze Trigger's Production URL, as Braze would
//   npm run demo -- --keep-running --listen 0.0.0.0   # reach the editor from another machine
//
// The first run installs n8n (~3 GB, ~6-8 minutes) into ~/.cache/n8n-braze-e2e (or $BRAZE_E2E_CACHE).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { ensureInstalled } = require('./e2e-install');
const n8n = require('./lib/n8n');

const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep-running');
const opt = (name, def) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : def;
};
const EXAMPLE = opt('example', 'crm-webhook-email.json');
const N8N_PORT = Number(opt('port', process.env.N8N_PORT || 5678));
const STANDIN_PORT = Number(opt('standin-port', process.env.BRAZE_STANDIN_PORT || 8787));
const LISTEN = opt('listen', '127.0.0.1');
const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1234', firstName: 'Demo', lastName: 'User' };

const step = (n, msg) => console.log(`\n[${n}] ${msg}`);

const TRIGGER_TYPE = `${n8n.PACKAGE_NAME}.brazeTrigger`;

/**
 * The Braze Trigger's credential that examples/transactional-email-bounce.json names (its trigger
 * is version 1, which keeps "Braze Postback Basic Auth API", type brazePostbackApi, for its
 * Secret Token in URL). The secret is made for this demo and lives only in its n8n.
 */
function postbackCredential() {
	return {
		id: 'BrazePostback0001',
		name: 'Braze postback secret',
		type: 'brazePostbackApi',
		data: { secret: crypto.randomBytes(32).toString('base64url'), user: 'braze' },
	};
}

/** The URL to paste into Braze for the workflow's Braze Trigger: Production URL + ?token=. */
function postbackUrl(wf, baseUrl, credential) {
	const trigger = wf.nodes.find((n) => n.type === TRIGGER_TYPE);
	if (!trigger) return undefined;
	return `${baseUrl}/webhook/${trigger.webhookId}/braze-postback?token=${credential.data.secret}`;
}

async function startStandIn() {
	const { startBrazeStandIn } = require('../test/sandbox');
	try {
		return await startBrazeStandIn({ port: STANDIN_PORT });
	} catch (e) {
		if (e.code !== 'EADDRINUSE') throw e;
		console.log(`    port ${STANDIN_PORT} is busy; using a free port instead`);
		return startBrazeStandIn({ port: 0 });
	}
}

async function main() {
	const examples = fs.readdirSync(path.join(n8n.REPO, 'examples')).filter((f) => f.endsWith('.json'));
	if (!examples.includes(EXAMPLE)) throw new Error(`No example named ${EXAMPLE}. Available: ${examples.join(', ')}`);

	step(1, 'Real n8n (installed once into a cache outside the repo)');
	await ensureInstalled();

	step(2, 'Braze stand-in (a local fake of the Braze REST API)');
	const standIn = await startStandIn();
	console.log(`    listening on ${standIn.url} (API key: local-dev-key)`);

	const userFolder = n8n.makeUserFolder('n8n-braze-demo-');
	let server;
	const cleanup = async () => {
		if (server) await server.stop().catch(() => {});
		await standIn.close().catch(() => {});
		fs.rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		step(3, 'Build, pack and install the package like a user would (npm i <tarball> in .n8n/nodes)');
		const tarball = n8n.packPackage({ log: (m) => console.log(`    ${m}`) });
		n8n.installPackage(userFolder, tarball);
		console.log(`    installed into ${path.join(userFolder, '.n8n', 'nodes', 'node_modules', n8n.PACKAGE_NAME)}`);

		step(4, "Import a Braze credential pointed at the stand-in, the Braze Trigger's postback credential, and the example workflows");
		const postback = postbackCredential();
		await n8n.importCredentials(userFolder, [n8n.brazeCredential(standIn.url), postback]);
		console.log(`    credentials: "Braze (local stand-in)", "${postback.name}" (a random secret made for this demo)`);
		const wfs = examples.map(n8n.loadExample);
		await n8n.importWorkflows(userFolder, wfs);
		const wf = wfs[examples.indexOf(EXAMPLE)];
		console.log(`    imported ${wfs.length} workflows; running "${wf.name}"`);

		step(5, `Run it: n8n execute --id=${wf.id}`);
		standIn.reset();
		const { run, result } = await n8n.executeWorkflow(wf.id, { userFolder });
		if (!run) throw new Error(`n8n execute printed no result (exit ${result.code}).\n${result.stdout}\n${result.stderr}`);
		const err = run.data?.resultData?.error;
		if (err) throw new Error(`The workflow failed: ${err.message}${err.description ? ` (${err.description})` : ''}`);
		const brazeNode = wf.nodes.find((n) => n.type === n8n.NODE_TYPE);
		const items = n8n.nodeItems(run, brazeNode.name) || [];
		const sent = standIn.requests.filter((r) => r.path === '/messages/send');
		for (const r of sent) {
			console.log(`    stand-in received POST /messages/send → ${r.status}`);
			console.log(
				JSON.stringify(r.body, null, 2)
					.split('\n')
					.map((l) => `      ${l}`)
					.join('\n'),
			);
		}
		console.log('');
		for (const item of items) console.log(`    dispatch_id: ${item.dispatch_id}${item.errors ? `  (errors: ${JSON.stringify(item.errors)})` : ''}`);
		console.log(`    (n8n execute took ${(result.ms / 1000).toFixed(1)} s)`);
		if (!items.length || !items.every((i) => i.dispatch_id)) throw new Error('No dispatch_id came out of the Braze node.');

		if (!KEEP) {
			console.log('\nDone. Run `npm run demo -- --keep-running` to open the editor on http://localhost:5678.');
			await cleanup();
			return;
		}

		step(6, `Start n8n (n8n start) on http://localhost:${N8N_PORT}`);
		const listens = (n) => n.type === 'n8n-nodes-base.webhook' || n.type === TRIGGER_TYPE;
		if (brazeNode && wf.nodes.some(listens)) {
			const pub = await n8n.runN8n(n8n.publishArgs(wf.id), { userFolder });
			if (pub.code !== 0) console.log('    (could not publish the webhook workflow; the editor still works)');
		}
		server = await n8n.startN8nServer({
			userFolder,
			port: N8N_PORT,
			owner: OWNER,
			env: { N8N_LISTEN_ADDRESS: LISTEN },
			onLog: (t) => {
				if (/error/i.test(t)) process.stdout.write(`    n8n: ${t}`);
			},
		});
		console.log(`
    n8n editor:   http://localhost:${N8N_PORT}
    sign in:      ${OWNER.email} / ${OWNER.password}
    stand-in:     ${standIn.url}  (the "Braze (local stand-in)" credential points at it)
    workflows:    ${wfs.map((w) => w.name).join('\n                  ')}
`);
		if (wf.nodes.some((n) => n.type === 'n8n-nodes-base.webhook')) {
			const hook = wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook').parameters.path;
			// An order whose customer id starts with "bounce-": the stand-in then posts sent + bounced.
			const body = wf.nodes.some((n) => n.type === TRIGGER_TYPE)
				? '{"order":{"id":"A-1001","customerId":"bounce-crm-1001","firstName":"Ada","total":"42.00"}}'
				: '{"contact":{"externalId":"crm-contact-7","firstName":"Lin"}}';
			console.log(`    try the webhook (published):
      curl -s -X POST http://localhost:${N8N_PORT}/webhook/${hook} -H 'content-type: application/json' \\
        -d '${body}'
`);
		}
		const braze = postbackUrl(wf, `http://127.0.0.1:${N8N_PORT}`, postback);
		if (braze) {
			console.log(`    the Braze Trigger's postback URL (what you would paste into Braze; the stand-in
    posts each transactional send's events there, as Braze does):
      ${braze}
`);
		}
		standIn.reset();
		if (braze) standIn.setPostbackUrl(braze);
		let seen = 0;
		const poll = setInterval(() => {
			const reqs = standIn.requests;
			while (seen < reqs.length) {
				const r = reqs[seen++];
				console.log(`    stand-in: ${r.method} ${r.path} → ${r.status}${r.response && r.response.dispatch_id ? ` dispatch_id ${r.response.dispatch_id}` : ''}`);
			}
		}, 500);
		console.log('    Press Ctrl+C to stop n8n and the stand-in.');
		const stop = async () => {
			clearInterval(poll);
			console.log('\nStopping…');
			await cleanup();
			process.exit(0);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		server.child.on('exit', async (code) => {
			console.log(`n8n exited (${code}).`);
			await stop();
		});
	} catch (e) {
		await cleanup();
		throw e;
	}
}

main().catch((e) => {
	console.error(`\ndemo FAILED: ${e.message}`);
	process.exit(1);
});
