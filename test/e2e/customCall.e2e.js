'use strict';
// End-to-end: custom API calls with the Braze API credential in a real n8n 2.41, run with
// `n8n execute`. n8n's own HTTP Request node (Authentication › Predefined Credential Type ›
// Braze API) against the Braze stand-in; a second server on another host records whether the
// key ever reaches it; and the Braze node's "Custom API Call" operation, run as it is.
// Runs only through `npm run test:e2e` (BRAZE_E2E=1): a bare `node --test` at the repo root
// picks up every .js file under test/, and this suite installs n8n and starts servers.
if (process.env.BRAZE_E2E !== '1') {
	console.log('# end-to-end suite: run it with `npm run test:e2e` (BRAZE_E2E=1)');
	process.exit(0);
}
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const { ensureInstalled } = require('../../scripts/e2e-install');
const n8n = require('../../scripts/lib/n8n');
const { wf, manual, braze, email } = require('./workflows');

const KEY = 'local-dev-key';
// A stand-in key other than the Braze credential's, so that the stand-in lets the request through.
const GENERIC_SECRET = 'Bearer no-send-key';
const BRAZE_CREDENTIAL = {
	brazeApi: { id: n8n.STANDIN_CREDENTIAL_ID, name: 'Braze (local stand-in)' },
};
const log = (...a) => console.log('#', ...a);

let standIn;
let otherHost;
let userFolder;

/** The "other host": answers 200 to anything and records each request's Authorization header. */
async function startOtherHost() {
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push({
			method: req.method,
			url: req.url,
			authorization: req.headers.authorization ?? null,
		});
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"other":"host"}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.2', resolve));
	return {
		url: `http://127.0.0.2:${server.address().port}`,
		requests,
		reset: () => (requests.length = 0),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/** An HTTP Request node; version 4.2 (older than 4.4) sends credentials on cross-origin redirects by default. */
function httpRequest(url, { method = 'GET', body, typeVersion = 4.2, credential = 'braze' } = {}) {
	const auth =
		credential === 'braze'
			? {
					parameters: {
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'brazeApi',
					},
					credentials: BRAZE_CREDENTIAL,
				}
			: {
					parameters: {
						authentication: 'genericCredentialType',
						genericAuthType: 'httpHeaderAuth',
					},
					credentials: { httpHeaderAuth: { id: 'GenericHeader0001', name: 'Generic header' } },
				};
	return {
		parameters: {
			method,
			url,
			...auth.parameters,
			...(body ? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(body) } : {}),
			options: {},
		},
		id: 'http-request',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion,
		position: [300, 0],
		credentials: auth.credentials,
	};
}

// Each workflow is built once the servers listen: `node(urls)` gets { braze, other }.
const factories = {};
function workflow(id, node) {
	factories[id] = (urls) => wf(id, id, [manual, node(urls)]);
	return id;
}

async function run(id) {
	const { run: out, result } = await n8n.executeWorkflow(id, { userFolder });
	if (!out)
		throw new Error(
			`n8n execute printed no run JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`,
		);
	const error = out.data?.resultData?.error;
	return { out, error, text: `${result.stdout}\n${result.stderr}` };
}

function redirectToOtherHost(status = 302, path = '/campaigns/list') {
	standIn.queueFaults({ type: 'redirect', status, location: `${otherHost.url}/stolen`, path });
}

let setupError;
before(async () => {
	try {
		const inst = await ensureInstalled();
		log(inst.cached ? 'n8n install: cached' : `n8n install: ${inst.seconds}s`);
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		otherHost = await startOtherHost();
		log(`stand-in at ${standIn.url}, other host at ${otherHost.url}`);
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-customcall-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(userFolder, [
			n8n.brazeCredential(standIn.url, KEY),
			{
				id: 'GenericHeader0001',
				name: 'Generic header',
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: GENERIC_SECRET },
			},
		]);
		const urls = { braze: standIn.url, other: otherHost.url };
		await n8n.importWorkflows(
			userFolder,
			Object.values(factories).map((build) => build(urls)),
		);
	} catch (e) {
		setupError = e;
	}
});
function requireSetup() {
	if (setupError) throw new Error(`setup failed: ${setupError.message.split('\n')[0]}`);
	standIn.reset();
	otherHost.reset();
}

after(async () => {
	if (standIn) await standIn.close();
	if (otherHost) await otherHost.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1')
		fs.rmSync(userFolder, { recursive: true, force: true });
});

it('setup: real n8n installed, package packed and installed as a community package', () => {
	if (setupError) throw setupError;
});

describe('the HTTP Request node with the Braze API credential', { concurrency: false }, () => {
	const get = workflow('BrazeCcHttpGet001', (u) => httpRequest(`${u.braze}/campaigns/list?page=0`));
	const post = workflow('BrazeCcHttpPost01', (u) =>
		httpRequest(`${u.braze}/users/track`, {
			method: 'POST',
			body: { attributes: [{ external_id: 'cc-1', first_name: 'Ada' }] },
		}),
	);
	const elsewhere = workflow('BrazeCcHttpElse01', (u) => httpRequest(`${u.other}/campaigns/list`));

	it('GET on the credential\'s host: Braze answers, and the request carries "Authorization: Bearer <key>"', async () => {
		requireSetup();
		const { out, error } = await run(get);
		assert.equal(error, undefined, JSON.stringify(error));
		assert.equal(standIn.requests.length, 1);
		const [request] = standIn.requests;
		assert.equal(request.method, 'GET');
		assert.equal(request.path, '/campaigns/list');
		assert.equal(request.headers.authorization, `Bearer ${KEY}`);
		assert.equal(request.status, 200);
		const [item] = n8n.nodeItems(out, 'HTTP Request');
		assert.equal(item.message, 'success');
		assert.ok(Array.isArray(item.campaigns), 'the campaign list is the output');
	});

	it('POST with a JSON body: Braze gets the body and the key', async () => {
		requireSetup();
		const { error } = await run(post);
		assert.equal(error, undefined, JSON.stringify(error));
		assert.equal(standIn.requests.length, 1);
		const [request] = standIn.requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.headers.authorization, `Bearer ${KEY}`);
		assert.deepEqual(request.body, { attributes: [{ external_id: 'cc-1', first_name: 'Ada' }] });
		assert.equal(request.status, 201);
	});

	it("a URL on another host is refused, naming the credential's host and the fix; the key is not sent", async () => {
		requireSetup();
		const { error, text } = await run(elsewhere);
		assert.ok(error, 'the run fails');
		assert.equal(
			error.message,
			`The URL "${otherHost.url}/campaigns/list" is refused: this Braze API credential sends its key only to ${standIn.url}, its Instance or Custom URL. Use a URL that starts with ${standIn.url}/ (with no user name before the host), or pick the Braze API credential of the instance you want to call.`,
		);
		assert.deepEqual(otherHost.requests, [], 'nothing reached the other host');
		assert.deepEqual(standIn.requests, []);
		assert.ok(!text.includes(KEY), 'the key is not logged');
	});
});

describe('redirects from the Braze host to another host', { concurrency: false }, () => {
	const v42 = workflow('BrazeCcRedir42001', (u) => httpRequest(`${u.braze}/campaigns/list`));
	const v45 = workflow('BrazeCcRedir45001', (u) =>
		httpRequest(`${u.braze}/campaigns/list`, { typeVersion: 4.5 }),
	);
	const post = workflow('BrazeCcRedirPost1', (u) =>
		httpRequest(`${u.braze}/users/track`, {
			method: 'POST',
			typeVersion: 4.5,
			body: { attributes: [{ external_id: 'cc-2' }] },
		}),
	);
	const generic42 = workflow('BrazeCcGeneric421', (u) =>
		httpRequest(`${u.braze}/campaigns/list`, { credential: 'generic' }),
	);
	const generic45 = workflow('BrazeCcGeneric451', (u) =>
		httpRequest(`${u.braze}/campaigns/list`, { credential: 'generic', typeVersion: 4.5 }),
	);

	for (const [name, id] of [
		['HTTP Request 4.2 (sends credentials on cross-origin redirects by default)', v42],
		['HTTP Request 4.5', v45],
	]) {
		it(`${name}: the credential turns redirects off, so the other host gets nothing and the run stops at the 302`, async () => {
			requireSetup();
			redirectToOtherHost();
			const { error, text } = await run(id);
			assert.ok(error, 'the run fails');
			assert.match(error.message, /^302\b/);
			assert.equal(standIn.requests.length, 1);
			assert.equal(standIn.requests[0].status, 302);
			assert.deepEqual(otherHost.requests, [], 'the redirect was not followed');
			assert.ok(!text.includes(KEY), 'the key is not logged');
		});
	}

	it('a POST answered with 307 is not sent on', async () => {
		requireSetup();
		redirectToOtherHost(307, '/users/track');
		const { error } = await run(post);
		assert.match(error.message, /^307\b/);
		assert.deepEqual(otherHost.requests, []);
	});

	// What n8n does without the credential's guard, with its own Header Auth credential: the
	// reason the Braze API credential turns redirects off itself.
	it('n8n itself, HTTP Request 4.2 with a Header Auth credential: follows the redirect and sends the header to the other host', async () => {
		requireSetup();
		redirectToOtherHost();
		const { error } = await run(generic42);
		assert.equal(error, undefined, JSON.stringify(error));
		assert.deepEqual(otherHost.requests, [
			{ method: 'GET', url: '/stolen', authorization: GENERIC_SECRET },
		]);
	});

	it('n8n itself, HTTP Request 4.5 with a Header Auth credential: follows the redirect without the header', async () => {
		requireSetup();
		redirectToOtherHost();
		const { error } = await run(generic45);
		assert.equal(error, undefined, JSON.stringify(error));
		assert.deepEqual(otherHost.requests, [{ method: 'GET', url: '/stolen', authorization: null }]);
	});
});

describe('the Braze node\'s "Custom API Call" entry, run as it is', { concurrency: false }, () => {
	const asOperation = workflow('BrazeCcNodeOp0001', () => ({
		...braze(
			{ externalUserIds: 'u-1', ...email, operation: '__CUSTOM_API_CALL__' },
			{ credentialId: n8n.STANDIN_CREDENTIAL_ID },
		),
		typeVersion: 2,
	}));
	const asResource = workflow('BrazeCcNodeRes001', () => ({
		...braze({ resource: '__CUSTOM_API_CALL__' }, { credentialId: n8n.STANDIN_CREDENTIAL_ID }),
		typeVersion: 2,
	}));

	for (const [name, id] of [
		['as the operation', asOperation],
		['as the resource', asResource],
	]) {
		it(`${name}: nothing is sent, and the error points to the HTTP Request node`, async () => {
			requireSetup();
			const { error } = await run(id);
			assert.ok(error, 'the run fails');
			assert.equal(
				error.message,
				'The request names no Braze endpoint, so nothing was sent. In the Braze node this happens when Resource or Operation is "Custom API Call": make that call with an HTTP Request node instead (Authentication › Predefined Credential Type › Braze API), which adds this credential\'s key for you.',
			);
			assert.deepEqual(standIn.requests, []);
		});
	}
});
