import type { IDataObject } from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { runBrazeNode } from '../helpers/engine';
import { API_KEY, standInCredentials } from '../helpers/standIn';
import type { BrazeStandIn } from '../helpers/standIn';
import { HttpRequestProbe } from './httpRequestProbe';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandbox = require('../sandbox') as {
	startBrazeStandIn(options?: IDataObject): Promise<BrazeStandIn>;
};

/**
 * The Braze API credential used by n8n's HTTP Request node: absolute URLs, the legacy request
 * shape, redirects followed unless the credential turns them off. `braze` is the credential's
 * URL; `otherPort` and `otherHost` are where the key must never arrive.
 */
let braze: BrazeStandIn;
let otherPort: BrazeStandIn;
let otherHost: BrazeStandIn;
let everyServer: BrazeStandIn[];

beforeAll(async () => {
	braze = await sandbox.startBrazeStandIn({ port: 0 });
	otherPort = await sandbox.startBrazeStandIn({ port: 0 });
	otherHost = await sandbox.startBrazeStandIn({ port: 0, host: '127.0.0.2' });
	everyServer = [braze, otherPort, otherHost];
});
afterAll(async () => await Promise.all(everyServer.map(async (server) => await server.close())));
beforeEach(() => everyServer.forEach((server) => server.reset()));

async function httpRequest(parameters: IDataObject, credentials = standInCredentials(braze)) {
	return await runBrazeNode({
		nodeType: new HttpRequestProbe(),
		parameters: { method: 'GET', ...parameters } as never,
		credentials,
	});
}

/** No server but the credential's received anything. */
function expectNothingElsewhere() {
	expect(otherPort.requests).toEqual([]);
	expect(otherHost.requests).toEqual([]);
}

describe('HTTP Request node with the Braze API credential', () => {
	it('GET to an absolute URL on the credential\'s host carries "Authorization: Bearer <key>"', async () => {
		const result = await httpRequest({ url: `${braze.url}/campaigns/list?page=0` });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.statusCode).toBe(200);
		expect(braze.requests).toHaveLength(1);
		expect(braze.requests[0].path).toBe('/campaigns/list');
		expect(braze.requests[0].query).toEqual({ page: '0' });
		expect(braze.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(braze.requests[0].status).toBe(200);
	});

	it('POST with a JSON body reaches Braze as sent', async () => {
		const result = await httpRequest({
			method: 'POST',
			url: `${braze.url}/users/track`,
			body: JSON.stringify({ attributes: [{ external_id: 'u-1', first_name: 'Ada' }] }),
		});
		expect(result.error).toBeUndefined();
		expect(braze.requests).toHaveLength(1);
		expect(braze.requests[0].method).toBe('POST');
		expect(braze.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(braze.requests[0].body).toEqual({
			attributes: [{ external_id: 'u-1', first_name: 'Ada' }],
		});
		expect(braze.requests[0].status).toBe(201);
	});

	it.each([
		['on another port', () => `${otherPort.url}/campaigns/list`],
		['on another host', () => `${otherHost.url}/campaigns/list`],
		['with https for http', () => `${braze.url.replace('http:', 'https:')}/campaigns/list`],
		['with localhost for 127.0.0.1', () => `${braze.url.replace('127.0.0.1', 'localhost')}/x`],
		['with a user name before the host', () => braze.url.replace('http://', 'http://user@')],
		['with the Braze host as a user name', () => `http://${braze.url.slice(7)}@127.0.0.2/x`],
	])(
		"an absolute URL %s is refused, naming the credential's host and the fix; nothing is sent",
		async (_case, url) => {
			const result = await httpRequest({ url: url() });
			expect(result.error?.message).toMatch(
				/^The URL ".*" is refused: this Braze API credential sends its key only to http:\/\/127\.0\.0\.1:\d+, its Instance or Custom URL\./,
			);
			expect(result.error?.message).toContain(`Use a URL that starts with ${braze.url}/`);
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
			expect(braze.requests).toEqual([]);
			expectNothingElsewhere();
		},
	);

	it.each([
		['another host', () => otherHost, true],
		[
			'another host, with cross-origin credentials turned off (HTTP Request 4.4+)',
			() => otherHost,
			false,
		],
		['another port', () => otherPort, true],
		['the same host and port', () => braze, true],
	])(
		'a redirect to %s is not followed: the key goes nowhere else',
		async (_case, target, sendOnRedirect) => {
			braze.queueFaults({
				type: 'redirect',
				status: 302,
				location: `${target().url}/campaigns/list?redirected=1`,
				path: '/campaigns/list',
			});
			const result = await httpRequest({
				url: `${braze.url}/campaigns/list`,
				sendCredentialsOnCrossOriginRedirect: sendOnRedirect,
			});
			expect(result.error?.message).toMatch(/302/);
			expect(braze.requests).toHaveLength(1);
			expect(braze.requests[0].status).toBe(302);
			expect(braze.requests.filter((request) => request.query.redirected)).toEqual([]);
			expectNothingElsewhere();
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
		},
	);

	it('a POST answered with 307 is not sent again anywhere', async () => {
		braze.queueFaults({
			type: 'redirect',
			status: 307,
			location: `${otherHost.url}/users/track`,
			path: '/users/track',
		});
		const result = await httpRequest({
			method: 'POST',
			url: `${braze.url}/users/track`,
			body: JSON.stringify({ attributes: [{ external_id: 'u-1' }] }),
		});
		expect(result.error?.message).toMatch(/307/);
		expect(braze.requests).toHaveLength(1);
		expectNothingElsewhere();
	});
});

describe('the credential as n8n loads a community package', () => {
	// n8n 2.41's loader copies a package's credential types with `{ ...credential }`. Only an own
	// `authenticate` survives that copy; without it the HTTP Request node does not offer the
	// credential and the node gets no Custom API Call entry (test/e2e/editorCustomCall.e2e.js
	// checks both in the real editor).
	it('keeps `authenticate` and `httpRequestNode` through the copy', () => {
		const loaded = { ...new BrazeApi() } as IDataObject;
		expect(typeof loaded.authenticate).toBe('function');
		expect(loaded.httpRequestNode).toEqual({
			name: 'Braze',
			docsUrl: 'https://www.braze.com/docs/api/basics/',
			apiBaseUrlPlaceholder: 'https://rest.iad-01.braze.com/campaigns/list',
		});
	});
});

describe("authenticate() with the helpers' other request shape (httpRequestWithAuthentication)", () => {
	const { authenticate } = new BrazeApi();
	const credentials = { apiKey: 'k-123', instance: 'https://rest.fra-01.braze.eu' };

	it('an absolute `url` on the instance keeps its URL and gets the key, with redirects off', async () => {
		const options = await authenticate(credentials, {
			url: 'https://rest.fra-01.braze.eu/campaigns/list?page=1',
		});
		expect(options.url).toBe('https://rest.fra-01.braze.eu/campaigns/list?page=1');
		expect(options.baseURL).toBeUndefined();
		expect(options.headers?.Authorization).toBe('Bearer k-123');
		expect(options.disableFollowRedirect).toBe(true);
		expect(options.sendCredentialsOnCrossOriginRedirect).toBe(false);
	});

	it('a path goes after the instance URL', async () => {
		const options = await authenticate(credentials, { url: '/users/track' });
		expect(options.baseURL).toBe('https://rest.fra-01.braze.eu');
	});

	it.each([
		[{ url: 'https://rest.iad-01.braze.com/campaigns/list' }],
		[{ url: '//rest.iad-01.braze.com/campaigns/list' }],
		[{ url: '\\\\evil.example/x' }],
		[{ url: '/users/track', baseURL: 'https://evil.example' }],
	])('%j is refused before the key is attached', async (request) => {
		await expect(authenticate(credentials, request)).rejects.toThrow(
			/sends its key only to https:\/\/rest\.fra-01\.braze\.eu, its Instance or Custom URL/,
		);
	});
});
