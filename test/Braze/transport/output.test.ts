import { runBrazeNode } from '../../helpers/engine';
import { API_KEY, NO_SEND_KEY, standInCredentials, useStandIn } from '../../helpers/standIn';

const standIn = useStandIn();

const emailTo = (userExpression: string) => ({
	resource: 'message',
	operation: 'send',
	externalUserIds: userExpression,
	channels: ['email'],
	emailAppId: 'app-1',
	emailFrom: 'Acme <news@acme.com>',
	emailBody: '<p>Hi</p>',
});

describe('Output', () => {
	it('gives one item per input item with dispatch_id and message, linked by pairedItem, to the next node', async () => {
		const result = await runBrazeNode({
			parameters: emailTo('={{ $json.userId }}'),
			items: [{ userId: 'u1' }, { userId: 'u2' }, { userId: 'u3' }],
			credentials: standInCredentials(standIn),
			receive: '={{ $json.dispatch_id }}',
		});
		expect(result.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.body?.external_user_ids)).toEqual(
			expect.arrayContaining([['u1'], ['u2'], ['u3']]),
		);
		expect(result.output).toHaveLength(3);
		result.output.forEach((item, index) => {
			const request = standIn.requests.find(
				(r) => (r.body?.external_user_ids as string[])[0] === `u${index + 1}`,
			);
			expect(item.json).toEqual({ dispatch_id: request?.response.dispatch_id, message: 'success' });
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(result.received.map((item) => item.json.received)).toEqual(
			result.output.map((item) => item.json.dispatch_id),
		);
	});

	it("passes on Braze's non-fatal errors", async () => {
		const result = await runBrazeNode({
			parameters: emailTo('u1, unknown-7'),
			credentials: standInCredentials(standIn),
		});
		expect(result.output[0].json.dispatch_id).toBeTruthy();
		expect(result.output[0].json.message).toBe('success');
		expect(result.output[0].json.errors).toEqual(standIn.requests[0].response.errors);
		expect((result.output[0].json.errors as string[]).join()).toMatch(/unknown-7/);
	});
});

describe("HTTP errors in the user's terms", () => {
	async function sendWith(apiKey: string) {
		return await runBrazeNode({
			parameters: emailTo('u1'),
			credentials: standInCredentials(standIn, apiKey),
		});
	}

	it('401: the key or the instance', async () => {
		const result = await sendWith('not-a-real-key-123');
		expect(result.error?.message).toBe('Braze rejected the API key (401 Unauthorized)');
		expect(String(result.error?.description)).toMatch(/Instance matches your dashboard/);
		expect(result.error?.httpCode).toBe('401');
		expect(standIn.requests).toHaveLength(1);
	});

	it('403: the permission', async () => {
		const result = await sendWith(NO_SEND_KEY);
		expect(result.error?.message).toBe(
			'The Braze API key lacks the messages.send permission (403)',
		);
		expect(String(result.error?.description)).toMatch(
			/create a key with the messages.send permission/,
		);
	});

	it("400: carries Braze's own message and details", async () => {
		const result = await runBrazeNode({
			parameters: {
				...emailTo('u1'),
				options: { campaignId: 'c1' },
				emailOptions: { additionalJson: '{}' },
			},
			credentials: standInCredentials(standIn),
		});
		// The node itself stops a campaign send without variation ids, so nothing reaches Braze.
		expect(result.error?.message).toMatch(/Message Variation ID/);
		expect(standIn.requests).toHaveLength(0);

		const rejected = await runBrazeNode({
			parameters: {
				...emailTo('u1'),
				emailOptions: { additionalJson: '{"extras": "not-an-object"}' },
			},
			credentials: standInCredentials(standIn),
		});
		expect(standIn.requests).toHaveLength(1);
		expect(rejected.error?.message).toBe(
			`Braze rejected the request (400): ${String(standIn.requests[0].response.message)}`,
		);
		expect(String(rejected.error?.description)).toContain('Braze says:');
		expect(rejected.error?.httpCode).toBe('400');
	});

	it('429: rate limited, with the reset time', async () => {
		standIn.queueFaults({ type: 'rateLimited', resetInSeconds: 120 });
		const result = await sendWith(API_KEY);
		expect(result.error?.message).toBe(
			'Braze rate limit reached (429): nothing was sent for this item',
		);
		expect(String(result.error?.description)).toMatch(/The limit resets at \d{4}-\d{2}-\d{2}T/);
		expect(standIn.deliveries.size).toBe(0);
	});

	it('5xx: says the message may or may not have been sent', async () => {
		standIn.queueFaults({ type: 'serverError', status: 503 });
		const result = await sendWith(API_KEY);
		expect(result.error?.message).toBe(
			'Braze answered with a server error (503): the message may or may not have been sent',
		);
		expect(standIn.requests).toHaveLength(1);
	});

	it('404: the instance URL', async () => {
		const result = await runBrazeNode({
			parameters: emailTo('u1'),
			credentials: { apiKey: API_KEY, instance: 'custom', customUrl: `${standIn.url}/nowhere` },
		});
		expect(result.error?.message).toBe('Braze has no such endpoint (404)');
	});

	it('an unreachable server: a clear error without the request details', async () => {
		const result = await runBrazeNode({
			parameters: emailTo('u1'),
			credentials: { apiKey: API_KEY, instance: 'custom', customUrl: 'http://127.0.0.1:1' },
		});
		expect(result.error?.message).toBe('Could not reach Braze: nothing was sent');
		expect(String(result.error?.description)).toMatch(/Connection error: ECONNREFUSED/);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});
});

describe('Continue On Fail', () => {
	it('keeps one output item per input item, errors included, in order', async () => {
		const result = await runBrazeNode({
			parameters: emailTo('={{ $json.userId }}'),
			items: [{ userId: 'u1' }, { userId: '' }, { userId: 'u3' }],
			credentials: standInCredentials(standIn),
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(3);
		expect(result.output[0].json.dispatch_id).toBeTruthy();
		expect(result.output[1].json.error).toBe('No recipients: nobody would receive this message');
		expect(result.output[2].json.dispatch_id).toBeTruthy();
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(standIn.requests).toHaveLength(2);
	});

	it('turns a Braze error into an error item instead of failing the run', async () => {
		const result = await runBrazeNode({
			parameters: emailTo('u1'),
			credentials: standInCredentials(standIn, NO_SEND_KEY),
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([
			expect.objectContaining({
				json: { error: 'The Braze API key lacks the messages.send permission (403)' },
			}),
		]);
	});
});

describe('The API key never leaks', () => {
	const leakProbe = ['sk', 'leak', 'probe', '0123456789'].join('-');

	it.each([
		['a 401 answer', { apiKey: leakProbe, instance: 'custom', customUrl: '' }],
		[
			'a refused connection',
			{ apiKey: leakProbe, instance: 'custom', customUrl: 'http://127.0.0.1:1' },
		],
		[
			'an insecure URL',
			{ apiKey: leakProbe, instance: 'custom', customUrl: 'http://braze.example.com' },
		],
	])('in outputs or errors after %s', async (_case, credentials) => {
		const resolved =
			credentials.customUrl === '' ? { ...credentials, customUrl: standIn.url } : credentials;
		for (const onError of [undefined, 'continueRegularOutput', 'continueErrorOutput'] as const) {
			const result = await runBrazeNode({
				parameters: emailTo('u1'),
				credentials: resolved,
				onError,
			});
			const everything =
				JSON.stringify(result.run) +
				String(result.error?.stack ?? '') +
				String(result.error?.message ?? '');
			expect(everything).not.toContain(leakProbe);
			expect(everything).not.toContain(leakProbe.slice(0, 12));
		}
	});

	it("nor in the stand-in's answers", async () => {
		await runBrazeNode({
			parameters: emailTo('u1'),
			credentials: standInCredentials(standIn, leakProbe),
		});
		expect(JSON.stringify(standIn.requests[0].response)).not.toContain(leakProbe);
	});
});
