import { assertSecureBrazeUrl, BrazeApi } from '../../credentials/BrazeApi.credentials';
import { runCredentialTest } from '../helpers/credentialTest';
import { runBrazeNode } from '../helpers/engine';
import { API_KEY, NO_SEND_KEY, standInCredentials, useStandIn } from '../helpers/standIn';

const standIn = useStandIn();

describe('Braze API credential', () => {
	const credential = new BrazeApi();

	it('masks the API key', () => {
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
	});

	it('lists every documented REST instance plus Custom URL', () => {
		const instance = credential.properties.find((property) => property.name === 'instance');
		const values = (instance?.options ?? []).map((option) => (option as { value: string }).value);
		expect(values).toEqual([
			'https://rest.iad-01.braze.com',
			'https://rest.iad-02.braze.com',
			'https://rest.iad-03.braze.com',
			'https://rest.iad-04.braze.com',
			'https://rest.iad-05.braze.com',
			'https://rest.iad-06.braze.com',
			'https://rest.iad-07.braze.com',
			'https://rest.iad-08.braze.com',
			'https://rest.us-10.braze.com',
			'https://rest.fra-01.braze.eu',
			'https://rest.fra-02.braze.eu',
			'https://rest.au-01.braze.com',
			'https://rest.id-01.braze.com',
			'https://rest.jp-01.braze.com',
			'https://rest.kr-01.braze.com',
			'custom',
		]);
		const names = (instance?.options ?? []).map((option) => option.name);
		for (const code of [
			'US-01',
			'US-08',
			'US-10',
			'EU-01',
			'EU-02',
			'AU-01',
			'ID-01',
			'JP-01',
			'KR-01',
		]) {
			expect(names.some((name) => name.startsWith(code))).toBe(true);
		}
	});

	describe('URL rules', () => {
		it.each([
			'https://rest.iad-01.braze.com',
			'http://127.0.0.1:8787',
			'http://localhost:8787',
			'http://[::1]:8787',
		])('accepts %s', (url) => expect(() => assertSecureBrazeUrl(url)).not.toThrow());

		it.each([
			'http://rest.iad-01.braze.com',
			'http://10.0.0.5:8080',
			'http://127.0.0.1.example.com',
		])('refuses %s, naming https', (url) =>
			expect(() => assertSecureBrazeUrl(url)).toThrow(/must start with https:\/\//),
		);

		it('refuses a URL that is not one', () => {
			expect(() => assertSecureBrazeUrl('rest.braze')).toThrow(/not a valid URL/);
		});

		it('stops a send to a plain-http custom URL before anything is sent, and never sends the key', async () => {
			const result = await runBrazeNode({
				parameters: {
					resource: 'message',
					operation: 'send',
					externalUserIds: 'u1',
					channels: ['sms'],
					smsAppId: 'a',
					smsSubscriptionGroupId: 'g',
					smsBody: 'hi',
				},
				credentials: { apiKey: API_KEY, instance: 'custom', customUrl: 'http://braze.example.com' },
			});
			expect(result.error?.message).toMatch(/must start with https:\/\//);
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
		});

		it('attaches the key as a Bearer header, and only to a secure URL', async () => {
			const options = await credential.authenticate(
				{ apiKey: 'k-123', instance: 'https://rest.fra-01.braze.eu' },
				{ baseURL: 'https://rest.fra-01.braze.eu', url: '/messages/send', headers: {} },
			);
			expect(options.headers?.Authorization).toBe('Bearer k-123');
			await expect(
				credential.authenticate(
					{ apiKey: 'k-123', instance: 'custom', customUrl: 'http://evil.example' },
					{ baseURL: 'http://evil.example', url: '/messages/send' },
				),
			).rejects.toThrow(/https/);
		});
	});

	describe('credential test (never sends a message)', () => {
		it('reports success for an accepted key', async () => {
			const result = await runCredentialTest(standInCredentials(standIn));
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(standIn.requests).toHaveLength(1);
			expect(standIn.requests[0].body).toEqual({ external_user_ids: [] });
			expect(standIn.deliveries.size).toBe(0);
		});

		it('tells a rejected key or wrong instance (401), with a hint to check the instance', async () => {
			const result = await runCredentialTest(standInCredentials(standIn, 'wrong-key-123456'));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/401/);
			expect(result.message).toMatch(/Instance/);
		});

		it('a users-only key: the 403 says only messages.send was checked and names what the user operations need', async () => {
			const result = await runCredentialTest(standInCredentials(standIn, 'users-only-key'));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/cannot send messages/);
			expect(result.message).toMatch(/checks messages\.send only/);
			expect(result.message).toMatch(/users\.track/);
			expect(standIn.requests).toHaveLength(1);
		});

		it('tells a key without messages.send (403)', async () => {
			const result = await runCredentialTest(standInCredentials(standIn, NO_SEND_KEY));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/messages\.send/);
			expect(result.message).toMatch(/403/);
		});

		it('refuses an insecure custom URL without calling it', async () => {
			const result = await runCredentialTest({
				apiKey: API_KEY,
				instance: 'custom',
				customUrl: 'http://braze.example.com',
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/https:\/\//);
		});
	});
});

describe('Custom URL refusals name the URL as typed', () => {
	it.each([
		['https://rest.iad-01.braze.com/?x=1', /contains a query/],
		['https://rest.iad-01.braze.com/#frag', /contains a fragment/],
		['http://u@127.0.0.1:8787', /user name or password/],
		['https://user:pass@rest.iad-01.braze.com', /user name or password/],
		['file:///etc/passwd', /"file:\/\/\/etc\/passwd" is refused: only https:\/\//],
		['ftp://rest.iad-01.braze.com', /"ftp:\/\/rest.iad-01.braze.com" is refused/],
	])('%s', (url, message) => {
		expect(() => assertSecureBrazeUrl(url)).toThrow(message);
	});

	it('a refused URL gets no request and no key, and says so', async () => {
		const result = await runBrazeNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				externalUserIds: 'u1',
				channels: ['sms'],
				smsAppId: 'a',
				smsSubscriptionGroupId: 'g',
				smsBody: 'Hi',
			},
			credentials: { apiKey: API_KEY, instance: 'custom', customUrl: `${standIn.url}/?x=1` },
		});
		expect(result.error?.message).toMatch(/contains a query/);
		expect(standIn.requests).toHaveLength(0);
	});
});
