'use strict';
// End-to-end: the Braze API credential's test (the editor's "Retry" / save in the credential
// modal, POST /rest/credentials/test) in a real n8n, on each n8n of the version matrix
// (docs/compatibility.md): a good key, a rejected key (401) and a key without messages.send (403).
// n8n 1.x's HTTP layer lets every status through a list of exceptions, so the credential sends
// plain error handling there (credentials/statusExceptions.ts): the good key's 400 fails too,
// with the 400 rule's words ("The API key works…", seen on n8n 1.85.4) or, where n8n's tester
// loses the status the rules need (n8n 1.123.81: NodeApiError's `cause` is undefined there),
// n8n's own words for the status. On every version a bad key never passes, and the good key's
// answer differs from a bad key's.
// Runs only through `npm run test:e2e` / `npm run test:e2e:n8n1` (BRAZE_E2E=1).
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
const { paths } = require('../../scripts/lib/cache');

const OWNER = { email: 'e2e@example.com', password: 'E2e-pass-1234', firstName: 'E2E', lastName: 'Tester' };
const KEYS = { good: 'local-dev-key', rejected: 'unknown-key-123456', noSend: 'no-send-key' };
const log = (...a) => console.log('#', ...a);

let standIn;
let server;
let userFolder;
let setupError;
const n8nVersion = () => JSON.parse(fs.readFileSync(path.join(paths.modules, 'n8n', 'package.json'), 'utf8')).version;

before(async () => {
	try {
		await ensureInstalled();
		const { startBrazeStandIn } = require('../sandbox');
		standIn = await startBrazeStandIn({ port: 0 });
		const tarball = n8n.packPackage({ log });
		userFolder = n8n.makeUserFolder('n8n-braze-credtest-');
		n8n.installPackage(userFolder, tarball);
		await n8n.importCredentials(
			userFolder,
			Object.entries(KEYS).map(([name, key], i) => n8n.brazeCredential(standIn.url, key, `BrazeCredTest000${i}`, `Braze ${name}`)),
		);
		server = await n8n.startN8nServer({ userFolder, port: await n8n.freePort(), owner: OWNER });
		log(`n8n ${n8nVersion()} ready on ${server.url} in ${server.readyMs} ms`);
	} catch (e) {
		setupError = e;
	}
});

after(async () => {
	if (server) await server.stop();
	if (standIn) await standIn.close();
	if (userFolder && process.env.BRAZE_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
});

/** What the editor sends when the user tests a saved credential; n8n's answer `{ status, message }`. */
async function testCredential(name) {
	const index = Object.keys(KEYS).indexOf(name);
	standIn.reset();
	const r = await n8n.httpJson('POST', `${server.url}/rest/credentials/test`, {
		headers: { cookie: server.owner.cookie, 'browser-id': server.owner.browserId },
		body: {
			credentials: {
				id: `BrazeCredTest000${index}`,
				name: `Braze ${name}`,
				type: 'brazeApi',
				data: { apiKey: KEYS[name], instance: 'custom', customUrl: standIn.url },
			},
		},
	});
	assert.equal(r.status, 200, r.text);
	return r.json.data;
}

it('setup: real n8n started with the package installed and three Braze API credentials', () => {
	if (setupError) throw setupError;
});

describe('The Braze API credential test in a real n8n', { concurrency: false }, () => {
	const oneX = () => Number(n8nVersion().split('.')[0]) < 2;
	const works = /^The API key works: Braze accepted the key and its messages\.send permission/;

	it('a good key: passes on n8n 2.x; on n8n 1.x its 400 says the key works, or "Bad request"', async () => {
		assert.ifError(setupError);
		const result = await testCredential('good');
		log(`n8n ${n8nVersion()}: ${JSON.stringify(result)}`);
		if (oneX()) {
			assert.equal(result.status, 'Error');
			assert.match(result.message, new RegExp(`${works.source}|^Bad request - please check your parameters$`));
		} else {
			assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
		}
		assert.deepEqual(standIn.requests.map((r) => [r.path, r.status]), [['/messages/send', 400]]);
		assert.equal(standIn.requests[0].headers.authorization, `Bearer ${KEYS.good}`);
	});

	it('a rejected key (401) fails, named: never "Connection successful"', async () => {
		assert.ifError(setupError);
		const result = await testCredential('rejected');
		assert.equal(result.status, 'Error');
		assert.match(result.message, oneX() ? /Braze rejected the API key \(401\)|^Authorization failed/ : /Braze rejected the API key \(401\)/);
		assert.doesNotMatch(result.message, works);
		assert.ok(standIn.requests.every((r) => r.status === 401));
	});

	it('a key without messages.send (403) fails, named', async () => {
		assert.ifError(setupError);
		const result = await testCredential('noSend');
		assert.equal(result.status, 'Error');
		assert.match(result.message, oneX() ? /lacks the messages\.send permission \(403\)|^Forbidden/ : /lacks the messages\.send permission \(403\)/);
		assert.doesNotMatch(result.message, works);
		assert.deepEqual(standIn.requests.map((r) => r.status), [403]);
	});
});
