// Who may start the Braze Trigger: the secret in the URL (query token or basic auth), refused
// requests start nothing, and the secret shows up nowhere.
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { BrazeTrigger } from '../../nodes/BrazeTrigger/BrazeTrigger.node';
import { postbackEvent } from '../helpers/postbackEvents';
import { SECRET, checkActivation, useTriggerWebhook } from '../helpers/triggerEngine';
import type { HttpAnswer } from '../helpers/triggerEngine';

const { setup, webhook } = useTriggerWebhook();
const event = postbackEvent('delivered');

function expectRefused(answer: HttpAnswer, status: number, message: RegExp) {
	expect(answer.status).toBe(status);
	expect(String(answer.json?.error)).toMatch(message);
	expect(answer.text).not.toContain(SECRET);
	expect(webhook.runs).toHaveLength(0);
}

describe('Authentication › Secret Token in URL (the default)', () => {
	it('the right ?token= starts the workflow; the token is nowhere in the execution', async () => {
		const answer = await webhook.post(event, { query: `?token=${SECRET}` });
		expect(answer.status).toBe(200);
		expect(webhook.runs).toHaveLength(1);
		expect(JSON.stringify(webhook.runs[0].run)).not.toContain(SECRET);
	});

	it('no token: 401, nothing starts', async () => {
		expectRefused(await webhook.post(event), 401, /needs its secret as \?token=/);
		expectRefused(await webhook.post(event, { query: '?token=' }), 401, /needs its secret/);
	});

	it.each([
		['a wrong token', '?token=example-postback-secret-0123456780'],
		['the token with one more character', `?token=${SECRET}x`],
		['a prefix of the token', `?token=${SECRET.slice(0, -1)}`],
		['the token twice', `?token=${SECRET}&token=${SECRET}`],
	])('%s: 403, nothing starts', async (_name, query) => {
		expectRefused(await webhook.post(event, { query }), 403, /secret token is wrong/);
	});

	it('the secret as basic auth does not count: the token must be in the query', async () => {
		expectRefused(await webhook.post(event, { auth: `braze:${SECRET}` }), 401, /\?token=/);
	});

	it('a refused request is refused before its body is read: a bad body without the token is 401, not 400', async () => {
		expectRefused(await webhook.post('not json', { contentType: 'text/plain' }), 401, /token/);
	});
});

describe('Authentication › Basic Auth in URL', () => {
	beforeEach(() => {
		setup.parameters = { authentication: 'basicAuth' };
	});

	it('https://user:secret@host/… as a URL-only sender sends it: the workflow starts', async () => {
		const answer = await webhook.post(event, { auth: `braze:${SECRET}` });
		expect(answer.status).toBe(200);
		expect(webhook.runs).toHaveLength(1);
		expect(JSON.stringify(webhook.runs[0].run)).not.toContain(SECRET);
	});

	it('no credentials: 401 with a Basic challenge', async () => {
		const answer = await webhook.post(event);
		expectRefused(answer, 401, /basic authentication/);
		expect(answer.headers['www-authenticate']).toMatch(/^Basic realm="Braze Trigger"/);
	});

	it.each([
		['a wrong secret', `braze:${SECRET}x`],
		['a wrong user name', `brazer:${SECRET}`],
		['no password', 'braze:'],
	])('%s: 403, nothing starts', async (_name, auth) => {
		expectRefused(await webhook.post(event, { auth }), 403, /user name or secret is wrong/);
	});

	it('the token in the query does not count', async () => {
		expectRefused(await webhook.post(event, { query: `?token=${SECRET}` }), 401, /basic/);
	});
});

describe('Authentication › None (Unsafe)', () => {
	it('any request with an event starts the workflow, with no credential at all', async () => {
		setup.parameters = { authentication: 'none' };
		setup.credentials = {};
		const answer = await webhook.post(event);
		expect(answer.status).toBe(200);
		expect(webhook.runs).toHaveLength(1);
	});
});

describe('A credential that cannot protect the webhook', () => {
	it.each([
		['an empty secret', { secret: '' }, /Secret is empty/],
		['a short secret', { secret: 'short-secret' }, /has 12 characters; use at least 24/],
		[
			'a secret a URL would encode',
			{ secret: 'a secret with spaces and & signs!!' },
			/URL would have to encode/,
		],
	])(
		'%s: 500 naming the problem, nothing starts, even with the matching token',
		async (_n, credentials, message) => {
			setup.credentials = credentials;
			const query = `?token=${encodeURIComponent(String(credentials.secret))}`;
			const answer = await webhook.post(event, { query });
			expectRefused(answer, 500, message);
			if (credentials.secret) expect(answer.text).not.toContain(credentials.secret);
		},
	);

	it('Basic Auth: a user name with ":" is refused', async () => {
		setup.parameters = { authentication: 'basicAuth' };
		setup.credentials = { secret: SECRET, user: 'bra:ze' };
		expectRefused(await webhook.post(event, { auth: `bra:ze:${SECRET}` }), 500, /User Name/);
	});
});

describe("The credential's test and the activation check", () => {
	const trigger = new BrazeTrigger();
	const test = async (data: ICredentialDataDecryptedObject) =>
		await trigger.methods.credentialTest.brazePostbackSecret.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'brazePostbackApi',
			data,
		});

	it('tells a usable secret from one the webhook would refuse, without a request', async () => {
		expect(await test({ secret: SECRET, user: 'braze' })).toEqual({
			status: 'OK',
			message: 'The secret can protect the webhook.',
		});
		// "~" is never in the suggested secret (base64url), so the message cannot hold "a~c" by chance.
		const short = await test({ secret: 'a~c', user: 'braze' });
		expect(short.status).toBe('Error');
		expect(short.message).toMatch(/Secret has 3 characters/);
		expect(short.message).not.toContain('a~c');
	});

	it('the node declares the test for each of its credentials', () => {
		expect(trigger.description.credentials).toEqual([
			expect.objectContaining({ name: 'brazePostbackApi', testedBy: 'brazePostbackSecret' }),
			expect.objectContaining({ name: 'brazePostbackTokenApi', testedBy: 'brazePostbackToken' }),
		]);
	});

	it('publishing the workflow fails on a secret the webhook would refuse, naming the problem', async () => {
		await expect(checkActivation({ parameters: {} })).resolves.toBe(true);
		await expect(
			checkActivation({ parameters: {}, credentials: { secret: 'too-short' } }),
		).rejects.toThrow(/cannot protect the webhook: its Secret has 9 characters/);
		await expect(
			checkActivation({ parameters: { authentication: 'none' }, credentials: {} }),
		).resolves.toBe(true);
	});
});
